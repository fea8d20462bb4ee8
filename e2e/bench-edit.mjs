// Prints how long the page takes from an edit to re-rendered panels, in headless
// Chromium, for a generated 100-model / 150-association snippet (budget: 16 ms).
// Not a test; run by scripts/bench.sh after `trunk build --release`.
import { serveDist, launch } from './harness.mjs';

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

const server = await serveDist();
const browser = await launch();
try {
  const { page } = browser;
  await page.goto(server.url);
  await page.waitForSelector('#tables .table-card');
  const code = generated(100, 150);
  const times = await page.evaluate(async (code) => {
    const area = document.getElementById('code');
    const task = () => new Promise((resolve) => setTimeout(resolve, 0));
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const work = [];
    const toFrame = [];
    for (let run = 0; run < 9; run++) {
      await frame();
      // A real edit: one model's attribute is renamed back and forth (its table, DDL
      // and the report change; the other 149 tables do not).
      area.value = run % 2 ? code.replace("define('m50', { name:", "define('m50', { title:") : code;
      const start = performance.now();
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      // Yew renders in microtasks: after the next task the DOM is updated; reading a
      // layout property makes the browser lay it out now.
      await task();
      void document.body.offsetHeight;
      work.push(performance.now() - start);
      await frame();
      toFrame.push(performance.now() - start);
    }
    return { work, toFrame };
  }, code);
  const tables = await page.locator('#tables .table-card').count();
  const summary = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `median ${sorted[4].toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[8].toFixed(1)} ms`;
  };
  console.log(`browser edit->panels re-rendered and laid out, 100 models/150 associations (${tables} tables): ${summary(times.work)}`);
  console.log(`browser edit->next animation frame (includes waiting for vsync): ${summary(times.toFrame)}`);
} finally {
  await browser.close();
  await server.close();
}
