const Octopus = sequelize.define('octopus', { name: DataTypes.STRING });
const Matrix = sequelize.define('matrix', { rows: DataTypes.INTEGER });
const Analysis = sequelize.define('analysis', { summary: DataTypes.TEXT });
const Wife = sequelize.define('wife', { name: DataTypes.STRING });
const Sheep = sequelize.define('sheep', { name: DataTypes.STRING });
const Quiz = sequelize.define('quiz', { title: DataTypes.STRING });
Octopus.hasMany(Matrix);
Analysis.hasMany(Wife);
Sheep.hasMany(Quiz);
