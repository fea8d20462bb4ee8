// Model-wide validators, find hooks that change the options or the results, and
// silent saves and updates that leave updatedAt alone.
const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Place = sequelize.define('Place', {
  name: DataTypes.STRING,
  lat: { type: DataTypes.FLOAT, allowNull: true },
  lng: { type: DataTypes.FLOAT, allowNull: true },
  hidden: { type: DataTypes.BOOLEAN, defaultValue: false },
}, {
  validate: {
    bothCoordsOrNone() {
      if ((this.lat == null) !== (this.lng == null)) {
        throw new Error('Either both latitude and longitude, or neither!');
      }
    },
  },
  hooks: {
    beforeFind(options) {
      options.where = { ...(options.where || {}), hidden: false };
    },
    afterFind(result) {
      if (Array.isArray(result)) result.forEach((p) => { p.dataValues.seen = true; });
    },
  },
});
await sequelize.sync();
await Place.create({ name: 'Home', lat: 1.5, lng: 2.5 });
await Place.create({ name: 'Secret', hidden: true });
try {
  await Place.create({ name: 'Half', lat: 3 });
} catch (e) {
  console.log(e.name, e.errors.map((x) => [x.message, x.type, x.path]));
}
const found = await Place.findAll({ order: [['id', 'ASC']] });
console.log(found.map((p) => [p.name, p.dataValues.seen]));
console.log(await Place.count());
const home = await Place.findByPk(1);
const before = home.updatedAt.getTime();
home.name = 'House';
await home.save({ silent: true });
console.log(home.updatedAt.getTime() === before, home.changed());
await Place.update({ name: 'Flat' }, { where: { id: 1 }, silent: true });
await Place.update({ lat: 9 }, { where: { id: 1 } });
const again = await Place.findOne({ where: { id: 1 } });
console.log(again.name, again.lat);
