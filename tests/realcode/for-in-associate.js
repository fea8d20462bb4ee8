const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const db = {
  Vendor: sequelize.define('Vendor', { name: DataTypes.STRING }),
  Part: sequelize.define('Part', { code: DataTypes.STRING }),
  Supply: sequelize.define('Supply', { price: DataTypes.INTEGER }),
};

db.Vendor.associate = (m) => m.Vendor.belongsToMany(m.Part, { through: m.Supply, as: 'parts' });
db.Part.associate = (m) => m.Part.belongsToMany(m.Vendor, { through: m.Supply, as: 'vendors' });

for (const name in db) {
  if ('associate' in db[name]) {
    db[name].associate(db);
  }
}

(async () => {
  await sequelize.sync({ force: true });
  const vendor = await db.Vendor.create({ name: 'Bolts Inc' });
  const part = await db.Part.create({ code: 'M8' });
  await vendor.addPart(part);
  const parts = await vendor.getParts();
  console.log(parts.map((p) => p.code));
})();
