// Prints how long the page takes from an edit to re-rendered panels, in headless
// Chromium, for a generated 100-model / 150-association snippet (budget: 16 ms).
// Not a test; run by scripts/bench.sh after `trunk build --release`.
//
// DIST=folder serves another build of the page (to compare two builds, alternating).
// PROFILE=file.cpuprofile records a CPU profile over the keys typed, writes it there
// (DevTools opens it) and prints where the time went: best on a build whose modules
// keep their function names (scripts/build-unsplit.sh).
import fs from 'node:fs';
import { serve, serveDist, launch } from './harness.mjs';

function generated(models, associations) {
  let code = '';
  for (let i = 0; i < models; i++) {
    code += `const M${i} = sequelize.define('m${i}', { name: DataTypes.STRING, size: DataTypes.INTEGER });\n`;
  }
  for (let made = 0, i = 1; made < associations; i++) {
    const x = i % models, y = (i * 7 + 3) % models;
    const later = Math.max(x, y), earlier = Math.min(x, y);
    if (later === earlier) continue;
    if (made % 3 === 0) code += `M${later}.belongsTo(M${earlier}, { as: 'link${made}' });\n`;
    else if (made % 3 === 1) code += `M${earlier}.hasMany(M${later}, { as: 'items${made}' });\n`;
    else code += `M${x}.belongsToMany(M${y}, { through: 'j${made}', as: 'peers${made}' });\n`;
    made++;
  }
  return code;
}

// Keys typed: enough for a median that holds from run to run on a noisy machine.
const KEYS = 25;

const server = await (process.env.DIST ? serve(process.env.DIST) : serveDist());
const browser = await launch();
try {
  const { page } = browser;
  await page.goto(server.url);
  await page.waitForSelector('#tables .table-card');
  const code = generated(100, 150);
  // Load the snippet, then edit it as a user does: keys typed in the code editor
  // (CodeMirror), here renaming an attribute of the first model one character at a time.
  await page.fill('#code', code);
  await page.waitForFunction(() => document.querySelectorAll('#tables .table-card').length === 150);
  await page.waitForSelector('#editor .cm-content');
  await page.evaluate(() => {
    window.benchTimes = { work: [], handler: [], toFrame: [], rendered: [] };
    // The editor hands each change to the page as an input event on #code: from there
    // to the panels re-rendered and laid out is the page's work for one key. The clock
    // starts before any listener of the page (window, capture phase), so it counts the
    // analysis too.
    let start = 0;
    const fromEditor = (event) => event.target.id === 'code';
    addEventListener('input', (event) => { if (fromEditor(event)) start = performance.now(); }, true);
    // Yew renders in a microtask queued by its listener; one queued after it (window,
    // bubble phase) runs once the render and its effects are done.
    addEventListener('input', (event) => {
      if (!fromEditor(event)) return;
      // The page's own listener (the analysis and the reducer) has run by now.
      window.benchTimes.handler.push(performance.now() - start);
      const settle = (depth) => queueMicrotask(() => {
        if (depth > 0) return settle(depth - 1);
        void document.body.offsetHeight;
        window.benchTimes.work.push(performance.now() - start);
        window.benchTimes.rendered.push(document.querySelector('#tables .table-card[data-table="m0s"]').textContent);
      });
      settle(3);
      setTimeout(() => requestAnimationFrame(() => setTimeout(() => window.benchTimes.toFrame.push(performance.now() - start), 0)), 0);
    });
  });
  await page.locator('#editor .cm-line').first().click();
  // Into the attribute name `size` of the first model: `si|ze: DataTypes.INTEGER });`.
  await page.keyboard.press('End');
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowLeft');
  const profiler = process.env.PROFILE && await startProfile(page);
  for (let run = 0; run < KEYS; run++) {
    await page.keyboard.press(run % 2 ? 'Backspace' : 'x');
    await page.waitForTimeout(150);
    // Every key must have changed the code the page analyzed.
    const renamed = await page.locator('#tables .table-card[data-table="m0s"] td.col', { hasText: 'sixze' }).count();
    if (renamed !== (run % 2 ? 0 : 1)) throw new Error(`key ${run} did not reach the page`);
  }
  if (profiler) await writeProfile(profiler, process.env.PROFILE);
  const times = await page.evaluate(() => window.benchTimes);
  // The clock stopped only once the key's change was on the page.
  times.rendered.forEach((text, run) => {
    if (text.includes('sixze') !== (run % 2 === 0)) throw new Error(`key ${run}: the panels were not re-rendered when the clock stopped`);
  });
  const tables = await page.locator('#tables .table-card').count();
  const summary = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    return `median ${median.toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (${sorted.length} keys)`;
  };
  console.log(`browser edit->panels re-rendered and laid out, 100 models/150 associations (${tables} tables): ${summary(times.work)}`);
  console.log(`  of which the page's input listener (analysis and reducer): ${summary(times.handler)}`);
  console.log(`browser edit->next animation frame (includes waiting for vsync): ${summary(times.toFrame)}`);
} finally {
  await browser.close();
  await server.close();
}

async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Writes the profile to `file` and prints the functions that took most time a key. */
async function writeProfile(cdp, file) {
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync(file, JSON.stringify(profile));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const own = new Map(), within = new Map();
  const add = (table, name, us) => table.set(name, (table.get(name) ?? 0) + us);
  const name = (node) => node.callFrame.functionName || `(anonymous ${node.callFrame.url.split('/').pop()})`;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const leaf = nodes.get(id);
    if (['(idle)', '(program)'].includes(name(leaf))) return;
    // Playwright's own scripts (the checks between keys) have no URL.
    if (leaf.callFrame.url || name(leaf).startsWith('(')) add(own, name(leaf), us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const caller = name(nodes.get(at));
      if (!seen.has(caller)) add(within, caller, us);
      seen.add(caller);
    }
  });
  const top = (table, count) => [...table].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([name, us]) => `  ${(us / 1000 / KEYS).toFixed(3)} ms  ${name.slice(0, 140)}`).join('\n');
  console.log(`CPU profile written to ${file} (the profiler slows the page down). Per key, by own time:`);
  console.log(top(own, 25));
  console.log("Per key, our crate's functions with what they call:");
  console.log(top(new Map([...within].filter(([name]) => name.includes('assoc_playground'))), 30));
}
