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

  // The first height, before the playground can say: its editor as tall as the code
  // (3 to 24 lines, as src/embed.rs's EDITOR_LINES) and a typical height per panel.
  // Pixel figures measured on the page's stylesheet.
  const PANELS = 'code,tables,methods,run';
  function reserve(code, panels, runs) {
    const count = (pattern) => (code.match(pattern) || []).length;
    const models = count(/\.define\(|extends\s+Model\b/g);
    const associations = count(/\.(hasOne|hasMany|belongsTo|belongsToMany)\(/g);
    const lines = Math.min(Math.max(code.split('\n').length, 3), 24);
    const sizes = {
      code: 60 + lines * 19,
      tables: 50 + models * 95,
      methods: 50 + associations * 260,
      sql: 60 + models * 150,
      diagram: 320,
      run: runs ? 620 : 90,
    };
    return panels.split(',').reduce((sum, panel) => sum + (sizes[panel.trim()] || 0), 40);
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
    const height = reserve(code, pre.dataset.panels || PANELS, pre.dataset.run === 'auto');
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
