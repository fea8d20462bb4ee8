// The page's worker (a module worker, started by src/ui/engine.rs on the first Run):
// the SQL engine's module (sql.js, GlueSQL) and the page's own module (app.js, from the
// browser's cache) side by side. The page's module runs the snippets
// (`serve_runs`, src/bin/app.rs) and reaches the engine's stores through `assocSql`.
import initEngine, * as engine from './sql.js';
import initPlayground, { loadRest, serve_runs } from './app.js';

await initEngine({ module_or_path: './sql_bg.wasm' });
self.assocSql = engine;
await initPlayground({ module_or_path: './app_bg.wasm' });
// The page's module comes in two parts (scripts/split-module.sh): a run uses the rest.
await loadRest();
serve_runs();
