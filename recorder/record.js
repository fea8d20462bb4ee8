#!/usr/bin/env node
// Records what real Sequelize 6 does for each corpus snippet, as the report of
// shared/report-format.md: `error`, `models`, `associations` and `ddl`.
//
//   node record.js ../tests/corpus/*.js        writes each case's .json beside it
//   node record.js --print case.js             prints one report
//
// PostgreSQL (started by ./start-postgres.sh) runs the snippet for real. The mysql
// and sqlite DDL comes from Sequelize's own query generators for those dialects,
// fed the same models, with `query` replaced by a recorder (no server needed).
'use strict';
const fs = require('fs');
const path = require('path');
const Sequelize = require('sequelize');
const { DataTypes, Op, Model } = Sequelize;

const PG_URL = process.env.PG_URL || 'postgres://postgres@127.0.0.1:54329/postgres';

function errorValue(err) {
  return { name: err.name || 'Error', message: err.message };
}

function tableNameOf(model) {
  if (typeof model === 'string') return model;
  if (model && model.prototype instanceof Model) return model.getTableName();
  if (model && model.tableName) return model.tableName;
  return String(model);
}

function typeName(type) {
  if (type && typeof type.toSql === 'function') {
    try { return type.toSql(); } catch (_) { /* fall through */ }
  }
  return type ? String(type.key || type) : null;
}

function describeModel(model) {
  const attributes = [];
  for (const [name, attr] of Object.entries(model.getAttributes())) {
    const out = { name, field: attr.field || name, type: typeName(attr.type) };
    for (const key of ['allowNull', 'primaryKey', 'autoIncrement', 'unique']) {
      if (attr[key] !== undefined) out[key] = attr[key];
    }
    if (attr.references) {
      out.references = { model: tableNameOf(attr.references.model), key: attr.references.key };
    }
    for (const key of ['onDelete', 'onUpdate']) {
      if (attr[key] !== undefined) out[key] = attr[key];
    }
    attributes.push(out);
  }
  return { modelName: model.name, tableName: tableNameOf(model), attributes };
}

function describeAssociations(model) {
  const associations = [];
  const methods = new Set();
  for (const [key, assoc] of Object.entries(model.associations)) {
    const out = {
      key,
      associationType: assoc.associationType,
      source: assoc.source.name,
      target: assoc.target.name,
      as: assoc.as,
      foreignKey: assoc.foreignKey,
    };
    if (assoc.associationType === 'BelongsToMany') {
      out.otherKey = assoc.otherKey;
      out.through = { model: assoc.through.model.name, tableName: tableNameOf(assoc.through.model) };
    }
    out.accessors = { ...assoc.accessors };
    Object.values(assoc.accessors).forEach((m) => methods.add(m));
    associations.push(out);
  }
  return { model: model.name, associations, instanceMethods: [...methods].sort() };
}

// A sequelize instance for a dialect whose driver is never loaded: every query is
// recorded and answered with nothing.
function recordingSequelize(dialect) {
  const seq = new Sequelize('db', 'user', 'pass', {
    dialect, logging: false, dialectModule: {}, storage: ':memory:',
  });
  seq.recorded = [];
  seq.query = async (sql) => { seq.recorded.push(typeof sql === 'string' ? sql : sql.query); return []; };
  return seq;
}

// The CREATE TABLE statements that `sync()` issues, in sync's order, for `dialect`.
async function createTableStatements(sequelize, dialect) {
  const target = dialect === 'postgres' ? null : recordingSequelize(dialect);
  const models = sequelize.modelManager.getModelsTopoSortedByForeignKey();
  if (models == null) {
    return { error: 'cyclic foreign keys: sync() creates the tables without constraints, then alters them' };
  }
  models.reverse();
  const statements = [];
  for (const model of models) {
    const qi = target ? target.getQueryInterface() : sequelize.getQueryInterface();
    const options = { ...model.options };
    if (target) {
      await qi.createTable(model.getTableName(), model.tableAttributes, options, model);
      statements.push(...target.recorded.filter((s) => s.startsWith('CREATE TABLE')));
      target.recorded.length = 0;
    } else {
      const original = sequelize.query;
      let captured;
      sequelize.query = async (sql) => { captured = sql; return []; };
      try {
        await qi.createTable(model.getTableName(), model.tableAttributes, options, model);
      } finally {
        sequelize.query = original;
      }
      statements.push(captured);
    }
  }
  return { createTable: statements };
}

async function resetDatabase(sequelize) {
  await sequelize.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  const enums = await sequelize.query(
    "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e'",
    { type: Sequelize.QueryTypes.SELECT });
  for (const { typname } of enums) await sequelize.query(`DROP TYPE IF EXISTS "${typname}" CASCADE`);
}

async function record(file) {
  const code = fs.readFileSync(file, 'utf8');
  const sequelize = new Sequelize(PG_URL, { logging: false });
  await resetDatabase(sequelize);
  const fakeRequire = (name) => {
    if (name === 'sequelize') return Sequelize;
    throw new Error(`Cannot find module '${name}'`);
  };
  const quietConsole = { log() {}, error() {}, warn() {}, info() {} };
  const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
  let error = null;
  let tablesExist = false;
  const realSync = sequelize.sync.bind(sequelize);
  sequelize.sync = async (...args) => { const r = await realSync(...args); tablesExist = true; return r; };
  try {
    const run = new AsyncFunction('sequelize', 'DataTypes', 'Op', 'Model', 'console', 'require', 'Sequelize', code);
    await run(sequelize, DataTypes, Op, Model, quietConsole, fakeRequire, Sequelize);
  } catch (err) {
    error = errorValue(err);
  }
  const models = sequelize.modelManager.models;
  const report = {
    error,
    models: models.map(describeModel),
    associations: models.map(describeAssociations),
    ddl: {},
  };
  for (const dialect of ['postgres', 'mysql', 'sqlite']) {
    if (error && !tablesExist) {
      report.ddl[dialect] = { error: error.message };
    } else {
      try {
        report.ddl[dialect] = await createTableStatements(sequelize, dialect);
      } catch (err) {
        report.ddl[dialect] = { error: err.message };
      }
    }
  }
  await sequelize.close();
  return report;
}

async function main() {
  const args = process.argv.slice(2);
  const print = args[0] === '--print';
  const files = print ? args.slice(1) : args;
  for (const file of files) {
    const report = await record(path.resolve(file));
    const json = JSON.stringify(report, null, 2) + '\n';
    if (print) {
      process.stdout.write(json);
    } else {
      fs.writeFileSync(file.replace(/\.js$/, '.json'), json);
      process.stderr.write(`recorded ${path.basename(file)}${report.error ? ` (error: ${report.error.name})` : ''}\n`);
    }
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
