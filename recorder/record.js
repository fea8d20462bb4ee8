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
const util = require('util');
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

// A sequelize instance for a dialect that never connects: every query is recorded and
// answered with nothing.
function recordingSequelize(dialect) {
  const options = { dialect, logging: false, storage: ':memory:' };
  if (dialect !== 'postgres') options.dialectModule = {};
  const seq = new Sequelize('db', 'user', 'pass', options);
  seq.recorded = [];
  // Look-ups (like PostgreSQL's existing ENUM types) find nothing; statements succeed.
  seq.query = async (sql) => { seq.recorded.push(typeof sql === 'string' ? sql : sql.query); return undefined; };
  seq.dialect.connectionManager._refreshDynamicOIDs = async () => {};
  return seq;
}

const STOP = Symbol('stop at sync');

// Runs the snippet's definitions on a recording instance of `dialect`, up to its first
// sync(), so that each dialect normalizes the data types itself, as a real run would.
async function defineOn(dialect, code) {
  const seq = recordingSequelize(dialect);
  seq.sync = async () => { throw STOP; };
  try {
    await runSnippet(seq, code);
  } catch (err) {
    if (err !== STOP) { /* the PostgreSQL run reports errors */ }
  }
  return seq;
}

// The CREATE TABLE statements that `sync()` issues, in sync's order.
async function createTableStatements(seq) {
  const models = seq.modelManager.getModelsTopoSortedByForeignKey();
  if (models == null) {
    return { error: 'cyclic foreign keys: sync() creates the tables without constraints, then alters them' };
  }
  models.reverse();
  const statements = [];
  for (const model of models) {
    seq.recorded.length = 0;
    await seq.getQueryInterface().createTable(model.getTableName(), model.tableAttributes, { ...model.options }, model);
    statements.push(...seq.recorded.filter((s) => s.startsWith('CREATE TABLE')));
  }
  return { createTable: statements };
}

function runSnippet(sequelize, code, consoleObject) {
  const fakeRequire = (name) => {
    if (name === 'sequelize') return Sequelize;
    throw new Error(`Cannot find module '${name}'`);
  };
  const quietConsole = consoleObject || { log() {}, error() {}, warn() {}, info() {} };
  const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
  // The snippet runs in a scope of its own, so `const { DataTypes } = require('sequelize')`
  // may shadow the names the playground provides, as it would in a file of its own.
  const run = new AsyncFunction('sequelize', 'DataTypes', 'Op', 'Model', 'console', 'require', 'Sequelize',
    `return (async () => {\n${code}\n})();`);
  const warn = console.warn;
  console.warn = () => {}; // Sequelize's own warnings (e.g. UNSIGNED on postgres) are not part of a report
  return run(sequelize, DataTypes, Op, Model, quietConsole, fakeRequire, Sequelize).finally(() => { console.warn = warn; });
}

async function resetDatabase(sequelize) {
  await sequelize.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  const enums = await sequelize.query(
    "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e'",
    { type: Sequelize.QueryTypes.SELECT });
  for (const { typname } of enums) await sequelize.query(`DROP TYPE IF EXISTS "${typname}" CASCADE`);
}

function holdsSequelize(value, depth) {
  if (depth > 6 || value === null || value === undefined) return false;
  if (value instanceof Model || value instanceof Sequelize) return true;
  if (typeof value === 'function') return value.prototype instanceof Model;
  if (typeof value !== 'object') return false;
  return Object.values(value).some((v) => holdsSequelize(v, depth + 1));
}

// Cuts what the snippet does into the report's `steps`: each segment gathers the SQL
// Sequelize logs and ends at a sync(), a console.log() or a throw.
function stepRecorder() {
  const steps = [];
  let sql = [];
  const end = (kind, value) => { steps.push({ sql, [kind]: value }); sql = []; };
  return {
    steps,
    log(text) {
      const m = /^Executing \([^)]*\): ([\s\S]*)$/.exec(text);
      sql.push(m ? m[1] : text);
    },
    sync() { end('sync', {}); },
    show(args) {
      const [value, ...rest] = args;
      const shown = { value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
      if (rest.length) shown.label = rest.map((r) => (typeof r === 'string' ? r : JSON.parse(JSON.stringify(r))));
      // What Node prints, where no argument holds a Sequelize instance or model (whose
      // internals Node would print).
      if (!args.some((a) => holdsSequelize(a, 0))) shown.printed = util.format(...args);
      end('show', shown);
    },
    error(err) { end('error', errorValue(err)); },
    finish() { if (sql.length) steps.push({ sql }); },
  };
}

async function record(file) {
  const code = fs.readFileSync(file, 'utf8');
  const steps = stepRecorder();
  const sequelize = new Sequelize(PG_URL, { logging: false });
  await resetDatabase(sequelize);
  sequelize.options.logging = (text) => steps.log(text);
  let error = null;
  let tablesExist = false;
  const realSync = sequelize.sync.bind(sequelize);
  const syncStatements = [];
  sequelize.sync = async (options) => {
    const logging = (text) => {
      steps.log(text);
      const m = /^Executing \(default\): (CREATE TABLE.*)$/s.exec(text);
      if (m) syncStatements.push(m[1]);
    };
    const result = await realSync({ ...options, logging });
    tablesExist = true;
    steps.sync();
    return result;
  };
  const recordingConsole = { log: (...args) => steps.show(args), error() {}, warn() {}, info() {} };
  try {
    await runSnippet(sequelize, code, recordingConsole);
  } catch (err) {
    error = errorValue(err);
    steps.error(err);
  }
  steps.finish();
  sequelize.options.logging = false;
  const models = sequelize.modelManager.models;
  const report = {
    error,
    models: models.map(describeModel),
    associations: models.map(describeAssociations),
    ddl: {},
    steps: steps.steps,
  };
  for (const dialect of ['postgres', 'mysql', 'sqlite']) {
    if (error && !tablesExist) {
      report.ddl[dialect] = { error: error.message };
      continue;
    }
    report.ddl[dialect] = await createTableStatements(await defineOn(dialect, code));
  }
  // The generated PostgreSQL DDL must be what the real sync() sent to the server.
  const generated = report.ddl.postgres.createTable;
  if (tablesExist && generated && JSON.stringify(generated) !== JSON.stringify(syncStatements)) {
    throw new Error(`${file}: generated DDL differs from what sync() ran:\n${syncStatements.join('\n')}`);
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
