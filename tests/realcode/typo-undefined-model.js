const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const models = {};
models.User = sequelize.define('User', { name: DataTypes.STRING });
models.Post = sequelize.define('Post', { title: DataTypes.STRING });

// The model is called Post, not Posts.
models.User.hasMany(models.Posts);
models.Post.belongsTo(models.User);

sequelize.sync().then(() => console.log('synced'));
