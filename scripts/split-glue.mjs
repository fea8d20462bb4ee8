// Teaches a module's wasm-bindgen glue (app.js, sql.js) to run the module split in two
// by scripts/split-module.sh: the first part imports a placeholder for each function
// moved to the rest (REST, e.g. app_more.wasm); loading the rest puts the real
// functions in their table slots.
//
// - `--after-start`: in a page, the rest is fetched as soon as the module's start call
//   has returned (for the page's module: once its first render is drawn), or before
//   the start when the page's service worker has the files (a return visit, maybe
//   offline). The glue also exports `loadRest()`, which the worker awaits before it
//   serves runs.
// - A placeholder called before the rest is in (a path the split did not foresee)
//   loads it at once, synchronously, and calls on: slower once, never wrong.
//
// Usage: node scripts/split-glue.mjs GLUE.js REST.wasm [--after-start]   (in place)
import fs from 'node:fs';

const [file, rest, afterStart] = process.argv.slice(2);
let glue = fs.readFileSync(file, 'utf8');

/** Replaces the one occurrence of `from` (the glue of the wasm-bindgen Cargo.lock pins). */
function replaceOnce(from, to) {
  const at = glue.indexOf(from);
  if (at < 0 || glue.indexOf(from, at + 1) >= 0) {
    throw new Error(`${file}: expected exactly one \`${from}\` in wasm-bindgen's glue`);
  }
  glue = glue.slice(0, at) + to + glue.slice(at + from.length);
}

replaceOnce('function __wbg_get_imports()', 'function __wbg_get_imports_unsplit()');
if (afterStart === '--after-start') {
  replaceOnce('wasm.__wbindgen_start();', 'wasm.__wbindgen_start();\n    restAfterStart();');
  replaceOnce('const { instance, module } = await __wbg_load(await module_or_path, imports);',
    'const early = restFromCache();\n    const { instance, module } = await __wbg_load(await module_or_path, imports);\n    await early;');
}

glue += `
// The rest of the module (scripts/split-module.sh).
const restUrl = new URL('${rest}', import.meta.url);
let restCompiled = null;
let restModule = null;
let restInstalled = false;

function __wbg_get_imports() {
    const imports = __wbg_get_imports_unsplit();
    imports.placeholder = new Proxy({}, {
        get: (_, slot) => (...args) => {
            if (!restInstalled) restModule ? installRest(restModule) : loadRestNow();
            return wasm['%table'].get(Number(slot))(...args);
        },
    });
    return imports;
}

function installRest(module) {
    if (restInstalled) return;
    new WebAssembly.Instance(module, { primary: wasm });
    restInstalled = true;
}

/** Fetches and installs the rest of the module; resolves once its functions are in. */
async function loadRest() {
    if (restInstalled) return;
    installRest(await compileRest());
}

function compileRest() {
    restCompiled ??= fetch(restUrl).then(async (response) => {
        if (!response.ok) throw new Error(\`failed to fetch \${restUrl}: \${response.status}\`);
        return (restModule = await WebAssembly.compile(await response.arrayBuffer()));
    });
    return restCompiled;
}

/**
 * A page the service worker controls has the files in its cache, and may be offline,
 * where no synchronous request can reach them: it takes the rest before it starts.
 */
function restFromCache() {
    const cached = typeof window !== 'undefined' && navigator.serviceWorker?.controller;
    return cached ? compileRest().catch(() => null) : null;
}

/** The same, at once: for a placeholder called before loadRest has finished. */
function loadRestNow() {
    const request = new XMLHttpRequest();
    request.open('GET', restUrl, false);
    // Bytes as a string of 8-bit characters: a synchronous request takes no arraybuffer.
    request.overrideMimeType('text/plain; charset=x-user-defined');
    // Offline, this request (which no service worker answers) fails: the page then
    // shows its recovery page (www/recover.js), with the learner's code.
    try {
        request.send();
    } catch (error) {
        throw new WebAssembly.RuntimeError(\`the rest of the playground could not be loaded: \${error}\`);
    }
    if (request.status !== 200) throw new WebAssembly.RuntimeError(\`failed to fetch \${restUrl}: \${request.status}\`);
    const text = request.responseText;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    installRest(new WebAssembly.Module(bytes));
}

function restAfterStart() {
    if (typeof window !== 'undefined') setTimeout(() => loadRest().catch((error) => console.error(error)), 0);
}

export { loadRest };
`;
fs.writeFileSync(file, glue);
