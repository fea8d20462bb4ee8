const User = sequelize.define('user', { name: DataTypes.STRING });
const Post = sequelize.define('post', { title: DataTypes.STRING });
User.hasOne(Post, { sourceKey: 'handle' });
