const User = sequelize.define('user', { name: DataTypes.STRING });
const Message = sequelize.define('message', { body: DataTypes.TEXT });
Message.belongsTo(User, { as: 'sender' });
Message.belongsTo(User, { as: 'recipient' });
User.hasMany(Message, { as: 'sentMessages', foreignKey: 'senderId' });
User.hasMany(Message, { as: 'receivedMessages', foreignKey: 'recipientId' });
