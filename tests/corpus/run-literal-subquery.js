const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Owner.hasMany(Pug);
Pug.belongsTo(Owner);
await sequelize.sync({ force: true });
await Owner.bulkCreate([{ name: 'Tom' }, { name: 'Ann' }]);
await Pug.bulkCreate([{ name: 'Dot', ownerId: 1 }, { name: 'Rex', ownerId: 1 }, { name: 'Bo', ownerId: 2 }]);
const owners = await Owner.findAll({
  attributes: {
    include: [[sequelize.literal('(SELECT COUNT(*) FROM "pugs" AS "pug" WHERE "pug"."ownerId" = "owner"."id")'), 'pugCount']],
  },
  order: [['id', 'ASC']],
});
console.log(owners.map((o) => [o.name, o.get('pugCount')]));
const busy = await Owner.findAll({
  attributes: ['name'],
  where: sequelize.literal('(SELECT COUNT(*) FROM "pugs" WHERE "pugs"."ownerId" = "owner"."id") > 1'),
});
console.log(busy.map((o) => o.name));
const sorted = await Owner.findAll({
  attributes: ['name', [sequelize.literal('(SELECT MAX("name") FROM "pugs" AS "p" WHERE "p"."ownerId" = "owner"."id")'), 'lastPug']],
  order: [[sequelize.literal('"lastPug"'), 'DESC']],
  raw: true,
});
console.log(sorted);
