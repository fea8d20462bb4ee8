const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Playlist = sequelize.define('Playlist', { title: DataTypes.STRING });
const Song = sequelize.define('Song', { title: DataTypes.STRING });
Playlist.belongsToMany(Song, { through: 'PlaylistSongs' });
Song.belongsToMany(Playlist, { through: 'PlaylistSongs' });

sequelize.sync({ force: true })
  .then(() => Promise.all([
    Playlist.create({ title: 'Focus' }),
    Song.create({ title: 'Clair de Lune' }),
  ]))
  .then(([playlist, song]) => playlist.addSong(song).then(() => playlist))
  .then(playlist => playlist.getSongs())
  .then(songs => console.log(songs.map(s => s.title)));
