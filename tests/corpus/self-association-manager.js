const Employee = sequelize.define('employee', { name: DataTypes.STRING });
Employee.belongsTo(Employee, { as: 'manager' });
Employee.hasMany(Employee, { as: 'reports', foreignKey: 'managerId' });
