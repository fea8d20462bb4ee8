// Reads files dropped on the page or chosen with a file input into a list of
// { path, bytes } (bytes: a Uint8Array; null for a folder not read), for the app to
// make a project of (src/project.rs decides what to keep). Folders are walked here
// because the browser's entries API is callback-based; node_modules and .git are not
// read (the app says they were left out).
const SKIPPED = new Set(['node_modules', '.git']);
const MAX_FILES = 2000;

const fileOf = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));

// Every entry of a folder: readEntries answers in batches until it answers none.
async function entriesOf(directory) {
  const reader = directory.createReader();
  const all = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry, prefix, found) {
  if (found.length >= MAX_FILES) return;
  const path = prefix + entry.name;
  if (entry.isFile) {
    found.push({ path, file: await fileOf(entry) });
  } else if (entry.isDirectory) {
    if (SKIPPED.has(entry.name)) {
      found.push({ path: `${path}/`, file: null });
      return;
    }
    for (const child of await entriesOf(entry)) await walk(child, `${path}/`, found);
  }
}

async function withBytes(found) {
  return Promise.all(found.map(async ({ path, file }) => ({
    path,
    bytes: file ? new Uint8Array(await file.arrayBuffer()) : null,
  })));
}

// A drop's DataTransfer: its entries must be taken before the drop handler returns.
// Only folders are walked through the entries API; files are read as dropped.
function readDropped(transfer) {
  const items = [...(transfer.items || [])].filter((item) => item.kind === 'file');
  const entries = items.map((item) => (item.webkitGetAsEntry ? item.webkitGetAsEntry() : null));
  const loose = items.map((item) => item.getAsFile());
  return (async () => {
    const found = [];
    for (let i = 0; i < items.length; i += 1) {
      if (entries[i] && entries[i].isDirectory) await walk(entries[i], '', found);
      else if (loose[i]) found.push({ path: loose[i].name, file: loose[i] });
    }
    return withBytes(found.slice(0, MAX_FILES));
  })();
}

// A file input's FileList (a folder input gives each file its path in the folder).
function readChosen(list) {
  const found = [];
  const skipped = new Set();
  for (const file of [...list].slice(0, MAX_FILES)) {
    const path = file.webkitRelativePath || file.name;
    const parts = path.split('/');
    const at = parts.findIndex((part) => SKIPPED.has(part));
    if (at < 0) found.push({ path, file });
    else skipped.add(`${parts.slice(0, at + 1).join('/')}/`);
  }
  for (const path of skipped) found.push({ path, file: null });
  return withBytes(found);
}

window.assocFiles = {
  read(source) {
    return source instanceof DataTransfer ? readDropped(source) : readChosen(source);
  },
};
