const Chat = sequelize.define('chat', { name: DataTypes.STRING });
const Message = sequelize.define('message', { text: DataTypes.STRING, sentAt: DataTypes.DATE });
Chat.hasMany(Message);
Message.belongsTo(Chat);
await sequelize.sync({ force: true });
const general = await Chat.create({ name: 'general' });
const random = await Chat.create({ name: 'random' });
await Message.bulkCreate([
  { text: 'hi', sentAt: new Date('2024-01-01T10:00:00Z'), chatId: general.id },
  { text: 'hello', sentAt: new Date('2024-01-01T11:00:00Z'), chatId: general.id },
  { text: 'yo', sentAt: new Date('2024-01-02T09:00:00Z'), chatId: random.id },
]);
const chats = await Chat.findAll({
  include: [{ model: Message, limit: 1, order: [['sentAt', 'DESC']] }],
  order: [['id', 'ASC']],
});
console.log(chats.map((c) => [c.name, c.messages.map((m) => m.text)]));
const latest = await Message.findOne({ where: { chatId: general.id }, order: [['sentAt', 'DESC']] });
console.log(latest.text);
const perDay = await Message.findAll({
  attributes: [[sequelize.fn('COUNT', sequelize.col('id')), 'n'], 'chatId'],
  group: ['chatId'],
  order: [['chatId', 'ASC']],
  raw: true,
});
console.log(perDay);
const withCounts = await Chat.findAll({
  attributes: ['name', [sequelize.literal('(SELECT COUNT(*) FROM messages WHERE messages."chatId" = chat.id)'), 'messageCount']],
  order: [['name', 'ASC']],
});
console.log(JSON.stringify(withCounts));
