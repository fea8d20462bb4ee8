// Nothing a snippet or a link contains is ever run as HTML or script: payloads in model
// names, attribute names, values shown by a run, and the URL fragment stay text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';

const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "'><iframe src=javascript:window.parent.__pwned=1>",
  '<a href="javascript:window.__pwned=1">x</a>',
  '<details open ontoggle=window.__pwned=1>',
  '<body onload=window.__pwned=1>',
  '<math><mi xlink:href="javascript:window.__pwned=1">x</mi></math>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '<style>@import "javascript:window.__pwned=1"</style>',
  '<input autofocus onfocus=window.__pwned=1>',
  '<video><source onerror=window.__pwned=1></video>',
  '<marquee onstart=window.__pwned=1>',
  '<object data="javascript:window.__pwned=1">',
  '<embed src="javascript:window.__pwned=1">',
  '<form><button formaction=javascript:window.__pwned=1>x',
  '<svg><animate onbegin=window.__pwned=1 attributeName=x dur=1s>',
  '<textarea></textarea><img src=x onerror=window.__pwned=1>',
  '</textarea><script>window.__pwned=1</script>',
];

let dialogs = 0;

const session = openPage({
  ready: '#tables .table-card',
  beforeLoad: (page) => page.on('dialog', async (d) => { dialogs++; await d.dismiss(); }),
});

const js = (s) => JSON.stringify(s);

async function assertInert(where) {
  assert.equal(await session.page.evaluate(() => window.__pwned), undefined, `${where}: a payload ran`);
  const injected = await session.page.evaluate(() =>
    document.querySelectorAll('img[src="x"], iframe, object, embed, marquee, video, details:not(.json-node):not(.step-sql), math, body script').length);
  assert.equal(injected, 0, `${where}: an element was injected`);
  assert.equal(dialogs, 0, `${where}: a dialog opened`);
}

test('payloads in model names, attribute names and run output stay text', async () => {
  for (const payload of PAYLOADS) {
    const code = [
      `const A = sequelize.define(${js(payload)}, { ${js(payload)}: DataTypes.STRING, note: DataTypes.STRING });`,
      `const B = sequelize.define('b', { name: DataTypes.STRING });`,
      `B.belongsTo(A, { as: ${js(payload.slice(0, 12))} });`,
      'await sequelize.sync({ force: true });',
      `console.log(await A.create({ note: ${js(payload)} }), ${js(payload)});`,
    ].join('\n');
    await session.page.fill('#code', code);
    await session.page.click('#run-button');
    await session.page.waitForSelector('#run .step.show, #run .step.error', { timeout: 15000 });
    await assertInert(payload);
    const text = await session.page.innerText('body');
    assert.ok(text.includes(payload.slice(0, 12)), `${payload} is shown as text`);
  }
});

test('payloads in the URL fragment stay text, on load and pasted into the open page', async () => {
  for (const [i, payload] of PAYLOADS.slice(0, 6).entries()) {
    await session.page.goto(`${session.url}?load=${i}#${encodeURIComponent(payload)}`);
    await session.page.waitForSelector('#notice.bad');
    await assertInert(`fragment ${payload}`);
    await session.page.evaluate((p) => { location.hash = p; }, payload);
    await session.page.waitForSelector('#notice.bad');
    await assertInert(`pasted fragment ${payload}`);
  }
});
