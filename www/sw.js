// The playground's service worker: it keeps the page's files so that the page opens and
// runs offline after a first visit. scripts/service-worker.sh fills in VERSION (a digest
// of the built files) and FILES (every file Trunk wrote) after each build; a changed
// file is a new version, whose install caches the new set whole and whose activation
// deletes the old caches.
//
// Online, every request goes to the network as it would without a worker (so a deploy
// is seen at once and files of two versions never mix); the cache answers only when
// the network cannot. A file that only some sessions fetch (LATER) is kept once one has.
const VERSION = '__VERSION__';
const FILES = ['./', /* __FILES__ */];
const LATER = ['sql_more.wasm'];
const PREFIX = 'assoc-playground-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  const old = (names) => names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(old(names).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// Offline: the cached file, and for any address of the page (?embed&panels=…) the page.
async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const page = request.mode === 'navigate';
  const hit = await cache.match(request, { ignoreSearch: page });
  return hit || (page && (await cache.match('./'))) || Response.error();
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const later = LATER.some((file) => url.pathname.endsWith(`/${file}`));
  event.respondWith(fetch(request).then((response) => {
    if (later && response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  }, () => fromCache(request)));
});
