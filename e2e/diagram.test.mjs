// The diagram as drawn in Chromium: on a generated 30-model schema its labels do not
// overlap (and each label's text fits its box), zoom, pan and fit change the viewBox,
// the keyboard reaches them, the SVG export reads back as SVG with every table, the
// PNG export is a PNG, and at a phone's width the drawing fits its panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, artifacts } from './harness.mjs';

/** The same shape as src/diagram.rs's test generator: chains, fan-outs, a tree, a
 *  self-association, two aliased belongsTo between one pair, many-to-many links. */
function generated(models) {
  const lines = [];
  for (let i = 0; i < models; i++) lines.push(`const M${i} = sequelize.define('m${i}', { name: DataTypes.STRING });`);
  for (let i = 1; i < models; i++) {
    const parent = [i - 1, 0, Math.floor(i / 2), Math.max(i - 3, 0)][i % 4];
    lines.push(`M${parent}.hasMany(M${i});`, `M${i}.belongsTo(M${parent});`);
  }
  lines.push("M5.belongsTo(M5, { as: 'parent' });");
  lines.push("M9.belongsTo(M2, { as: 'sender' });", "M9.belongsTo(M2, { as: 'recipient' });");
  for (let i = 3; i < models; i += 7) {
    lines.push(`M${i}.belongsToMany(M1, { through: 'j${i}' });`, `M1.belongsToMany(M${i}, { through: 'j${i}' });`);
  }
  lines.push(`M${models - 1}.belongsTo(M0, { as: 'root' });`);
  return lines.join('\n');
}

const session = openPage({
  ready: '#diagram .er-table',
  afterLoad: async (page) => {
    await page.fill('#code', generated(30));
    await page.waitForFunction(() => document.querySelectorAll('#diagram .er-table').length >= 30);
    await page.locator('#diagram .er-scroll').scrollIntoViewIfNeeded();
  },
});

const viewBox = () => session.page.getAttribute('#diagram svg.er', 'viewBox');

function overlap(a, b) {
  const e = 0.5;
  return a.x + e < b.x + b.width && b.x + e < a.x + a.width && a.y + e < b.y + b.height && b.y + e < a.y + a.height;
}

test('no two labels overlap, and each text stays inside its label', async () => {
  const labels = await session.page.$$eval('#diagram .er-edge', (edges) => edges.map((g) => {
    const box = g.querySelector('.er-label-box').getBBox();
    const text = g.querySelector('.er-label').getBBox();
    const plain = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    return { name: g.querySelector('.er-label').textContent, box: plain(box), text: plain(text) };
  }));
  assert.ok(labels.length >= 30, `${labels.length} labels`);
  for (const [i, a] of labels.entries()) {
    assert.ok(a.text.x >= a.box.x - 0.5 && a.text.x + a.text.width <= a.box.x + a.box.width + 0.5, `${a.name} spills out of its label`);
    for (const b of labels.slice(i + 1)) assert.ok(!overlap(a.box, b.box), `${a.name} overlaps ${b.name}`);
  }
  const names = labels.map((l) => l.name);
  for (const name of ['sender 1:n', 'recipient 1:n', 'parent 1:n', 'm1s n:m']) assert.ok(names.includes(name), `${name} in ${names}`);
});

test('keys, buttons, the wheel and a drag zoom, pan and fit', async () => {
  const { page } = session;
  const whole = await viewBox();
  const width = async () => Number((await viewBox()).split(' ')[2]);
  const full = await width();
  await page.focus('#diagram .er-scroll');
  await page.keyboard.press('+');
  assert.ok(await width() < full, 'the + key zooms in');
  await page.keyboard.press('ArrowRight');
  const [x] = (await viewBox()).split(' ').map(Number);
  assert.ok(x > 0, 'the right arrow pans');
  await page.keyboard.press('0');
  assert.equal(await viewBox(), whole, '0 shows it whole');
  await page.click('#diagram .er-tools button[aria-label="Zoom in"]');
  assert.ok(await width() < full, 'the zoom button zooms in');
  await page.click('#diagram .er-tools button:has-text("Fit")');
  assert.equal(await viewBox(), whole);
  const svg = await page.locator('#diagram svg.er').boundingBox();
  await page.mouse.move(svg.x + svg.width / 2, svg.y + svg.height / 2);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction((w) => document.querySelector('#diagram svg.er').getAttribute('viewBox') !== w, whole);
  const zoomed = await viewBox();
  await page.mouse.down();
  await page.mouse.move(svg.x + svg.width / 2 - 80, svg.y + svg.height / 2, { steps: 4 });
  await page.mouse.up();
  assert.notEqual(await viewBox(), zoomed, 'a drag pans');
  await page.keyboard.press('0');
});

test('the SVG export is the diagram as SVG with every table; the PNG export is a PNG', async () => {
  const { page } = session;
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('#diagram .er-tools button:has-text("SVG")')]);
  assert.equal(svgFile.suggestedFilename(), 'diagram.svg');
  const text = fs.readFileSync(await svgFile.path(), 'utf8');
  const read = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return {
      root: doc.documentElement.localName,
      error: doc.querySelector('parsererror') !== null,
      titles: [...doc.querySelectorAll('.er-title')].map((t) => t.textContent),
      styled: doc.querySelector('.er-line').getAttribute('style'),
    };
  }, text);
  assert.equal(read.root, 'svg');
  assert.equal(read.error, false);
  const tables = await page.$$eval('#diagram .er-table', (ts) => ts.map((t) => t.dataset.table));
  assert.deepEqual(read.titles.sort(), tables.sort());
  assert.match(read.styled, /stroke:\s*rgb/, 'styles are inlined');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.click('#diagram .er-tools button:has-text("PNG")')]);
  const png = fs.readFileSync(await pngFile.path());
  assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  assert.ok(png.length > 10000, `${png.length} bytes`);
});

test('at a phone width the diagram fits its panel; screenshots in light and dark', async () => {
  const { page } = session;
  fs.mkdirSync(artifacts, { recursive: true });
  const shoot = async (name) => {
    await page.locator('#diagram').scrollIntoViewIfNeeded();
    await page.locator('#diagram').screenshot({ path: path.join(artifacts, `diagram-${name}.png`) });
  };
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1366, height: 800 });
    await shoot(`desktop-${scheme}`);
    await page.focus('#diagram .er-scroll');
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    await shoot(`desktop-zoomed-${scheme}`);
    await page.keyboard.press('0');
    await page.setViewportSize({ width: 390, height: 844 });
    const fit = await page.$eval('#diagram .er-scroll', (r) => ({ scroll: r.scrollWidth, client: r.clientWidth, svg: r.querySelector('svg').getBoundingClientRect().width }));
    assert.ok(fit.scroll <= fit.client && fit.svg <= fit.client + 1, JSON.stringify(fit));
    await shoot(`phone-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(session.consoleErrors, []);
});
