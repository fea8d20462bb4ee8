const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Invoice = sequelize.define('Invoice', { number: DataTypes.STRING });
const Client = sequelize.define('Client', { name: DataTypes.STRING });
const Line = sequelize.define('Line', { description: DataTypes.STRING, amount: DataTypes.INTEGER });

Invoice.belongsTo(Client, { as: 'client' });
Invoice.hasMany(Line, { as: 'lines' });

(async () => {
  await sequelize.sync({ force: true });
  const client = await Client.create({ name: 'Initech' });
  const invoice = await Invoice.create({ number: 'INV-1', clientId: client.id });
  await invoice.createLine({ description: 'TPS reports', amount: 120 });
  const found = await Invoice.findOne({ include: { all: true } });
  console.log(found.number, found.client.name, found.lines.map((l) => l.description));
})();
