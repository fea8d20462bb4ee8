const User = sequelize.define('user', { name: DataTypes.STRING });
const Message = sequelize.define('message', { body: DataTypes.STRING });
Message.belongsTo(User, { as: 'sender' });
Message.belongsTo(User, { as: 'recipient' });
await sequelize.sync({ force: true });
const ada = await User.create({ name: 'Ada' });
const bob = await User.create({ name: 'Bob' });
await Message.create({ body: 'hi', senderId: ada.id, recipientId: bob.id });
console.log(await Message.findAll({ include: [{ model: User, as: 'sender' }, { model: User, as: 'recipient' }] }));
