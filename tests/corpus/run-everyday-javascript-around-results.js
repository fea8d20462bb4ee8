const Item = sequelize.define('item', { name: DataTypes.STRING, qty: DataTypes.INTEGER, kind: DataTypes.STRING });
await sequelize.sync({ force: true });
const seed = [['pen', 3, 'office'], ['ink', 0, 'office'], ['cup', 7, 'kitchen'], ['pan', 2, 'kitchen']];
await Item.bulkCreate(seed.map(([name, qty, kind]) => ({ name, qty, kind })));
const items = await Item.findAll({ order: [['id', 'ASC']] });
const byKind = items.reduce((acc, it) => {
  (acc[it.kind] ||= []).push(it.name);
  return acc;
}, {});
console.log(byKind);
const totals = new Map();
for (const { kind, qty } of items) totals.set(kind, (totals.get(kind) ?? 0) + qty);
console.log([...totals.entries()], totals.size);
console.log(items.filter((i) => i.qty > 0).map((i) => i.name.toUpperCase()).join(', '));
console.log(items.some((i) => i.qty === 0), items.every((i) => i.qty >= 0), items.find((i) => i.kind === 'kitchen')?.name);
const sorted = [...items].sort((a, b) => b.qty - a.qty || a.name.localeCompare(b.name));
console.log(sorted.map((i) => `${i.name.padEnd(4, '.')}${String(i.qty).padStart(3, ' ')}`));
console.log(Object.entries(byKind).map(([k, v]) => `${k}=${v.length}`), new Set(items.map((i) => i.kind)));
const plain = items.map((i) => i.get({ plain: true }));
const { id, createdAt, updatedAt, ...rest } = plain[0];
console.log(rest, typeof createdAt, createdAt instanceof Date);
console.log(JSON.stringify(plain.slice(0, 2), ['name', 'qty']));
console.log(JSON.stringify({ items: items.length, first: items[0] }, null, 2).split('\n').length);
class Report {
  #rows;
  constructor(rows) { this.#rows = rows; }
  get total() { return this.#rows.reduce((s, r) => s + r.qty, 0); }
  static of(rows) { return new Report(rows); }
  toString() { return `Report(${this.#rows.length})`; }
}
const r = Report.of(items);
console.log(r.total, `${r}`, String(r));
const results = await Promise.all(['office', 'kitchen'].map(async (kind) => ({ kind, n: await Item.count({ where: { kind } }) })));
console.log(results);
try {
  null.x;
} catch (e) {
  console.log(e instanceof TypeError, e.message);
} finally {
  console.log('done');
}
console.log([1, 2, 3].includes(2), Math.max(...items.map((i) => i.qty)), Number('3.50').toFixed(1), parseInt('42px', 10));
console.log(items.length > 3 ? 'many' : 'few', typeof items[0].save, Array.isArray(items));
console.log(new Date(0).toISOString(), [3, 1, 2].toSorted?.() ?? 'no toSorted');
