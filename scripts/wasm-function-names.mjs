// Prints the names of a WebAssembly module's functions (its "name" section) that match a
// regular expression, one per line, spelled as binaryen spells them: the list
// `wasm-split --split-funcs=@FILE` takes. (Binaryen writes each byte of a name outside
// the text format's identifier characters as `\xx`, in hex.)
//
// Usage: node scripts/wasm-function-names.mjs MODULE.wasm REGEX   (e2e/split.test.mjs)
import fs from 'node:fs';

const [file, pattern] = process.argv.slice(2);
const module = new WebAssembly.Module(fs.readFileSync(file));
const [section] = WebAssembly.Module.customSections(module, 'name');
if (!section) throw new Error(`${file} has no name section: build it with strip = false`);
const bytes = new Uint8Array(section);
let at = 0;
const uleb = () => {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return value;
  }
};
const text = (length) => Buffer.from(bytes.subarray(at, (at += length))).toString();
const matches = new RegExp(pattern);
const identifier = /[0-9A-Za-z!#$%&'*+\-./:<=>?@^_`|~]/;
const binaryen = (name) => [...Buffer.from(name)].map((byte) => {
  const char = String.fromCharCode(byte);
  return identifier.test(char) ? char : `\\${byte.toString(16).padStart(2, '0')}`;
}).join('');
while (at < bytes.length) {
  const id = bytes[at++];
  const end = uleb() + at;
  if (id === 1) {
    // Function names: a count, then (index, name) pairs.
    for (let count = uleb(); count > 0; count--) {
      uleb();
      const name = text(uleb());
      if (matches.test(name)) console.log(binaryen(name));
    }
  }
  at = end;
}
