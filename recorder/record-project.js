#!/usr/bin/env node
// Records what real Sequelize 6 does for a project of several files (a models folder, a
// sequelize-cli project, an Express app's models), as record.js does for one snippet:
// the report of shared/report-format.md, written as DIR.json beside the directory DIR.
//
//   node record-project.js ../tests/realcode/some-project ...   writes some-project.json
//   node record-project.js --print DIR                          prints one report
//   node record-project.js --database NAME     makes database NAME on PG_URL's server, prints its URL
//
// Node runs the project's entry file (the playground's rule, src/lib.rs `entry_file`:
// index.js, app.js, server.js, main.js, models/index.js, else the first file) from a
// copy of the project whose node_modules is the recorder's. The project's
// require('sequelize') and `import ... from 'sequelize'` get a stand-in class whose
// `new Sequelize(...)`, whatever the project's config says, opens the recorder's
// PostgreSQL database (PG_URL), keeping the options that shape models (`define`, ...).
// Each run is a child process of its own, so every run loads the project afresh:
// one on PostgreSQL for the models, associations and steps, and one per dialect that
// stops at the first sync() for the DDL (as record.js's defineOn does).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');
const rec = require('./record.js');

const RealSequelize = require('sequelize');

/// The project's files, in the order `assoc report DIR` gives them (src/bin/assoc.rs).
function projectFiles(root, dir = root, files = []) {
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) {
      if (name !== 'node_modules' && !name.startsWith('.')) projectFiles(root, full, files);
      continue;
    }
    const isSource = ['.js', '.cjs', '.mjs', '.json'].some((ext) => name.endsWith(ext));
    if (!isSource || name === 'package.json' || name === 'package-lock.json') continue;
    files.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return files;
}

/// The file Node would be started with: the playground's `entry_file`.
function entryFile(root) {
  const files = projectFiles(root);
  const named = ['index.js', 'app.js', 'server.js', 'main.js', 'models/index.js'].find((f) => files.includes(f));
  if (named) return named;
  if (!files.length) throw new Error(`${root}: no source files`);
  return files[0];
}

/// A copy of the project in a temporary directory whose node_modules is the recorder's.
function copyProject(dir) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), `assoc-project-${path.basename(dir)}-`));
  fs.cpSync(dir, copy, { recursive: true });
  fs.symlinkSync(path.join(__dirname, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

function isModuleFile(root, entry) {
  if (entry.endsWith('.mjs')) return true;
  if (entry.endsWith('.cjs')) return false;
  const pkg = path.join(root, 'package.json');
  return fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).type === 'module';
}

/// Every later require('sequelize') gives `Stand`, and so does every `import` of it: a
/// resolve hook sends those to a module of the copy's, `root/.sequelize-stand.mjs`, that
/// exports what lib/index.mjs exports, read from `Stand`.
function replaceSequelize(Stand, root) {
  const resolved = require.resolve('sequelize');
  require.cache[resolved].exports = Stand;
  globalThis.__assocSequelizeStand = Stand;
  const real = fs.readFileSync(path.join(path.dirname(resolved), 'index.mjs'), 'utf8');
  const names = [...real.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
  const stand = path.join(root, '.sequelize-stand.mjs');
  fs.writeFileSync(stand, [
    'const S = globalThis.__assocSequelizeStand;',
    'export default S;',
    ...names.map((name) => `export const ${name} = S.${name};`),
  ].join('\n'));
  const hooks = `let url;
export function initialize(data) { url = data.url; }
export async function resolve(specifier, context, next) {
  return specifier === 'sequelize' ? { url, shortCircuit: true } : next(specifier, context);
}`;
  Module.register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { url: pathToFileURL(stand).href } });
}

/// Loads the entry file as `node ENTRY` would, in this process.
async function runEntry(root, entry) {
  const file = path.join(root, entry);
  delete process.env.NODE_ENV;
  if (isModuleFile(root, entry)) {
    await import(pathToFileURL(file).href);
  } else {
    Module._load(file, null, true);
  }
}

/// The child's run: `mode` is `run` (PostgreSQL, for real) or `ddl:DIALECT`.
async function child(mode, dir) {
  const root = copyProject(path.resolve(dir));
  const entry = entryFile(root);
  const quiet = { log() {}, error() {}, warn() {}, info() {}, debug() {} };
  const out = (value) => process.stdout.write(JSON.stringify(value), () => process.exit(0));
  const cleanup = () => fs.rmSync(root, { recursive: true, force: true });

  if (mode.startsWith('ddl:')) {
    const dialect = mode.slice(4);
    let seq = null;
    let tracked = { inFlight: 0 };
    replaceSequelize(rec.substitute((options, Class) => {
      seq = rec.recordingSequelize(dialect, Class, options);
      seq.sync = async () => { throw rec.STOP; };
      tracked = rec.trackQueries(seq);
      return seq;
    }), root);
    process.on('unhandledRejection', () => {});
    process.on('uncaughtException', () => {});
    Object.assign(console, quiet);
    try {
      await runEntry(root, entry);
    } catch (_) { /* the PostgreSQL run reports errors */ }
    await rec.settled(tracked);
    cleanup();
    out(seq ? await rec.createTableStatements(seq) : { createTable: [] });
    return;
  }

  const PG_URL = rec.PG_URL;
  const reset = new RealSequelize(PG_URL, { logging: false });
  await rec.resetDatabase(reset);
  await reset.close();

  const steps = rec.stepRecorder();
  let error = null;
  let ended = false; // a Node process ends at an uncaught error: nothing after it counts
  let tablesExist = false;
  const syncStatements = [];
  let seq = null;
  let tracked = { inFlight: 0 };
  replaceSequelize(rec.substitute((options, Class) => {
    seq = Reflect.construct(RealSequelize, [PG_URL, { ...rec.ownOptions(options), logging: false }], Class);
    seq.options.logging = (text) => { if (!ended) steps.log(text); };
    const realSync = seq.sync.bind(seq);
    seq.sync = async (options) => {
      const logging = (text) => {
        if (ended) return;
        steps.log(text);
        const m = /^Executing \(default\): (CREATE TABLE.*)$/s.exec(text);
        if (m) syncStatements.push(m[1]);
      };
      const result = await realSync({ ...options, logging });
      tablesExist = true;
      if (!ended) steps.sync();
      return result;
    };
    tracked = rec.trackQueries(seq);
    return seq;
  }), root);
  const fail = (err) => {
    if (ended) return;
    ended = true;
    error = rec.errorValue(err);
    steps.error(err);
  };
  process.on('unhandledRejection', fail);
  process.on('uncaughtException', fail);
  const warn = console.warn;
  Object.assign(console, quiet, { log: (...args) => { if (!ended) steps.show(args); } });
  console.warn = () => {};
  try {
    await runEntry(root, entry);
  } catch (err) {
    fail(err);
  }
  await rec.settled(tracked);
  console.warn = warn;
  steps.finish();
  cleanup();
  const models = seq ? seq.modelManager.models : [];
  out({
    error,
    models: models.map(rec.describeModel),
    associations: models.map(rec.describeAssociations),
    steps: steps.steps,
    tablesExist,
    syncStatements,
  });
}

function runChild(mode, dir) {
  const env = { ...process.env, PG_URL: rec.PG_URL };
  const stdout = execFileSync(process.execPath, [__filename, '--child', mode, dir],
    { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 120000, maxBuffer: 64 << 20 });
  return JSON.parse(stdout);
}

function record(dir) {
  const run = runChild('run', dir);
  const report = { error: run.error, models: run.models, associations: run.associations, ddl: {}, steps: run.steps };
  for (const dialect of ['postgres', 'mysql', 'sqlite']) {
    if (run.error && !run.tablesExist) {
      report.ddl[dialect] = { error: run.error.message };
      continue;
    }
    report.ddl[dialect] = runChild(`ddl:${dialect}`, dir);
  }
  const generated = report.ddl.postgres.createTable;
  if (run.tablesExist && generated && JSON.stringify(generated) !== JSON.stringify(run.syncStatements)) {
    throw new Error(`${dir}: generated DDL differs from what sync() ran:\n${run.syncStatements.join('\n')}`);
  }
  return report;
}

// Makes database NAME on PG_URL's server if it is not there, and prints its URL.
async function database(name) {
  const { Client } = require('pg');
  const client = new Client(rec.PG_URL);
  await client.connect();
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!found.rowCount) await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(rec.PG_URL);
  url.pathname = `/${name}`;
  process.stdout.write(`${url}\n`);
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--database') {
    await database(args[1]);
    return;
  }
  if (args[0] === '--child') {
    await child(args[1], args[2]);
    return;
  }
  const print = args[0] === '--print';
  for (const dir of print ? args.slice(1) : args) {
    const clean = dir.replace(/\/+$/, '');
    const report = record(clean);
    const json = JSON.stringify(report, null, 2) + '\n';
    if (print) {
      process.stdout.write(json);
    } else {
      fs.writeFileSync(`${clean}.json`, json);
      process.stderr.write(`recorded ${path.basename(clean)}/${report.error ? ` (error: ${report.error.name})` : ''}\n`);
    }
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
