// Records which functions of the page's module run before its first render, for
// scripts/split-module.sh: the page is served from DIR with a module instrumented by
// `wasm-split --instrument`, opened in headless Chromium the ways people arrive
// (the playground's own address, their saved work with and without its link, a share
// link, an embed), and each visit writes the module's profile once the first tables
// are drawn. The profiles go to OUT.1, OUT.2, … for `wasm-split --merge-profiles`.
//
// Usage: node e2e/first-render-profile.mjs DIR OUT
import fs from 'node:fs';
import { serve, launch, readProfile } from './harness.mjs';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node e2e/first-render-profile.mjs DIR OUT');
  process.exit(2);
}

const server = await serve(dir);
const browser = await launch();
const { page } = browser;
// The instrumented module's exports, as the page's start script hands them on.
await page.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (event) => { window.instrumented = event.detail.wasm; });
});

/** Opens `url` in a fresh page load and writes the profile of its first render. */
async function profile(url, file) {
  // Through a blank page, so that an address differing only in its fragment loads anew.
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('#tables .table-card');
  await page.waitForFunction(() => window.instrumented);
  const bytes = await page.evaluate(readProfile, 'instrumented');
  fs.writeFileSync(file, Buffer.from(bytes));
}

try {
  await profile(server.url, `${out}.1`);
  // Edited code: saved, and in the address bar as a share link.
  await page.fill('#code', "const Owner = sequelize.define('owner', { name: DataTypes.STRING });\n"
    + "const Pet = sequelize.define('pet', { name: DataTypes.STRING });\nOwner.hasMany(Pet);\n");
  await page.waitForFunction(() => location.hash.startsWith('#v2.') && localStorage.length > 0);
  const hash = await page.evaluate(() => location.hash);
  // A reload: the link and the saved work are the same work.
  await profile(`${server.url}${hash}`, `${out}.2`);
  // Saved work opened without a link.
  await profile(server.url, `${out}.3`);
  // A link from an answer or a tutorial, over no saved work; and an embed.
  await page.evaluate(() => localStorage.clear());
  await profile(`${server.url}${hash}`, `${out}.4`);
  await profile(`${server.url}?embed${hash}`, `${out}.5`);
  if (browser.consoleErrors.length) throw new Error(`the page logged errors: ${browser.consoleErrors.join('\n')}`);
} finally {
  await browser.close();
  await server.close();
}
