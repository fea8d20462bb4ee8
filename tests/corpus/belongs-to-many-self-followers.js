const Person = sequelize.define('person', { name: DataTypes.STRING });
Person.belongsToMany(Person, { as: 'followers', through: 'follows', foreignKey: 'followedId', otherKey: 'followerId' });
Person.belongsToMany(Person, { as: 'following', through: 'follows', foreignKey: 'followerId', otherKey: 'followedId' });
