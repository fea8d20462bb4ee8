const User = sequelize.define('User', { firstName: DataTypes.STRING });
const BlogPost = sequelize.define('BlogPost', { title: DataTypes.STRING });
User.hasMany(BlogPost);
BlogPost.belongsTo(User);
