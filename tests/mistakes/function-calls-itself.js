// expect error "RangeError: Maximum call stack size exceeded" at "addPug()"#2 hint "call itself without end"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
async function addPug() {
  await Owner.create({ name: 'Tom' });
  await addPug();
}
await addPug();
