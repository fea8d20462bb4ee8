// expect warning "tom is a promise here" at "tom"#2 hint "await"
const Owner = sequelize.define('owner', { name: DataTypes.STRING });
await sequelize.sync({ force: true });
const tom = Owner.create({ name: 'Tom' });
console.log(tom.id);
