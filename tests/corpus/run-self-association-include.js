const Employee = sequelize.define('employee', { name: DataTypes.STRING });
Employee.belongsTo(Employee, { as: 'manager' });
Employee.hasMany(Employee, { as: 'reports', foreignKey: 'managerId' });
await sequelize.sync({ force: true });
const boss = await Employee.create({ name: 'Boss' });
await Employee.create({ name: 'Dev', managerId: boss.id });
console.log(await Employee.findAll({ include: [{ model: Employee, as: 'manager' }] }));
console.log(await Employee.findAll({ include: ['reports'] }));
