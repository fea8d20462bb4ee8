// expect error "Missing ','" at "1" hint "commas"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await sequelize.sync();
await Owner.create({
  id: 1 // the key
  name: 'Tom',
});
