#!/usr/bin/env node
// The same workload on real Sequelize 6 + PostgreSQL: N owners with 5 pugs each,
// `Owner.findAll({ include: Pug })`, median of 5 runs. Prints "sequelize Nx5 T ms".
'use strict';
const { Sequelize, DataTypes } = require('sequelize');

const PG_URL = process.env.PG_URL || 'postgres://postgres@127.0.0.1:54329/postgres';

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
    const times = [];
    for (let run = 0; run < 5; run++) {
      const start = process.hrtime.bigint();
      const found = await Owner.findAll({ include: Pug });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (found.length !== owners) throw new Error(`expected ${owners} owners, got ${found.length}`);
    }
    times.sort((a, b) => a - b);
    console.log(`sequelize ${owners}x5 ${times[2].toFixed(2)} ms`);
    await sequelize.close();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
