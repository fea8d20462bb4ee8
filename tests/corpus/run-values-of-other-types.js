const Row = sequelize.define('row', {
  i: DataTypes.INTEGER,
  s: DataTypes.STRING,
  b: DataTypes.BOOLEAN,
  f: DataTypes.FLOAT,
  big: DataTypes.BIGINT,
  d: DataTypes.DECIMAL(10, 2),
  t: DataTypes.TEXT,
  small: DataTypes.SMALLINT,
});
await sequelize.sync({ force: true });
const a = await Row.create({ i: '5', s: 5, b: 1, f: '1.5', big: 7, d: 3, t: 12.5, small: '2' });
console.log([a.i, a.s, a.b, a.f, a.big, a.d, a.t, a.small].map((v) => `${typeof v}:${v}`).join(' '));
const b = await Row.create({ i: 6, s: 'x', b: 'false', f: 2, big: '8', d: '4.5', t: 'y', small: 3 });
console.log([b.i, b.s, b.b, b.f, b.big, b.d, b.t, b.small].map((v) => `${typeof v}:${v}`).join(' '));
const rows = await Row.findAll({ order: [['id', 'ASC']] });
console.log(rows.map((r) => [r.i, r.s, r.b, r.f, r.big, r.d, r.t, r.small].map((v) => `${typeof v}:${v}`).join(' ')));
console.log((await Row.findAll({ where: { i: '5' } })).length, (await Row.findAll({ where: { s: '5' } })).length);
console.log((await Row.findAll({ where: { big: 8 } })).length, (await Row.findAll({ where: { d: '3.00' } })).length);
console.log((await Row.findByPk('2')).s);
await a.update({ i: '9', s: 10 });
console.log(`${typeof a.i}:${a.i} ${typeof a.s}:${a.s}`);
const again = await Row.findByPk(1);
console.log(`${typeof again.i}:${again.i} ${typeof again.s}:${again.s}`);
await Row.update({ small: '7' }, { where: { id: '1' } });
console.log((await Row.findByPk(1)).small);
console.log(await Row.sum('big'), await Row.max('i'), await Row.sum('d'));
try {
  await Row.findAll({ where: { i: 'abc' } });
  console.log('found');
} catch (err) {
  console.log(err.name, err.message);
}
