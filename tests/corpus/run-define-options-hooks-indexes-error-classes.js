// A define with options: getterMethods, indexes, hooks in options, instance and class methods.
const Person = sequelize.define('person', {
  firstName: { type: DataTypes.STRING, allowNull: false },
  lastName: { type: DataTypes.STRING, allowNull: false },
  age: { type: DataTypes.INTEGER, validate: { min: 0, max: 150 } },
  email: { type: DataTypes.STRING, set(value) { this.setDataValue('email', value.toLowerCase()); } },
}, {
  tableName: 'people',
  indexes: [{ unique: true, fields: ['email'] }],
  hooks: {
    beforeValidate(person) { if (!person.lastName) person.lastName = 'Doe'; },
    afterCreate(person) { console.log('created', person.id); },
  },
});
Person.prototype.greet = function () { return `Hi, ${this.firstName}`; };
Person.adults = function () { return this.findAll({ where: { age: { [Op.gte]: 18 } } }); };
await sequelize.sync({ force: true });
const p = await Person.create({ firstName: 'Jane', age: 30, email: 'JANE@X.COM' });
console.log(p.greet(), p.email, p.lastName);
await Person.create({ firstName: 'Kid', lastName: 'Small', age: 9, email: 'kid@x.com' });
console.log((await Person.adults()).map((x) => x.firstName));
try {
  await Person.create({ firstName: 'Old', age: 200, email: 'old@x.com' });
} catch (e) {
  console.log(e instanceof Sequelize.ValidationError, e.errors.map((x) => `${x.path}: ${x.message}`));
}
const lower = await Person.findAll({ where: sequelize.where(sequelize.fn('lower', sequelize.col('firstName')), 'jane') });
console.log(lower.length);
const found = await Person.findOne({ where: { email: 'kid@x.com' }, attributes: { exclude: ['createdAt', 'updatedAt'] } });
console.log(found.toJSON());
const [affected] = await Person.update({ age: 31 }, { where: { firstName: 'Jane' } });
console.log(affected);
const gone = await Person.destroy({ where: { age: { [Op.lt]: 18 } } });
console.log(gone, await Person.count());
