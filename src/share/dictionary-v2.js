const { Sequelize, DataTypes, Model, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });

const Project = sequelize.define('project', { title: DataTypes.STRING }, { timestamps: false, underscored: true, paranoid: true, freezeTableName: true, tableName: 'projects' });
const Task = sequelize.define('task', {
  id: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true, autoIncrement: true },
  email: { type: DataTypes.STRING(255), allowNull: false, unique: true, defaultValue: '' },
  age: DataTypes.INTEGER, born: DataTypes.DATE, done: DataTypes.BOOLEAN, score: DataTypes.FLOAT, description: DataTypes.TEXT, uuid: DataTypes.UUID,
  projectId: { type: DataTypes.INTEGER, references: { model: Project, key: 'id' } },
}, { createdAt: 'created_at', updatedAt: 'updated_at' });
const Ship = sequelize.define('ship', { name: DataTypes.STRING });
const Captain = sequelize.define('captain', { name: DataTypes.STRING });
const Movie = sequelize.define('Movie', { name: DataTypes.STRING });
const Actor = sequelize.define('Actor', { name: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING, content: DataTypes.TEXT });
const Comment = sequelize.define('comment', { body: DataTypes.TEXT });
const Tag = sequelize.define('tag', { name: DataTypes.STRING });

Task.belongsTo(Project, { as: 'project', foreignKey: 'projectId', targetKey: 'id', onDelete: 'CASCADE', onUpdate: 'CASCADE' });
Project.hasMany(Task, { as: 'tasks', foreignKey: { name: 'projectId', allowNull: false }, sourceKey: 'id', onDelete: 'SET NULL' });
Captain.hasOne(Ship, { foreignKey: 'captainId' });
Ship.belongsTo(Captain);
Movie.belongsToMany(Actor, { through: 'ActorMovies', as: 'actors', otherKey: 'actorId' });
Actor.belongsToMany(Movie, { through: ActorMovies });
Post.hasMany(Comment);
Comment.belongsTo(Post);
Post.belongsToMany(Tag, { through: 'PostTags' });
Tag.belongsToMany(Post, { through: 'PostTags' });

await sequelize.sync({ force: true });
const project = await Project.create({ title: 'Project' }, { include: [Task] });
await Task.bulkCreate([{ title: 'one' }, { title: 'two' }]);
await project.addTask(task); await project.setTasks([]); await project.getTasks(); await project.countTasks(); await project.hasTask(task); await project.removeTask(task); await project.createTask({});
await Task.update({ title: 'x' }, { where: { id: 1 } });
await Task.destroy({ where: { [Op.or]: [{ id: { [Op.gt]: 1 } }, { title: { [Op.like]: '%a%' } }] } });
const found = await Task.findByPk(1, { include: { all: true } });
const one = await Project.findOne({ where: { id: 1 }, include: [{ model: Task, as: 'tasks', required: true, attributes: ['id', 'title'], where: { done: false } }], order: [['createdAt', 'DESC']], limit: 10, offset: 0 });
console.log(JSON.stringify(found.toJSON(), null, 2));
const User = sequelize.define('user', { username: DataTypes.STRING });
const Profile = sequelize.define('profile', { bio: DataTypes.TEXT });
User.hasOne(Profile);
Profile.belongsTo(User);
console.log(await User.findAll({ include: Profile }));
