const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Movie = sequelize.define('Movie', { name: DataTypes.STRING });
const Actor = sequelize.define('Actor', { name: DataTypes.STRING });
const ActorMovies = sequelize.define('ActorMovies', {
  MovieId: { type: DataTypes.INTEGER, references: { model: Movie, key: 'id' } },
  ActorId: { type: DataTypes.INTEGER, references: { model: Actor, key: 'id' } },
  role: DataTypes.STRING,
});

Movie.belongsToMany(Actor, { through: ActorMovies });
Actor.belongsToMany(Movie, { through: ActorMovies });

(async () => {
  await sequelize.sync({ force: true });
  const movie = await Movie.create({ name: 'Heat' });
  const actor = await Actor.create({ name: 'Al' });
  await movie.addActor(actor, { through: { role: 'Vincent' } });
  const result = await Movie.findOne({ where: { name: 'Heat' }, include: Actor });
  console.log(result.Actors[0].name, result.Actors[0].ActorMovies.role);
})();
