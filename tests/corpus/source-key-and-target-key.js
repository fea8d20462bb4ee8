const Company = sequelize.define('company', {
  code: { type: DataTypes.STRING(10), unique: true, allowNull: false },
  name: DataTypes.STRING,
});
const Employee = sequelize.define('employee', { name: DataTypes.STRING });
Company.hasMany(Employee, { foreignKey: 'companyCode', sourceKey: 'code' });
Employee.belongsTo(Company, { foreignKey: 'companyCode', targetKey: 'code' });
