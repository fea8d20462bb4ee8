const Actor = sequelize.define('Actor', { name: DataTypes.STRING });
const Movie = sequelize.define('Movie', { title: DataTypes.STRING });
Movie.belongsToMany(Actor, { through: 'ActorMovies' });
