const User = sequelize.define('user', { name: DataTypes.STRING });
const Message = sequelize.define('message', { body: DataTypes.STRING });
Message.belongsTo(User, { as: 'sender' });
Message.belongsTo(User, { as: 'recipient' });
await sequelize.sync({ force: true });
console.log(await Message.findAll({ include: User }));
