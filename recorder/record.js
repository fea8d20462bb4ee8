#!/usr/bin/env node
// Records what real Sequelize 6 does for each corpus snippet, as the report of
// shared/report-format.md: `error`, `models`, `associations` and `ddl`.
//
//   node record.js ../tests/corpus/*.js        writes each case's .json beside it
//   node record.js --print case.js             prints one report
//   node record.js --dialect sqlite|mysql ../tests/corpus/*.js
//                                              runs each case on that dialect instead, and
//                                              writes tests/corpus/dialects/CASE.DIALECT.json
//   node record.js --print --dialect sqlite case.js
//
// A snippet's own `new Sequelize(...)` (real code opens with one) gives the instance the
// recorder runs it on, as the playground's does. record-project.js records projects of
// several files with the functions exported here.
//
// PostgreSQL (started by ./start-postgres.sh) runs the snippet for real. The mysql
// and sqlite DDL comes from Sequelize's own query generators for those dialects,
// fed the same models, with `query` replaced by a recorder (no server needed).
//
// With --dialect, the snippet runs for real on another database, and the report holds
// what that run gives, as the PostgreSQL run's does: `error`, `models`, `associations`,
// `steps` (each step's SQL as that dialect logs it, its errors in the database's words),
// and `ddl` for that dialect alone (the offline generator's, checked against what the run's
// sync() ran, as for PostgreSQL).
//   sqlite  an in-memory database of its own per case (npm sqlite3), as
//           `new Sequelize('sqlite::memory:')` opens
//   mysql   a fresh database, assoc_corpus, dropped and made anew per case, on the MariaDB
//           server of MYSQL_URL (./start-mariadb.sh; npm mysql2)
// Such a run's clock is fixed (Date.now() and `new Date()` say FIXED_NOW, and TZ is UTC), so
// that its recordings are byte for byte the same from run to run; the PostgreSQL run's is
// the real one (tests/it/corpus.rs compares dates as `<date>`).
'use strict';
const fs = require('fs');
const util = require('util');
const path = require('path');
const Sequelize = require('sequelize');
const { DataTypes, Op, Model } = Sequelize;

const PG_URL = process.env.PG_URL || 'postgres://postgres@127.0.0.1:54329/postgres';
const MYSQL_URL = process.env.MYSQL_URL || 'mysql://root@127.0.0.1:33069';
const MYSQL_DATABASE = 'assoc_corpus';
const FIXED_NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 678); // 2026-01-02T03:04:05.678Z

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
// answered with nothing. `Class` is Sequelize or a subclass of it (see substitute).
function recordingSequelize(dialect, Class = Sequelize, userOptions = {}) {
  return makeRecording(Reflect.construct(Sequelize, ['db', 'user', 'pass', recordingOptions(dialect, userOptions)], Class));
}

// The options of a recording instance of `dialect`: the code's own, but for where and how
// it connects.
function recordingOptions(dialect, userOptions = {}) {
  const options = { ...ownOptions(userOptions), dialect, logging: false, storage: ':memory:' };
  if (dialect !== 'postgres') options.dialectModule = {};
  return options;
}

// What of the options code gives `new Sequelize(...)` shapes models (`define`, ...), without
// those that say where and how to connect.
function ownOptions(options) {
  const own = { ...(options || {}) };
  for (const key of ['dialect', 'dialectModule', 'dialectModulePath', 'dialectOptions', 'host', 'port',
    'storage', 'username', 'password', 'database', 'pool', 'logging', 'ssl', 'use_env_variable', 'url', 'replication']) {
    delete own[key];
  }
  return own;
}

// The options object among `new Sequelize(...)`'s arguments, in any of its signatures.
function optionsArgument(args) {
  const last = args[args.length - 1];
  return last && typeof last === 'object' ? last : {};
}

// A stand-in for the Sequelize class: `new Sequelize(...)`, whatever its arguments, gives
// the instance `make(options)` made the first time (options: the code's own, without
// connection settings).
function substitute(make) {
  let instance = null;
  class Sequelize extends RealSequelize {
    constructor(...args) {
      if (instance) return instance;
      instance = make(optionsArgument(args), new.target);
      return instance;
    }
  }
  Sequelize.Sequelize = Sequelize;
  Sequelize.default = Sequelize;
  return Sequelize;
}
const RealSequelize = Sequelize;

// `seq` with the model-shaping options code gave its own `new Sequelize(...)`.
function withOwnOptions(seq, options) {
  const own = ownOptions(options);
  const define = { ...seq.options.define, ...(own.define || {}) };
  Object.assign(seq.options, own, { define });
  return seq;
}

function makeRecording(seq) {
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
  const tracked = trackQueries(seq);
  try {
    await runSnippet(seq, code);
  } catch (err) {
    if (err !== STOP) { /* the PostgreSQL run reports errors */ }
  }
  await settled(tracked);
  return seq;
}

// Counts the queries `seq` has under way, so that settled() can tell when code that
// does not await its work (a top-level `.then` chain) is done.
function trackQueries(seq) {
  const tracked = { inFlight: 0 };
  const query = seq.query;
  seq.query = function (...args) {
    tracked.inFlight += 1;
    let result;
    try {
      result = query.apply(this, args);
    } catch (err) {
      tracked.inFlight -= 1;
      throw err;
    }
    return Promise.resolve(result).finally(() => { tracked.inFlight -= 1; });
  };
  return tracked;
}

// Resolves once no query has been under way for a while.
async function settled(tracked) {
  for (let quiet = 0; quiet < 4;) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    quiet = tracked.inFlight === 0 ? quiet + 1 : 0;
  }
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

// The text a console method of Node's prints for `args` (console.table's box, dir's depth).
function printedBy(method, args) {
  let text = '';
  const sink = new (require('stream').Writable)({ write(chunk, _, done) { text += chunk; done(); } });
  new console.Console({ stdout: sink, stderr: sink })[method](...args);
  return text.replace(/\n$/, '');
}

function runSnippet(sequelize, code, consoleObject) {
  const Substitute = substitute((options) => withOwnOptions(sequelize, options));
  const fakeRequire = (name) => {
    if (name === 'sequelize') return Substitute;
    // Node's own modules (util, events, …) are there as in any script.
    if (require('module').isBuiltin(name)) return require(name);
    throw new Error(`Cannot find module '${name}'`);
  };
  const quietConsole = consoleObject || { log() {}, dir() {}, error() {}, warn() {}, info() {} };
  const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
  // The snippet runs in a scope of its own, so `const { DataTypes } = require('sequelize')`
  // may shadow the names the playground provides, as it would in a file of its own.
  const run = new AsyncFunction('sequelize', 'DataTypes', 'Op', 'Model', 'console', 'require', 'Sequelize',
    `return (async () => {\n${code}\n})();`);
  const warn = console.warn;
  console.warn = () => {}; // Sequelize's own warnings (e.g. UNSIGNED on postgres) are not part of a report
  return run(sequelize, DataTypes, Op, Model, quietConsole, fakeRequire, Substitute).finally(() => { console.warn = warn; });
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
    // `method`: the console method whose text Node prints (log's unless given).
    show(args, method) {
      const [value, ...rest] = args;
      // A value JSON has no text for (undefined, a function, a symbol) is null.
      const plain = (x) => {
        const text = JSON.stringify(x);
        return text === undefined ? null : JSON.parse(text);
      };
      const shown = { value: plain(value) };
      if (rest.length && method !== 'dir') shown.label = rest.map((r) => (typeof r === 'string' ? r : plain(r)));
      // What Node prints, where no argument holds a Sequelize instance or model (whose
      // internals Node would print).
      if (!args.some((a) => holdsSequelize(a, 0))) shown.printed = method ? printedBy(method, args) : util.format(...args);
      end('show', shown);
    },
    error(err) { end('error', errorValue(err)); },
    finish() { if (sql.length) steps.push({ sql }); },
  };
}

// Makes `Date.now()` and `new Date()` (and `Date()`) say FIXED_NOW from now on; a Date of
// a given time is as before. Dates stay instances of the one Date.prototype.
function fixClock() {
  const RealDate = Date;
  function FixedDate(...args) {
    if (!new.target) return new RealDate(FIXED_NOW).toString();
    return Reflect.construct(RealDate, args.length ? args : [FIXED_NOW], new.target);
  }
  Object.defineProperty(FixedDate, 'name', { value: 'Date' });
  FixedDate.prototype = RealDate.prototype;
  FixedDate.now = () => FIXED_NOW;
  FixedDate.UTC = RealDate.UTC;
  FixedDate.parse = RealDate.parse;
  globalThis.Date = FixedDate;
}

// A Sequelize instance on a fresh, empty database of `dialect`.
async function openDatabase(dialect) {
  if (dialect === 'postgres') {
    const sequelize = new Sequelize(PG_URL, { logging: false });
    await resetDatabase(sequelize);
    return sequelize;
  }
  if (dialect === 'sqlite') {
    return new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });
  }
  if (dialect === 'mysql') {
    const mysql = require('mysql2/promise');
    const server = await mysql.createConnection(MYSQL_URL);
    await server.query(`DROP DATABASE IF EXISTS \`${MYSQL_DATABASE}\``);
    await server.query(`CREATE DATABASE \`${MYSQL_DATABASE}\``);
    await server.end();
    return new Sequelize(`${MYSQL_URL}/${MYSQL_DATABASE}`, { logging: false });
  }
  throw new Error(`no such dialect: ${dialect} (postgres, sqlite or mysql)`);
}

// What the run being recorded does after a model's own sync().
let afterModelSync = () => {};
const realModelSync = Model.sync;
Model.sync = async function (options) {
  const result = await realModelSync.call(this, options);
  afterModelSync();
  return result;
};

async function record(file, dialect = 'postgres') {
  const code = fs.readFileSync(file, 'utf8');
  const steps = stepRecorder();
  const sequelize = await openDatabase(dialect);
  sequelize.options.logging = (text) => steps.log(text);
  let error = null;
  let tablesExist = false;
  const realSync = sequelize.sync.bind(sequelize);
  const syncStatements = [];
  // A model's own sync() ends a segment too (outside sequelize.sync(), which runs each).
  let inSequelizeSync = false;
  afterModelSync = () => {
    if (!inSequelizeSync) {
      tablesExist = true;
      steps.sync();
    }
  };
  sequelize.sync = async (options) => {
    const logging = (text) => {
      steps.log(text);
      const m = /^Executing \(default\): (CREATE TABLE.*)$/s.exec(text);
      if (m) syncStatements.push(m[1]);
    };
    inSequelizeSync = true;
    const result = await realSync({ ...options, logging }).finally(() => { inSequelizeSync = false; });
    tablesExist = true;
    steps.sync();
    return result;
  };
  const recordingConsole = {
    log: (...args) => steps.show(args),
    info: (...args) => steps.show(args),
    debug: (...args) => steps.show(args),
    dir: (...args) => steps.show(args.slice(0, 2), 'dir'),
    table: (...args) => steps.show(args.slice(0, 2), 'table'),
    error() {},
    warn() {},
  };
  const tracked = trackQueries(sequelize);
  // A rejection nothing handles ends a Node process: the run's error.
  const unhandled = (err) => {
    if (error) return;
    error = errorValue(err);
    steps.error(err);
  };
  process.on('unhandledRejection', unhandled);
  try {
    await runSnippet(sequelize, code, recordingConsole);
  } catch (err) {
    error = errorValue(err);
    steps.error(err);
  }
  await settled(tracked);
  process.off('unhandledRejection', unhandled);
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
  if (dialect !== 'postgres') {
    // That dialect's DDL, as the PostgreSQL run gives its: the offline generator's, which
    // must be what the run's sync() sent to the server.
    if (error && !tablesExist) {
      report.ddl[dialect] = { error: error.message };
    } else {
      report.ddl[dialect] = await createTableStatements(await defineOn(dialect, code));
      const generated = report.ddl[dialect].createTable;
      if (tablesExist && generated && JSON.stringify(generated) !== JSON.stringify(syncStatements)) {
        throw new Error(`${file}: generated ${dialect} DDL differs from what sync() ran:\n${syncStatements.join('\n')}`);
      }
    }
    await sequelize.close().catch(() => {});
    return report;
  }
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
  await sequelize.close().catch(() => {});
  return report;
}

async function main() {
  // A rejection nothing handles (of the STOP a recording's sync() throws, say) must not
  // end the recorder; record() notes those of the PostgreSQL run.
  process.on('unhandledRejection', () => {});
  const args = process.argv.slice(2);
  let dialect = 'postgres';
  let print = false;
  while (args[0] === '--print' || args[0] === '--dialect') {
    if (args.shift() === '--print') {
      print = true;
      continue;
    }
    dialect = args.shift();
    if (!['sqlite', 'mysql'].includes(dialect)) throw new Error(`--dialect: sqlite or mysql, not ${dialect}`);
  }
  if (dialect !== 'postgres') {
    process.env.TZ = 'UTC';
    fixClock();
  }
  for (const file of args) {
    const report = await record(path.resolve(file), dialect);
    const json = JSON.stringify(report, null, 2) + '\n';
    if (print) {
      process.stdout.write(json);
    } else {
      const out = dialect === 'postgres'
        ? file.replace(/\.js$/, '.json')
        : path.join(path.dirname(file), 'dialects', `${path.basename(file, '.js')}.${dialect}.json`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, json);
      process.stderr.write(`recorded ${path.basename(file)}${dialect === 'postgres' ? '' : ` on ${dialect}`}${report.error ? ` (error: ${report.error.name})` : ''}\n`);
    }
  }
}

module.exports = {
  PG_URL, STOP, errorValue, describeModel, describeAssociations, recordingSequelize, recordingOptions,
  ownOptions, substitute, trackQueries, settled, createTableStatements, resetDatabase, stepRecorder,
};

if (require.main === module) main().catch((err) => { console.error(err); process.exit(1); });
