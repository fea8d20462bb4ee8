// assoc playground embeds: one script tag turns code blocks into live playgrounds.
//
//   <script src="https://…/embed.js"></script>          (in <head>, not deferred: see holdAll)
//   <pre data-assoc-playground data-panels="code,tables,run" data-run="auto">…</pre>
//   <pre><code class="language-sequelize-playground">…</code></pre>   (Markdown renderers)
//
// Options (data attributes on the <pre>): data-panels (code,tables,sql,methods,diagram,run),
// data-readonly, data-theme (light|dark), data-run="auto", data-dialect (postgres|mysql|sqlite).
// Several files: playground blocks with data-file="models/user.js" are one project (one playground,
// a tab per file, in the first block's place; its options are the project's); blocks
// with data-project="name" are that project's, so a page can hold several.
// Blocks are upgraded when scrolled near. Each iframe first gets a height guessed from its
// code (so the page does not jump when it loads), then the height its playground reports,
// again whenever that changes (typing, a run, the editor arriving).
(function () {
  'use strict';
  const script = document.currentScript;
  const base = new URL('./', script ? script.src : location.href);
  const SELECTOR = 'pre[data-assoc-playground], pre > code.language-sequelize-playground';

  // The playground's link format: "v1." + base64url(deflate-raw(JSON)); a project's
  // JSON holds its files (and no code of its own).
  async function encode(code, dialect, files) {
    const state = files ? { code: '', dialect, files } : { code, dialect };
    const json = new Blob([JSON.stringify(state)]);
    const deflated = await new Response(json.stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    let binary = '';
    for (const byte of new Uint8Array(deflated)) binary += String.fromCharCode(byte);
    return 'v1.' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // The first height, before the playground can say: what its panels will hold, read
  // roughly from the code (the models, their attributes, the foreign keys and join
  // tables the associations add, the methods they add) and laid out as the page's
  // stylesheet lays it out at `width`. Pixel figures measured on that stylesheet
  // (e2e/embed-size.test.mjs and bench-embed-height.mjs check the guess against the
  // real heights).
  const PANELS = 'code,tables,methods,run';
  const METHODS = { hasOne: 3, belongsTo: 3, hasMany: 10, belongsToMany: 10 };

  // The text of the object literal that starts at `open` (a `{`), braces balanced.
  function objectAt(code, open) {
    let depth = 0;
    for (let i = open; i < code.length; i++) {
      if (code[i] === '{') depth++;
      else if (code[i] === '}' && --depth === 0) return code.slice(open, i + 1);
    }
    return code.slice(open);
  }

  // Keys of an object literal's own level (`a: …`, `b() {…}` and shorthands aside).
  function keysOf(object) {
    let depth = 0;
    let keys = 0;
    for (let i = 0; i < object.length; i++) {
      const c = object[i];
      if ('{[('.includes(c)) depth++;
      else if ('}])'.includes(c)) depth--;
      else if (c === ':' && depth === 1) keys++;
    }
    return keys;
  }

  function shape(code) {
    const tables = new Map();
    const table = (name) => {
      if (!tables.has(name)) tables.set(name, { columns: 3, keys: new Set() });
      return tables.get(name);
    };
    const definition = /(\w+)\s*=\s*[\w.]+\.define\(\s*['"`][^'"`]*['"`]\s*,\s*\{|(\w+)\.init\(\s*\{/g;
    for (const found of code.matchAll(definition)) {
      const name = found[1] || found[2];
      table(name).columns = 3 + keysOf(objectAt(code, found.index + found[0].length - 1));
    }
    const methods = new Map();
    const association = /(\w+)\.(hasOne|hasMany|belongsToMany|belongsTo)\(\s*(\w+)([^)]*)/g;
    for (const [, source, kind, target, rest] of code.matchAll(association)) {
      methods.set(source, (methods.get(source) || 0) + METHODS[kind]);
      const alias = (rest.match(/\bas:\s*['"`](\w+)/) || [])[1] || '';
      if (kind === 'belongsToMany') {
        const through = (rest.match(/through:\s*['"`]?(\w+)/) || [])[1] || [source, target].sort().join('');
        table(`join:${through}`).keys.add(`${source}/${alias}`).add(`${target}/`);
      } else {
        const [holder, other] = kind === 'belongsTo' ? [source, target] : [target, source];
        table(holder).keys.add(`${other}/${alias}`);
      }
    }
    return { tables: [...tables.values()], methods: [...methods.values()] };
  }

  function reserve(code, panels, runs, width) {
    const { tables, methods } = shape(code);
    const perLine = Math.max(20, (width - 70) / 8.4);
    const lines = code.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
    const columns = Math.max(1, Math.floor((width - 12) / 283));
    // A card: its heading, a row per column (a foreign key's row takes two lines, its
    // badge under its name), and the column list's extra lines.
    const card = (t) => {
      const rows = t.columns + t.keys.size;
      return 140 + 25.5 * rows + 25.5 * t.keys.size + 18 * (Math.ceil((rows * 11) / ((width / columns - 40) / 7.7)) - 1);
    };
    const heights = tables.map(card);
    let tablesHeight = 61;
    for (let row = 0; row * columns < heights.length; row++) {
      tablesHeight += Math.max(...heights.slice(row * columns, (row + 1) * columns)) + (row ? 13 : 0);
    }
    const methodsHeight = methods.length
      ? 60 + methods.reduce((sum, count) => sum + 22 + 49 * count, 0) + 10 * (methods.length - 1)
      : 82;
    const awaits = (code.match(/\bawait\b/g) || []).length;
    const sizes = {
      code: 48 + 11 + 21 * Math.min(Math.max(lines, 3), 24),
      tables: tablesHeight,
      methods: methodsHeight,
      sql: 60 + tables.length * 150,
      diagram: 320,
      run: runs ? 116 + 60 * awaits : 116,
    };
    return Math.round(panels.split(',').reduce((sum, panel) => sum + (sizes[panel.trim()] || 0), 84));
  }

  const codeOf = (block) => block.textContent.replace(/\n$/, '');
  const preOf = (block) => (block.tagName === 'CODE' ? block.parentElement : block);

  // The blocks of the project `pre` is a file of (in the page's order), or null.
  function projectOf(pre) {
    if (pre.dataset.file === undefined) return null;
    const name = pre.dataset.project || '';
    return [...document.querySelectorAll('pre[data-assoc-playground][data-file]')]
      .filter((other) => (other.dataset.project || '') === name);
  }

  // A project's files show in its first block's playground: the others make way.
  const isFollower = (pre) => {
    const project = projectOf(pre);
    return project !== null && project[0] !== pre;
  };

  async function upgrade(block) {
    const pre = preOf(block);
    if (pre.dataset.assocUpgraded) return;
    pre.dataset.assocUpgraded = 'yes';
    const options = pre.dataset;
    const code = codeOf(block);
    const project = projectOf(pre);
    const files = project && project.map((file) => ({ path: file.dataset.file, code: codeOf(file) }));
    const params = new URLSearchParams();
    params.set('embed', '');
    if (options.panels) params.set('panels', options.panels);
    if (options.readonly !== undefined) params.set('readonly', '');
    if (options.theme) params.set('theme', options.theme);
    if (options.run) params.set('run', options.run);
    const iframe = document.createElement('iframe');
    iframe.title = 'Sequelize playground';
    iframe.className = 'assoc-playground';
    const height = pre.dataset.assocHeight;
    iframe.dataset.firstHeight = height;
    iframe.style.cssText = `display:block;width:100%;height:${height}px;border:1px solid #dde1e8;border-radius:8px;`;
    iframe.src = `${base.href}?${params}#${await encode(code, options.dialect || 'postgres', files)}`;
    pre.replaceWith(iframe);
    if (project) project.slice(1).forEach((file) => file.remove());
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'assoc-playground:height' || typeof data.height !== 'number') return;
    for (const iframe of document.querySelectorAll('iframe.assoc-playground')) {
      if (iframe.contentWindow === event.source) {
        iframe.style.height = `${Math.max(60, Math.min(Math.ceil(data.height), 4000))}px`;
      }
    }
  });

  // Each block takes its playground's first height at once, so that the page around it
  // moves before it is first painted, and not when the iframe replaces the block.
  function hold(block) {
    const pre = preOf(block);
    if (pre.dataset.assocUpgraded) return;
    if (isFollower(pre)) {
      pre.style.display = 'none';
      return;
    }
    const project = projectOf(pre);
    const code = project ? project.map(codeOf).join('\n') : codeOf(block);
    const height = reserve(code, pre.dataset.panels || PANELS, pre.dataset.run === 'auto', pre.getBoundingClientRect().width);
    pre.dataset.assocHeight = height;
    pre.style.boxSizing = 'border-box';
    pre.style.height = `${height + 2}px`;
    pre.style.overflow = 'hidden';
  }

  // Blocks are held as soon as they are parsed: from <head> (not deferred) this runs
  // before the page's first paint, so the page never moves when they get their height.
  // Deferred, it still works, after one shift.
  const holdAll = () => document.querySelectorAll(SELECTOR).forEach(hold);
  holdAll();
  if (document.readyState === 'loading') {
    const parsing = new MutationObserver(holdAll);
    parsing.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    document.addEventListener('DOMContentLoaded', () => parsing.disconnect());
  }

  function start() {
    const blocks = [...document.querySelectorAll(SELECTOR)].filter((b) => !isFollower(preOf(b)));
    holdAll();
    if (!('IntersectionObserver' in window)) {
      blocks.forEach(upgrade);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          upgrade(entry.target);
        }
      }
    }, { rootMargin: '200px' });
    blocks.forEach((block) => observer.observe(block));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
