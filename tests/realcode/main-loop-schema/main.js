const { Sequelize, DataTypes } = require('sequelize');
const schema = require('./schema.json');
const relations = require('./relations');

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const models = {};
Object.keys(schema).forEach((name) => {
  const attributes = {};
  for (const [field, type] of Object.entries(schema[name])) {
    attributes[field] = { type: DataTypes[type] };
  }
  models[name] = sequelize.define(name, attributes);
});

relations.forEach(([source, kind, target, options]) => {
  models[source][kind](models[target], options);
});

sequelize.sync({ force: true })
  .then(() => models.Artist.create({ name: 'Björk', country: 'IS' }))
  .then((artist) => artist.createAlbum({ title: 'Post', year: 1995 }))
  .then((album) => album.createTrack({ title: 'Army of Me', seconds: 234 }))
  .then(() => models.Artist.findAll({ include: { model: models.Album, as: 'albums', include: ['tracks'] } }))
  .then((artists) => console.log(JSON.stringify(artists.map((a) => a.toJSON()), null, 2)));
