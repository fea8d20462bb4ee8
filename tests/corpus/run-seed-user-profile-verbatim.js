// The user/profile tutorial's code blocks verbatim, with the sync it leaves out.

const User = sequelize.define('user', {/* attributes */});
const Profile = sequelize.define('profile', {/* attributes */});

User.hasOne(Profile);
Profile.belongsTo(User);

await sequelize.sync({ force: true });

const user = await User.create({ /* ... */ });
const profile = await Profile.create({ /* ... */ });

// set the association
await user.setProfile(profile);
user.save(); // save the user, so that it gets the profile's id as foreign key
console.log(await User.findAll({ include: Profile }));
