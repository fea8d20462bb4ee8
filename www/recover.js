// A panic in the playground's WebAssembly is a bug of ours, never the learner's. The
// page's build aborts at once on a panic (scripts/trunk.sh), which reaches the page as
// a WebAssembly.RuntimeError: instead of a dead page, say so and hand the learner their
// code back to copy. Loaded before the app, so that it also covers the first render.
(() => {
  const recover = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError) || document.getElementById('recovered-code')) return;
    console.error('assoc playground:', error);
    const code = document.getElementById('code')?.value ?? '';
    const make = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });
    const area = make('textarea', code);
    Object.assign(area, { id: 'recovered-code', rows: 20, cols: 80 });
    area.setAttribute('aria-label', 'Your code');
    document.body.replaceChildren(
      make('h1', 'Something went wrong in the playground'),
      make('p', 'This is a bug in the playground, not in your code. Your code is below: copy it, then reload the page.'),
      area,
    );
  };
  addEventListener('error', (event) => recover(event.error));
  addEventListener('unhandledrejection', (event) => recover(event.reason));
})();
