const db = require('./models');
const customers = require('./routes/customers');

// What Express would hand the route handlers, reduced to what they use.
function response() {
  const res = {
    statusCode: 200,
    status(code) { res.statusCode = code; return res; },
    json(body) { console.log(res.statusCode, JSON.stringify(body, null, 2)); return res; },
  };
  return res;
}

const PORT = process.env.PORT || 3000;

db.sequelize.sync({ force: true }).then(async () => {
  console.log(`Server listening on port ${PORT}`);
  await customers.create({ body: { name: 'Zoe', email: 'zoe@example.com' } }, response());
  const order = await db.Order.create({ customerId: 1 });
  const pen = await db.Product.create({ name: 'Pen', price: 2 });
  await order.addProduct(pen);
  await customers.list({}, response());
});
