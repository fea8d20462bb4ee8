const { Customer, Order, Product } = require('../models');

exports.list = async (req, res) => {
  const customers = await Customer.findAll({
    include: [{ model: Order, as: 'orders', include: [{ model: Product, as: 'products' }] }],
    order: [['id', 'ASC']],
  });
  res.json(customers.map(c => ({
    name: c.name,
    orders: c.orders.map(o => ({ status: o.status, products: o.products.map(p => p.name) })),
  })));
};

exports.create = async (req, res) => {
  const customer = await Customer.create(req.body);
  res.status(201).json({ id: customer.id, name: customer.name });
};
