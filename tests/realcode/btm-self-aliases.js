const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const User = sequelize.define('User', { handle: DataTypes.STRING });

User.belongsToMany(User, { as: 'followers', through: 'Follows', foreignKey: 'followingId', otherKey: 'followerId' });
User.belongsToMany(User, { as: 'following', through: 'Follows', foreignKey: 'followerId', otherKey: 'followingId' });

(async () => {
  await sequelize.sync({ force: true });
  const [a, b, c] = await User.bulkCreate([{ handle: 'a' }, { handle: 'b' }, { handle: 'c' }]);
  await a.addFollowers([b, c]);
  await b.addFollowing(c);
  const followers = await a.getFollowers();
  console.log(followers.map(f => f.handle));
  console.log(await c.countFollowers());
})();
