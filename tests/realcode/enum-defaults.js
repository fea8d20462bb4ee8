const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Ticket = sequelize.define('Ticket', {
  subject: { type: DataTypes.STRING, allowNull: false },
  status: { type: DataTypes.ENUM('open', 'pending', 'closed'), defaultValue: 'open' },
  priority: { type: DataTypes.INTEGER, defaultValue: 3 },
});
const Agent = sequelize.define('Agent', { name: DataTypes.STRING });

Agent.hasMany(Ticket, { as: 'assignedTickets', foreignKey: 'assigneeId' });
Ticket.belongsTo(Agent, { as: 'assignee', foreignKey: 'assigneeId' });

(async () => {
  await sequelize.sync({ force: true });
  const agent = await Agent.create({ name: 'Pat' });
  await agent.createAssignedTicket({ subject: 'Printer on fire' });
  const tickets = await Ticket.findAll({ include: 'assignee' });
  console.log(tickets.map(t => [t.subject, t.status, t.priority, t.assignee.name]));
})();
