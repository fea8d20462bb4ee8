// ES6 class models that override static init and call super.init, associate through
// sequelize.models, and instance methods and getters on the class.
const { Sequelize, DataTypes, Model } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
class User extends Model {
  static init(sequelize) {
    return super.init(
      { firstName: DataTypes.STRING, lastName: DataTypes.STRING },
      { sequelize, modelName: 'User', tableName: 'users' },
    );
  }
  static associate(models) {
    this.hasMany(models.Post, { foreignKey: 'userId', as: 'posts' });
  }
  get fullName() {
    return `${this.firstName} ${this.lastName}`;
  }
  greet() {
    return `Hi, ${this.fullName}`;
  }
}
class Post extends Model {
  static init(sequelize) {
    return super.init({ title: DataTypes.STRING }, { sequelize, modelName: 'Post', tableName: 'posts' });
  }
  static associate(models) {
    this.belongsTo(models.User, { foreignKey: 'userId', as: 'author' });
  }
}
const models = { User: User.init(sequelize), Post: Post.init(sequelize) };
Object.values(sequelize.models)
  .filter((model) => typeof model.associate === 'function')
  .forEach((model) => model.associate(sequelize.models));
console.log(Object.keys(models), User === models.User, Object.keys(sequelize.models));
await sequelize.sync();
const ada = await User.create({ firstName: 'Ada', lastName: 'Byron' });
await ada.createPost({ title: 'Notes' });
console.log(ada.fullName, ada.greet(), Object.keys(User.associations), Object.keys(Post.associations));
const post = await Post.findOne({ include: 'author' });
console.log(post.author.fullName, post.toJSON());
console.log(User.tableName, Post.getTableName(), User.name, ada instanceof Model, ada instanceof User);
