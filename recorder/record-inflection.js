#!/usr/bin/env node
// Records the npm `inflection` package (the version Sequelize 6 uses) on a word list:
//   node record-inflection.js ../tests/inflection/words.txt > ../tests/inflection/expected.json
'use strict';
const fs = require('fs');
const inflection = require('inflection');
const words = fs.readFileSync(process.argv[2], 'utf8').split('\n').map((w) => w.trim()).filter(Boolean);
const unique = [...new Set(words)];
const rows = unique.map((word) => ({
  word,
  pluralize: inflection.pluralize(word),
  singularize: inflection.singularize(word),
  underscore: inflection.underscore(word),
}));
process.stdout.write(JSON.stringify({ inflection: require('inflection/package.json').version, rows }, null, 1) + '\n');
