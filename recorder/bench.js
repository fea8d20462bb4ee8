#!/usr/bin/env node
// The same workload on real Sequelize 6 + PostgreSQL: N owners with 5 pugs each,
// `Owner.findAll({ include: Pug })` (the full include, median of 5 runs) and
// `Owner.findAll({ where: { id }, include: Pug })` for ids 1, N/2 and N (the point
// include, median of 15 runs). Prints "sequelize Nx5 T ms" and "sequelize-point Nx5 T ms".
'use strict';
const { Sequelize, DataTypes } = require('sequelize');

const PG_URL = process.env.PG_URL || 'postgres://postgres@127.0.0.1:54329/postgres';

// The median of `runs` timings of `run(i)`, in milliseconds.
async function medianMs(runs, run) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  for (const owners of sizes.length ? sizes : [1000, 10000]) {
    const sequelize = new Sequelize(PG_URL, { logging: false });
    const Owner = sequelize.define('owner', { name: DataTypes.STRING });
    const Pug = sequelize.define('pug', { name: DataTypes.STRING });
    Pug.belongsTo(Owner);
    Owner.hasMany(Pug);
    await sequelize.sync({ force: true });
    await Owner.bulkCreate(Array.from({ length: owners }, (_, i) => ({ name: `owner ${i}` })));
    const pugs = Array.from({ length: owners * 5 }, (_, i) => ({ name: `pug ${i}`, ownerId: Math.floor(i / 5) + 1 }));
    for (let i = 0; i < pugs.length; i += 10000) await Pug.bulkCreate(pugs.slice(i, i + 10000));
    const full = await medianMs(5, async () => {
      const found = await Owner.findAll({ include: Pug });
      if (found.length !== owners) throw new Error(`expected ${owners} owners, got ${found.length}`);
    });
    console.log(`sequelize ${owners}x5 ${full.toFixed(2)} ms`);
    const ids = [1, Math.max(1, Math.ceil(owners / 2)), Math.max(1, owners)];
    const point = await medianMs(15, async (i) => {
      const found = await Owner.findAll({ where: { id: ids[i % 3] }, include: Pug });
      if (found.length !== 1 || found[0].pugs.length !== 5) throw new Error(`owner ${ids[i % 3]}: expected 1 owner with 5 pugs`);
    });
    console.log(`sequelize-point ${owners}x5 ${point.toFixed(3)} ms`);
    await sequelize.close();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
