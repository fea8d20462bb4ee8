const User = sequelize.define('User', {
  firstName: { type: DataTypes.STRING, allowNull: false },
  lastName: DataTypes.STRING,
  email: { type: DataTypes.STRING, unique: true, validate: { isEmail: true } },
}, { indexes: [{ fields: ['lastName'] }] });
const Task = sequelize.define('Task', { title: DataTypes.STRING, done: DataTypes.BOOLEAN });
User.hasMany(Task);
Task.belongsTo(User);
await sequelize.authenticate();
console.log('Connection has been established successfully.');
await sequelize.sync({ force: true });
console.log(User.getTableName(), Task.tableName, Object.keys(sequelize.models));
console.log(Object.keys(User.rawAttributes));
console.log(Object.keys(User.associations), User.associations.Tasks.associationType, Task.associations.User.foreignKey);
console.log(User.primaryKeyAttribute, Task.rawAttributes.UserId.references);
const u = await User.create({ firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' });
console.log(u instanceof User, u.constructor.name, u.isNewRecord);
u.set({ firstName: 'Janet' });
console.log(u.changed(), u.changed('firstName'), u.previous('firstName'));
await u.save();
console.log(u.changed());
const t = await u.createTask({ title: 'write', done: false });
console.log(t.get('title'), t.getDataValue('UserId'), t.toJSON().done);
console.log(await Task.findAll({ where: { UserId: u.id }, attributes: ['id', 'title'], raw: true }));
const [count] = await Task.update({ done: true }, { where: { UserId: u.id } });
console.log(count);
await sequelize.close();
