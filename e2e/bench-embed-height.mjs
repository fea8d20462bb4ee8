// Prints how close embed.js's first height (its guess from the code, before the
// playground can say) comes to the height each playground then reports, for 24
// generated snippets of 1-6 models with random attributes and associations, in a host
// page 832 px wide. Not a test; run after `trunk build --release` when the page's
// stylesheet changes, and adjust embed.js's pixel figures if the errors grow.
import { serveDist, launch } from './harness.mjs';
const server = await serveDist();
const browser = await launch();
const { page } = browser;
const KINDS = ['hasMany', 'belongsTo', 'hasOne', 'belongsToMany'];
function snippet(seed) {
  let r = seed * 9301 + 49297;
  const rnd = (n) => { r = (r * 9301 + 49297) % 233280; return Math.floor((r / 233280) * n); };
  const m = 1 + rnd(6);
  const lines = [];
  for (let i = 0; i < m; i++) {
    const attrs = [];
    const a = rnd(5);
    for (let j = 0; j < a; j++) attrs.push(`f${j}: DataTypes.STRING`);
    lines.push(`const M${i} = sequelize.define('m${i}', { ${attrs.join(', ')} });`);
  }
  const n = m > 1 ? rnd(m + 2) : 0;
  for (let k = 0; k < n; k++) {
    const kind = KINDS[rnd(4)];
    const a = rnd(m), b = (a + 1 + rnd(m - 1)) % m;
    lines.push(kind === 'belongsToMany' ? `M${a}.belongsToMany(M${b}, { through: 'J${k}' });` : `M${a}.${kind}(M${b});`);
  }
  return lines.join('\n');
}
const snippets = Array.from({ length: 24 }, (_, i) => snippet(i + 1));
await page.goto(server.url + 'tutorial.html');
await page.evaluate((snippets) => {
  document.body.innerHTML = snippets.map((s) => `<pre data-assoc-playground data-panels="code,tables,methods,run">${s}</pre><p>x</p>`).join('');
  const script = document.createElement('script'); script.src = './embed.js?again'; document.head.append(script);
}, snippets);
await page.waitForTimeout(500);
const reserved = await page.$$eval('pre', (ps) => ps.map((p) => +p.dataset.assocHeight));
await page.waitForFunction((n) => { window.scrollBy(0, 600); return document.querySelectorAll('iframe.assoc-playground').length === n; }, snippets.length, { polling: 200, timeout: 120000 });
await page.waitForTimeout(8000);
const out = [];
const iframes = await page.$$('iframe.assoc-playground');
for (let i = 0; i < iframes.length; i++) {
  const f = await iframes[i].contentFrame();
  await f.waitForSelector('#tables .table-card', { timeout: 30000 });
  const m = await f.evaluate(() => {
    const h = (sel) => { const e = document.querySelector(sel); return e ? Math.round(e.getBoundingClientRect().height) : 0; };
    return { editor: h('#editor'), tables: h('#tables'), methods: h('#methods') };
  });
  
  out.push({ i, reserved: await iframes[i].evaluate((f) => +f.dataset.firstHeight), final: await iframes[i].evaluate((f) => parseInt(f.style.height)), lines: snippets[i].split('\n').length, ...m });
}
for (const o of out) {
  console.log(`snippet ${String(o.i).padStart(2)}: reserved ${o.reserved} px, reported ${o.final} px (${o.reserved - o.final >= 0 ? '+' : ''}${o.reserved - o.final}); editor ${o.editor}, tables ${o.tables}, methods ${o.methods}`);
}
const errors = out.map((o) => Math.abs(o.reserved - o.final) / o.final).sort((a, b) => a - b);
const pct = (x) => `${(x * 100).toFixed(1)} %`;
console.log(`error of the first height: median ${pct(errors[errors.length >> 1])}, worst ${pct(errors[errors.length - 1])}`);
await browser.close(); await server.close();
