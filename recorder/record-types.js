#!/usr/bin/env node
// Records how each DataTypes expression is written in SQL by each dialect (Sequelize 6):
//   node record-types.js ../tests/types/types.txt > ../tests/types/expected.json
// `sql` is the type as CREATE TABLE writes it (toString), or the error Sequelize throws.
'use strict';
const fs = require('fs');
const Sequelize = require('sequelize');
const { DataTypes } = Sequelize;
const exprs = fs.readFileSync(process.argv[2], 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const dialects = {};
for (const dialect of ['postgres', 'mysql', 'sqlite']) {
  dialects[dialect] = new Sequelize('db', 'u', 'p', { dialect, dialectModule: {}, logging: false, storage: ':memory:' });
}
const warnings = [];
const origWarn = console.warn;
const rows = exprs.map((expr) => {
  const row = { expr };
  for (const [name, seq] of Object.entries(dialects)) {
    try {
      const type = new Function('DataTypes', `return DataTypes.${expr}`)(DataTypes);
      console.warn = () => {};
      const normalized = seq.normalizeDataType(type);
      row[name] = String(normalized.toString({ escape: (v) => seq.escape(v) }));
    } catch (err) {
      row[name] = { error: err.message };
    } finally {
      console.warn = origWarn;
    }
  }
  return row;
});
process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
