const User = sequelize.define('user', { email: DataTypes.STRING, first: DataTypes.STRING, last: DataTypes.STRING }, {
  getterMethods: { full() { return `${this.first} ${this.last}`; } },
  setterMethods: {
    full(value) {
      const [first, ...rest] = value.split(' ');
      this.setDataValue('first', first);
      this.setDataValue('last', rest.join(' '));
    },
  },
});
User.prototype.greet = function () { return `Hello, ${this.first}`; };
User.findByEmail = async function (email) { return this.findOne({ where: { email } }); };
User.associate = function (models) { User.hasMany(models.Order); };
const Order = sequelize.define('order', { total: DataTypes.INTEGER });
Order.belongsTo(User);
User.associate({ Order });
class Shape extends Model {
  area() { return 0; }
  static async biggest() { const all = await this.findAll(); return all.sort((a, b) => b.area() - a.area())[0]; }
}
class Square extends Shape {
  area() { return this.side * this.side; }
}
Square.init({ side: DataTypes.INTEGER }, { sequelize, modelName: 'square' });
await sequelize.sync({ force: true });
const u = await User.create({ email: 'a@b.c', full: 'Ada King Lovelace' });
console.log(u.first, '|', u.last, '|', u.full, '|', u.greet());
const found = await User.findByEmail('a@b.c');
console.log(found.greet(), found.toJSON());
await found.createOrder({ total: 5 });
await found.createOrder({ total: 7 });
const sum = (await found.getOrders()).reduce((s, o) => s + o.total, 0);
console.log(sum, await found.countOrders());
await Square.sync({ force: true });
await Square.bulkCreate([{ side: 2 }, { side: 5 }, { side: 3 }]);
const big = await Square.biggest();
console.log(big.side, big.area(), big instanceof Shape, Square.name, Object.getPrototypeOf(Square) === Shape);
