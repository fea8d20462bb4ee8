const User = sequelize.define('user', { name: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING });
Post.belongsTo(User, { targetKey: 'email' });
