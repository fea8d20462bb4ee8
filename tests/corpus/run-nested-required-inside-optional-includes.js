// A required include inside an optional one (Sequelize nests the joins in parentheses),
// an optional inside a required, and both with a where on the inner model.
const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:', { logging: false });
const Company = sequelize.define('Company', { name: DataTypes.STRING });
const Team = sequelize.define('Team', { name: DataTypes.STRING });
const Person = sequelize.define('Person', { name: DataTypes.STRING, active: DataTypes.BOOLEAN });
Company.hasMany(Team);
Team.belongsTo(Company);
Team.hasMany(Person);
Person.belongsTo(Team);
await sequelize.sync();
const acme = await Company.create({ name: 'Acme' });
const zeta = await Company.create({ name: 'Zeta' });
const core = await Team.create({ name: 'core', CompanyId: acme.id });
await Team.create({ name: 'empty', CompanyId: acme.id });
await Team.create({ name: 'z', CompanyId: zeta.id });
await Person.bulkCreate([{ name: 'Ann', active: true, TeamId: core.id }, { name: 'Bob', active: false, TeamId: core.id }]);
const shape = (companies) => companies.map((c) => `${c.name}:${c.Teams.map((t) => `${t.name}(${t.People.map((p) => p.name).join(',')})`).join(';')}`);
console.log(shape(await Company.findAll({ include: [{ model: Team, include: [{ model: Person, required: true }] }], order: [['id', 'ASC'], [Team, 'id', 'ASC'], [Team, Person, 'id', 'ASC']] })));
console.log(shape(await Company.findAll({ include: [{ model: Team, required: true, include: [{ model: Person, where: { active: true }, required: false }] }], order: [['id', 'ASC'], [Team, 'id', 'ASC']] })));
console.log(shape(await Company.findAll({ include: [{ model: Team, include: [{ model: Person, where: { active: true } }] }], order: [['id', 'ASC']] })));
