'use strict';
const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL || 'sqlite::memory:', { logging: false });

const Company = sequelize.define('Company', { name: DataTypes.STRING });
const Employee = sequelize.define('Employee', { name: DataTypes.STRING, title: DataTypes.STRING });

Company.hasMany(Employee, { as: 'staff', foreignKey: 'employerId' });
Employee.belongsTo(Company, { as: 'employer', foreignKey: 'employerId' });

async function seed() {
  const acme = await Company.create({ name: 'Acme' });
  await Employee.bulkCreate([
    { name: 'Wile', title: 'Engineer', employerId: acme.id },
    { name: 'Road', title: 'Runner', employerId: acme.id },
  ]);
}

async function main() {
  await sequelize.sync({ force: true });
  await seed();
  const company = await Company.findOne({ where: { name: 'Acme' }, include: [{ model: Employee, as: 'staff' }] });
  console.log(`${company.name} has ${company.staff.length} employees`);
  await sequelize.close();
}

main();
