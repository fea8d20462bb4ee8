const Person = sequelize.define('person', { name: DataTypes.STRING });
const Task = sequelize.define('task', { title: DataTypes.STRING });
Person.hasMany(Task, { as: { singular: 'chore', plural: 'chores' } });
