const Order = sequelize.define('order', {
  status: { type: DataTypes.ENUM('pending', 'paid', 'shipped'), allowNull: false, defaultValue: 'pending' },
});
const Customer = sequelize.define('customer', { name: DataTypes.STRING });
Customer.hasMany(Order);
