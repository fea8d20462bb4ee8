const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', {
  name: DataTypes.STRING,
  ownerId: { type: DataTypes.INTEGER, references: { model: 'owners', key: 'id' } },
});
