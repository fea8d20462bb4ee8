// assoc playground embeds: one script tag turns code blocks into live playgrounds.
//
//   <script src="https://…/embed.js" defer></script>
//   <pre data-assoc-playground data-panels="code,tables,run" data-run="auto">…</pre>
//   <pre><code class="language-sequelize-playground">…</code></pre>   (Markdown renderers)
//
// Options (data attributes on the <pre>): data-panels (code,tables,sql,methods,diagram,run),
// data-readonly, data-theme (light|dark), data-run="auto", data-dialect (postgres|mysql|sqlite).
// Blocks are upgraded when scrolled near; each iframe takes the height its playground reports.
(function () {
  'use strict';
  const script = document.currentScript;
  const base = new URL('./', script ? script.src : location.href);
  const SELECTOR = 'pre[data-assoc-playground], pre > code.language-sequelize-playground';

  // The playground's link format: "v1." + base64url(deflate-raw(JSON)).
  async function encode(code, dialect) {
    const json = new Blob([JSON.stringify({ code, dialect })]);
    const deflated = await new Response(json.stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    let binary = '';
    for (const byte of new Uint8Array(deflated)) binary += String.fromCharCode(byte);
    return 'v1.' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function upgrade(block) {
    const pre = block.tagName === 'CODE' ? block.parentElement : block;
    if (pre.dataset.assocUpgraded) return;
    pre.dataset.assocUpgraded = 'yes';
    const options = pre.dataset;
    const code = block.textContent.replace(/\n$/, '');
    const params = new URLSearchParams();
    params.set('embed', '');
    if (options.panels) params.set('panels', options.panels);
    if (options.readonly !== undefined) params.set('readonly', '');
    if (options.theme) params.set('theme', options.theme);
    if (options.run) params.set('run', options.run);
    const iframe = document.createElement('iframe');
    iframe.title = 'Sequelize playground';
    iframe.className = 'assoc-playground';
    iframe.style.cssText = 'width:100%;height:420px;border:1px solid #dde1e8;border-radius:8px;';
    iframe.src = `${base.href}?${params}#${await encode(code, options.dialect || 'postgres')}`;
    pre.replaceWith(iframe);
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'assoc-playground:height' || typeof data.height !== 'number') return;
    for (const iframe of document.querySelectorAll('iframe.assoc-playground')) {
      if (iframe.contentWindow === event.source) {
        iframe.style.height = `${Math.max(120, Math.min(data.height + 4, 3000))}px`;
      }
    }
  });

  function start() {
    const blocks = document.querySelectorAll(SELECTOR);
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
