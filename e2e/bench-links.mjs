// Link lengths: each state's `#v2.` link next to lz-string's compressToEncodedURIComponent
// of the same state JSON (the TypeScript playground's scheme). Budget (issue 6): seeds at
// most 0.6x lz-string. Prints figures; it is a benchmark, not a test.
import { execFileSync } from 'node:child_process';
import LZString from 'lz-string';

const lines = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_links'], {
  cwd: new URL('..', import.meta.url), encoding: 'utf8',
}).trim().split('\n').map((line) => JSON.parse(line));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = lines.map((l) => ({ ...l, lz: LZString.compressToEncodedURIComponent(l.state).length }));
for (const r of rows.filter((r) => r.group !== 'corpus')) {
  console.log(`${r.group.padEnd(6)} ${r.name.padEnd(22)} lz-string ${String(r.lz).padStart(5)}  v1 ${String(r.v1).padStart(5)} (${(r.v1 / r.lz).toFixed(2)}x)  v2 ${String(r.v2).padStart(5)} (${(r.v2 / r.lz).toFixed(2)}x)`);
}
for (const group of ['seed', 'preset', 'corpus']) {
  const g = rows.filter((r) => r.group === group);
  const ratios = g.map((r) => r.v2 / r.lz);
  console.log(`${group}: ${g.length} states, v2/lz-string median ${median(ratios).toFixed(2)}x, max ${Math.max(...ratios).toFixed(2)}x; v1/lz-string median ${median(g.map((r) => r.v1 / r.lz)).toFixed(2)}x`);
}
