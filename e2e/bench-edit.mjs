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
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const results = [];
    for (let run = 0; run < 7; run++) {
      // Alternate a trailing comment so every edit changes the text.
      area.value = code + (run % 2 ? '// edit\n' : '');
      const start = performance.now();
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await frame();
      results.push(performance.now() - start);
    }
    return results;
  }, code);
  const tables = await page.locator('#tables .table-card').count();
  times.sort((a, b) => a - b);
  console.log(`browser edit->render 100 models/150 associations (${tables} tables): median ${times[3].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[6].toFixed(1)} ms`);
} finally {
  await browser.close();
  await server.close();
}
