const User = sequelize.define('user', { name: DataTypes.STRING });
User.hasMany('Post');
