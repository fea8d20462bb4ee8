const Owner = sequelize.define('owner', { firstName: DataTypes.STRING }, { underscored: true });
const Pug = sequelize.define('pug', { name: DataTypes.STRING, birthDate: DataTypes.DATEONLY }, { underscored: true });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);
