const { Sequelize, DataTypes } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');

const Product = sequelize.define('Product', { title: DataTypes.STRING });
const User = sequelize.define('User', { firstName: DataTypes.STRING });
const Address = sequelize.define('Address', { city: DataTypes.STRING });

Product.belongsTo(User, { as: 'seller' });
User.hasMany(Address, { as: 'addresses' });

(async () => {
  await sequelize.sync({ force: true });
  const product = await Product.create({
    title: 'Chair',
    seller: { firstName: 'Mick', addresses: [{ city: 'Austin' }] },
  }, {
    include: [{ model: User, as: 'seller', include: [{ model: Address, as: 'addresses' }] }],
  });
  console.log(product.seller.firstName, product.seller.addresses.map(a => a.city));
})();
