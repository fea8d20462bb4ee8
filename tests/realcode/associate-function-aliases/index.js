var models = require('./models');

(async function () {
  await models.sequelize.sync({ force: true });
  var first = await models.Member.create({ displayName: 'Ola' });
  var second = await models.Member.create({ displayName: 'Per', referredById: first.id });
  await second.createHomeAddress({ street: 'Storgata 1', zip: '0155' });
  var found = await models.Member.findByPk(second.id, { include: ['referrer', 'homeAddress'] });
  console.log(found.displayName, found.referrer.displayName, found.homeAddress.street);
  var withReferrals = await models.Member.findByPk(first.id, { include: 'referrals' });
  console.log(withReferrals.referrals.map(function (m) { return m.displayName; }));
})();
