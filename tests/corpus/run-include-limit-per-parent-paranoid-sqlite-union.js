const Chat = sequelize.define('chat', { name: DataTypes.STRING });
const Message = sequelize.define('message', { text: DataTypes.STRING, stars: DataTypes.INTEGER }, { paranoid: true });
Chat.hasMany(Message);
Message.belongsTo(Chat);
await sequelize.sync({ force: true });
const a = await Chat.create({ name: 'a' });
const b = await Chat.create({ name: 'b' });
await Chat.create({ name: 'c' });
await Message.bulkCreate([
  { text: 'a1', stars: 1, chatId: a.id },
  { text: 'a2', stars: 3, chatId: a.id },
  { text: 'a3', stars: 5, chatId: a.id },
  { text: 'b1', stars: 4, chatId: b.id },
  { text: 'b2', stars: 2, chatId: b.id },
]);
const top = await Chat.findAll({ include: [{ model: Message, limit: 2, order: [['stars', 'DESC']], where: { stars: { [Op.gt]: 1 } } }] });
console.log(top.map((c) => [c.name, c.messages.map((m) => m.text)]));
const one = await Chat.findAll({ where: { id: a.id }, include: [{ model: Message, limit: 1, attributes: ['text'] }] });
console.log(JSON.stringify(one));
const sep = await Chat.findAll({ include: [{ model: Message, separate: true, limit: 2 }], order: [['name', 'DESC']] });
console.log(sep.map((c) => [c.name, c.messages.map((m) => m.text)]));
try {
  await Message.findAll({ include: [{ model: Chat, limit: 1 }] });
} catch (err) {
  console.log(err.message);
}
