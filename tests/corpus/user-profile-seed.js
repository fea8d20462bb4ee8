const User = sequelize.define('user', {/* attributes */});
const Profile = sequelize.define('profile', {/* attributes */});

User.hasOne(Profile);
Profile.belongsTo(User);
