module.exports = [
  ['Artist', 'hasMany', 'Album', { as: 'albums' }],
  ['Album', 'belongsTo', 'Artist', { as: 'artist' }],
  ['Album', 'hasMany', 'Track', { as: 'tracks', foreignKey: 'albumId' }],
  ['Track', 'belongsTo', 'Album', { as: 'album', foreignKey: 'albumId' }],
];
