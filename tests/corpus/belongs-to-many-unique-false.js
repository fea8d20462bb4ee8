const Order = sequelize.define('order', { placedAt: DataTypes.DATE });
const Product = sequelize.define('product', { title: DataTypes.STRING });
const OrderLine = sequelize.define('orderLine', {
  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
  quantity: DataTypes.INTEGER,
});
Order.belongsToMany(Product, { through: { model: OrderLine, unique: false } });
Product.belongsToMany(Order, { through: { model: OrderLine, unique: false } });
