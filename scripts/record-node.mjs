// Records what Node prints, as test material for src/inspect.rs and the interpreter:
// tests/node/printed.json ({ code, printed }: stdout without the final newline) and
// tests/node/errors.json ({ code, name, message, thrown }: what the program throws),
// tests/node/inspected.json ({ shape, inspected }: seeded random plain data, encoded as
// a tree the Rust tests decode into `inspect::Shape`, and `util.inspect` of it).
// Each case runs in a fresh `node -e` child. No dependencies: `node scripts/record-node.mjs`.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { inspect } from 'node:util';

const printed = [
  // Primitives
  'console.log(1)', 'console.log(-0)', 'console.log(0)', 'console.log(NaN)',
  'console.log(Infinity, -Infinity)', 'console.log(true, false)', 'console.log(null)',
  'console.log(undefined)', 'console.log(10n)', 'console.log([-0, 0])',
  'console.log(1e21)', 'console.log(1e-7)', 'console.log(123456789012345680000)',
  'console.log(0.1 + 0.2)', 'console.log(1 / 3)', 'console.log(2 ** 53)', 'console.log(5e-324)',
  'console.log(1.7976931348623157e308)', 'console.log([1.5, -2.25, 1e100])',
  'console.log(Symbol("foo"))', 'console.log(Symbol())', 'console.log([Symbol("a"), 1n])',
  // Strings
  "console.log('hello')", "console.log(['hello'])", "console.log(\"it's\")", "console.log([\"it's\"])",
  "console.log(['say \"hi\"'])", "console.log([`it's \"x\"`])", "console.log(['it\\'s \"x\" `y`'])",
  "console.log(['a\\nb'])", "console.log('a\\nb')", "console.log(['tab\\there'])", "console.log(['back\\\\slash'])",
  "console.log(['héllo wörld'])", "console.log(['日本語'])", "console.log(['emoji 🎉'])", "console.log('emoji 🎉')",
  "console.log([''])", "console.log('')", "console.log({ s: 'x'.repeat(100) })",
  "console.log(['\\u0001\\u007f'])", "console.log({ text: 'line one\\nline two\\nline three and a bit more text here to be long' })",
  "console.log(['x'.repeat(20)])",
  // Objects
  'console.log({})', 'console.log({ a: 1 })', "console.log({ a: 1, b: 'two', c: null, d: undefined })",
  "console.log({ 'a-b': 1, 'c d': 2, e_f: 3, $g: 4, '1x': 5, 10: 6 })", 'console.log({ [Symbol("foo")]: 1, a: 2 })',
  'console.log({ a: { b: 1 } })', 'console.log({ a: { b: { c: 1 } } })', 'console.log({ a: { b: { c: { d: 1 } } } })',
  'console.log({ a: { b: { c: { d: { e: 1 } } } } })', 'console.log({ a: { b: { c: {} } } })',
  'console.log({ a: { b: { c: [] } } })', 'console.log({ a: { b: { c: [1] } } })', 'console.log([[[[1]]]])',
  'console.log([[[1]]])', 'console.log([[[[]]]])', 'console.log({ a: [{ b: { c: 1 } }] })',
  'console.log({ a: 1, b: { c: 2, d: { e: 3, f: { g: 4 } } } })',
  "console.log({ firstName: 'Alexander', lastName: 'Hamilton', email: 'alexander.hamilton@example.com' })",
  "console.log({ firstName: 'Alex', lastName: 'Ham', email: 'alex@example.com', age: 30, x: 1 })",
  "console.log({ aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb', cccccccccc: 'dddddddddddddddddddd', e: 12345 })",
  "console.log({ aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb', cccccccccc: 'dddddddddddddddddddd', e: 123456 })",
  "console.log({ a: 'x'.repeat(60), b: 1 })", "console.log({ a: 'x'.repeat(80) })",
  "console.log({ user: { id: 1, name: 'Tom', profile: { bio: 'hi', links: { site: 'x' } } } })",
  "console.log({ __proto__: null, a: 1 })", 'console.log(Object.create(null))',
  "console.log({ a: 1, get b() { return 2 }, set c(v) {}, get d() { return 1 }, set d(v) {} })",
  "console.log({ 'key with \\'quote': 1 })", "console.log({ 'ключ': 1, 'é': 2 })",
  "const o = { a: 1 }; console.log({ x: o, y: o })",
  "console.log({ a: [1, 2, 3], b: { c: [4, 5] } })",
  "console.log({ f() {}, g: () => 1, h: function () {} })",
  "console.log({ n: -0, big: 12n, sym: Symbol('s') })",
  "console.log({ nested: { list: [{ id: 1 }, { id: 2 }] } })",
  // Arrays
  'console.log([])', 'console.log([1, 2, 3])', 'console.log([1, 2, 3, 4, 5, 6])', 'console.log([1, 2, 3, 4, 5, 6, 7])',
  'console.log(Array.from({ length: 10 }, (_, i) => i))', 'console.log(Array.from({ length: 26 }, (_, i) => i * 3))',
  'console.log(Array.from({ length: 100 }, (_, i) => i))', 'console.log(Array.from({ length: 101 }, (_, i) => i))',
  'console.log(Array.from({ length: 150 }, (_, i) => i))',
  "console.log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'])",
  "console.log(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z'])",
  "console.log([1, 'two', 3, 'four', 5, 'six', 7, 'eight'])", 'console.log([1, 22, 333, 4444, 55555, 666666, 7777777])',
  'console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000000000000])', 'console.log([1.5, 2.25, 3, 4, 5, 6, 7, -8])',
  'console.log([true, false, true, false, true, false, true])', 'console.log([null, undefined, null, undefined, null, undefined, null])',
  'console.log([1, , 3])', 'console.log([, , 1])', 'console.log(new Array(5))', 'console.log([1, 2, , , 5, , 7, 8, 9])',
  "const a = [1, 2]; a.extra = 'x'; console.log(a)", "console.log(Array.from({ length: 8 }, (_, i) => 'item' + i))",
  "console.log(Array.from({ length: 30 }, (_, i) => 'x'.repeat(i % 7)))",
  'console.log([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]])',
  'console.log([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }, { a: 5 }, { a: 6 }, { a: 7 }])',
  'console.log(Array.from({ length: 12 }, (_, i) => 10n ** BigInt(i)))',
  'console.log([1, [2, [3, [4, [5]]]]])',
  "console.log(['x'.repeat(30), 'y'.repeat(30), 'z'.repeat(30)])", "console.log(['x'.repeat(20), 'y'.repeat(20), 'z'.repeat(20)])",
  // Database-like rows
  "console.log([{ id: 1, name: 'Tom', createdAt: new Date(0) }, { id: 2, name: 'Ann', createdAt: new Date(0) }])",
  "console.log({ id: 1, name: 'Tom', createdAt: new Date(0) })",
  "console.log({ id: 1, name: 'Tom', createdAt: new Date('2024-01-02T03:04:05.678Z'), updatedAt: new Date('2024-01-02T03:04:05.678Z') })",
  "console.log([{ id: 1, title: 'Learn Sequelize', done: false, userId: 1 }, { id: 2, title: 'Write tests', done: true, userId: 1 }])",
  "console.log({ id: 1, name: 'Team A', players: [{ id: 1, name: 'Ann', teamId: 1 }, { id: 2, name: 'Bob', teamId: 1 }] })",
  "console.log([{ id: 1, name: 'Team A', players: [{ id: 1, name: 'Ann', teamId: 1 }] }])",
  "console.log([{ id: 1, user: { id: 1, profile: { id: 1, bio: 'x' } } }])",
  "console.log({ count: 2, rows: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }] })",
  "console.log([{ id: 1 }, { id: 2 }, { id: 3 }])", "console.log([{ id: 1, name: 'Tom' }])",
  "console.log(Array.from({ length: 8 }, (_, i) => ({ id: i + 1, name: 'user' + i })))",
  "console.log({ dataValues: { id: 1, name: 'Tom' }, isNewRecord: false })",
  "console.log([{ id: 1, email: 'a@example.com', passwordHash: null, role: 'admin', active: true }])",
  "console.log([[ { id: 1 } ], true])",
  // Map, Set, class instances, functions
  "console.log(new Map([['a', 1], ['b', 2]]))", 'console.log(new Map())', 'console.log(new Set([1]))', 'console.log(new Set())',
  "console.log(new Set(['a', 'b', { c: 1 }]))", "console.log(new Map([[{ k: 1 }, [1, 2]]]))",
  "console.log({ m: new Map([['x', { y: { z: 1 } }]]) })", "console.log(new Set(Array.from({ length: 10 }, (_, i) => i)))",
  'class Foo { constructor() { this.a = 1 } }; console.log(new Foo())', 'class Foo {}; console.log(new Foo())',
  'class Foo { constructor() { this.a = { b: { c: { d: 1 } } } } }; console.log(new Foo())',
  'class Foo {}; console.log({ f: new Foo(), g: [new Foo()] })', 'class Foo {}; console.log({ a: { b: { c: new Foo() } } })',
  'class Foo { constructor() { this.x = 1 } }; console.log({ a: { b: { c: new Foo() } } })',
  'class A {}; class B extends A {}; console.log(A, B)', 'console.log(class {})', 'console.log(function foo() {})',
  'console.log(function () {})', 'console.log(() => 1)', 'const f = () => 1; console.log(f)', 'console.log(async function af() {})',
  'console.log(async () => {})', 'console.log(function* gen() {})', 'function f() {}; f.x = 1; console.log(f)',
  'console.log([function a() {}, class B {}])', 'console.log(Math.max)', 'console.log({ fn: console.log })',
  'class User { static associate() {} }; console.log(User)', 'class User { constructor() { this.id = 1 } get name() { return "x" } }; console.log(new User())',
  // Circular
  'const o = {}; o.self = o; console.log(o)', 'const o = { a: 1 }; o.b = { c: o }; console.log(o)',
  'const a = [1]; a.push(a); console.log(a)', 'const p = { name: "p" }; const c = { parent: p }; p.child = c; console.log([p, c])',
  'const x = {}; const y = { x }; x.y = y; const z = { x, y }; z.z = z; console.log(z)',
  // Dates, regexps, promises, boxed
  'console.log(new Date(0))', "console.log(new Date('2024-01-02T03:04:05.678Z'))", "console.log([new Date(0)])",
  "console.log(new Date(0).toISOString())", "console.log(JSON.stringify(new Date(0)))", "console.log(String(new Date(NaN)))",
  "console.log(new Date(NaN))", "console.log({ d: new Date(NaN) })",
  'console.log(/a/g)', 'console.log([/a\\/b/i, new RegExp("x+")])', 'console.log(Promise.resolve(1))',
  'console.log(new Promise(() => {}))', 'console.log(Promise.resolve({ a: [1] }))',
  'const p = Promise.reject(3); p.catch(() => {}); console.log(p)', 'console.log(new Number(3), new String("x"), new Boolean(false))',
  // JSON.stringify
  "console.log(JSON.stringify({ a: 1, b: [1, 2], c: 'x' }))", "console.log(JSON.stringify({ a: 1, b: [1, 2] }, null, 2))",
  "console.log(JSON.stringify([{ id: 1, name: 'Tom' }], null, 2))", "console.log(JSON.stringify({ a: 1, b: 2, c: 3 }, ['a', 'c']))",
  "console.log(JSON.stringify({ a: 1, b: 'x' }, (k, v) => typeof v === 'number' ? v * 2 : v))",
  "console.log(JSON.stringify({ toJSON() { return { x: 1 } } }))", "console.log(JSON.stringify({ a: undefined, f() {}, s: Symbol('x'), n: null }))",
  "console.log(JSON.stringify([undefined, function () {}, Symbol('x')]))", "console.log(JSON.stringify({ n: NaN, i: Infinity, z: -0 }))",
  "console.log(JSON.stringify('he said \"hi\"\\n'))", "console.log(JSON.stringify({ d: new Date(0) }))",
  "console.log(JSON.stringify({}, null, 2), JSON.stringify([], null, 2))", "console.log(JSON.stringify({ a: { b: [] } }, null, '\\t'))",
  "console.log(JSON.stringify({ a: [{}, []] }, null, 4))", "console.log(JSON.stringify(undefined))", "console.log(JSON.stringify('ünï😀'))",
  "console.log(JSON.parse('{\"a\":[1,2,{\"b\":null}]}'))",
  "console.log(JSON.parse('[22.490000000000002, 0.30000000000000004, 1e-7, 123.456e2]'))",
  // WeakMap, WeakSet, structuredClone
  "const k = {}; const wm = new WeakMap([[k, 1]]); wm.set(console, 2); console.log(wm.get(k), wm.has({}), wm.delete(k), wm.has(k), wm, { wm }, JSON.stringify({ wm }))",
  "const ws = new WeakSet(); const k = {}; ws.add(k); console.log(ws.has(k), ws, ws instanceof WeakSet)",
  "try { new WeakMap().set(1, 2) } catch (e) { console.log(e.name + ': ' + e.message) }",
  "try { new WeakSet().add('x') } catch (e) { console.log(e.name + ': ' + e.message) }",
  "const o = { a: [1, { b: 2 }], d: new Date(0), m: new Map([[1, { x: 1 }]]), s: new Set([1, 2]), r: /x/g }; o.self = o; const c = structuredClone(o); console.log(c, c.a[1] === o.a[1], c.self === c, c.d instanceof Date)",
  "class P { constructor() { this.x = 1 } get y() { return 2 } }; console.log(structuredClone(new P()), structuredClone([1, 'a', null, undefined]))",
  "const e = structuredClone(new TypeError('bad')); console.log(e.message, e instanceof TypeError)",
  "try { structuredClone(new WeakMap()) } catch (err) { console.log(err.name + ': ' + err.message) }",
  // String methods, map, Object.values/entries
  "console.log('Hello'.toUpperCase(), 'Hello'.length)", "console.log('a,b,c'.split(','))", "console.log('  pad  '.trim() + '|')",
  "console.log('abc'.padStart(6, '*'), 'abc'.slice(1))", "console.log('user_name'.replace('_', ' '))", "console.log('x'.repeat(3))",
  "console.log(['b', 'a', 'c'].sort().join(', '))", "console.log([1, 2, 3].map(n => n * 2))", "console.log([1, 2, 3].filter(n => n > 1))",
  "console.log([{ id: 1, name: 'a' }, { id: 2, name: 'b' }].map(u => u.name))", "console.log(Object.values({ a: 1, b: 'x' }))",
  "console.log(Object.entries({ a: 1, b: 'x' }))", "console.log(Object.keys({ id: 1, name: 'Tom' }))", "console.log([1, 2, 3].reduce((a, b) => a + b, 0))",
  "console.log([1, 2, 3].includes(2), [1, 2, 3].indexOf(5))", "console.log(Object.fromEntries([['a', 1], ['b', 2]]))",
  "console.log([3, 1, 2].sort(), [1, 10, 2].sort())", "console.log(typeof null, typeof [], typeof (() => 1))",
  "console.log(String([1, [2, 3]]), String({}), String(null))", "console.log([1, 2] + '', {} + '')",
  "console.log(`Total: ${1 + 2}`)", "const name = 'Tom'; console.log(`Hello, ${name}!`)", "console.log(`obj: ${{ a: 1 }}`, `arr: ${[1, 2]}`)",
  "console.log(`multi\nline`)", "console.log(Number('42'), parseInt('42px'), parseFloat('3.14abc'), Number('x'))",
  "console.log((1234.5678).toFixed(2), (0.000001234).toPrecision(2))", "console.log(Math.round(2.5), Math.round(-2.5), Math.max())",
  "console.log((123.456).toPrecision(4), (123456).toPrecision(2), (1.25).toPrecision(2), (99.99).toPrecision(3), (0).toPrecision(3), (-1.5).toPrecision(3))",
  "console.log((1234567.891).toLocaleString(), (0.5).toLocaleString('en-US'), (1000).toLocaleString('de-DE'), (1234.5).toLocaleString('de-DE'))",
  "console.log((1234.5).toLocaleString('en-US', { style: 'currency', currency: 'USD' }), (-5.125).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), (0.256).toLocaleString('en-US', { style: 'percent' }))",
  "console.log((1234.5).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' }), (1.005).toLocaleString('en-US', { maximumFractionDigits: 2 }), (42).toLocaleString('en-US', { minimumFractionDigits: 1 }))",
  // Dates as a locale writes them (the playground's Node runs in UTC)
  "const d = new Date(Date.UTC(2024, 0, 5, 14, 3, 9)); console.log(new Intl.DateTimeFormat('en-US').format(d), '|', new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric' }).format(d), '|', new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit' }).format(d))",
  "const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }); console.log([5, 10.5].map((n) => money.format(n)), new Intl.NumberFormat().format(1234567.891), new Intl.NumberFormat('de-DE').format(1234.5), typeof Intl.NumberFormat)",
  "const d = new Date(Date.UTC(2024, 0, 5, 14, 3, 9)); console.log(d.toLocaleDateString(), d.toLocaleString(), d.toLocaleTimeString())",
  "const d = new Date(Date.UTC(2024, 11, 25, 0, 5, 0)); console.log(d.toLocaleString('en-US'), d.toLocaleString('en-GB'), d.toLocaleString('de-DE'), d.toLocaleTimeString('en-GB'))",
  "const d = new Date(Date.UTC(2024, 0, 5, 14, 3, 9)); console.log(d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' }), '|', d.toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }), '|', d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' }))",
  "const d = new Date(Date.UTC(2024, 0, 5, 14, 3, 9)); console.log(d.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' }), '|', d.toLocaleDateString('en-US', { month: '2-digit', day: '2-digit', year: 'numeric' }), '|', d.toLocaleDateString('en-US', { year: '2-digit', month: '2-digit', day: '2-digit' }))",
  "const d = new Date(Date.UTC(2024, 0, 5, 14, 3, 9)); console.log(d.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' }), '|', d.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', hour12: false }), '|', d.toLocaleString('en-US', { year: 'numeric', month: 'long', day: 'numeric' }), '|', d.toLocaleTimeString('en-US', { month: 'long', day: 'numeric' }))",
  "console.log(/(\\d+)-(\\d+)/.exec('10-20'), 'x1'.match(/\\d/), /a/.exec('b'))",
  "const re = /o(\\w)/g; let m; const seen = []; while ((m = re.exec('foo bor bat')) !== null) seen.push(m[1] + '@' + m.index + ':' + re.lastIndex); console.log(seen)",
  "console.log(String.fromCharCode(72, 105), String.fromCharCode(0x1F600 >> 10))",
  // Several arguments and format specifiers
  "console.log('teams:', 3)", "console.log('a', { b: 1 }, [1])", "console.log('value', 'x', null, undefined)",
  "console.log(1, '2', [3])", "console.log({ a: 1 }, 'text')", "console.log('%s is %d years', 'Tom', 42)",
  "console.log('%s', { a: { b: { c: 1 } } })", "console.log('%s', [1, [2, [3]]])", "console.log('%s', -0, 12n, null, undefined)",
  "console.log('%s', 'str', Symbol('s'))", "console.log('%d', '42')", "console.log('%d', 'abc', '%d')", "console.log('%d %d', 1.5, 12n)",
  "console.log('%i', 42.9, '%i', '7.5px')", "console.log('%f', '3.5e2')", "console.log('%j', { a: [1, 'x'] })", "console.log('%j', 'str')",
  "const o = {}; o.o = o; console.log('%j', o)", "console.log('%o', [1, { a: 2 }])", "console.log('%O', { a: { b: { c: { d: 1 } } } })",
  "console.log('%c styled', 'color: red')", "console.log('100%%', 1)", "console.log('100%%')", "console.log('%s')", "console.log('%s %s', 'only')",
  "console.log('%x', 1)", "console.log('a%', 1)", "console.log('%s', new Date(0))", "class Foo { constructor() { this.a = 1 } }; console.log('%s', new Foo())",
  "console.log('%s', { toString() { return 'custom' } })", "console.log('%d', -0, '%s', -0)", "console.log(5, '%s', 'x')",
  "console.log('%s:%s', 'a')", "console.log('%s', function f() {})", "console.log('%d', {})",
  // Async order: an async body runs up to its first await, the rest after the caller
  'async function f() { console.log(1); await null; console.log(3); } f(); console.log(2);',
  "async function main() { await Promise.resolve(); console.log('main'); } main().then(() => console.log('after')); console.log('started');",
  "async function a() { await null; console.log('a1'); await null; console.log('a2'); } async function b() { await null; console.log('b1'); } a(); b();",
  "(async () => { console.log('in'); await null; console.log('after await'); })(); console.log('out');",
  "async function f() { return 1; } f().then((v) => console.log('then', v)); console.log('sync');",
  "const p = (async () => { throw new Error('x'); })(); p.catch((e) => console.log('caught', e.message)); console.log('first');",
  "async function f() { Promise.resolve().then(() => console.log('tick')); await null; console.log('f'); } f();",
  "async function g() { await null; return 'g'; } async function f() { console.log('f', await g()); } f(); console.log('sync');",
  // Errors (messages only: stacks hold file paths)
  "try { null.x } catch (err) { console.log(err.message) }", "try { null.x } catch (err) { console.log(err.name) }",
  "console.log(String(new Error('boom')))", "console.log(String(new TypeError('bad type')))", "console.log({ e: new Error('x').message })",
  "class MyError extends Error { constructor(m) { super(m); this.name = 'MyError' } }; console.log(String(new MyError('oops')))",
  "const e = new Error('x'); console.log(e.name, e.message, e instanceof Error)", "console.log(new Error('a').toString() + '!')",
  "try { JSON.parse('{') } catch (e) { console.log(e.name + ': ' + e.message) }",
  "console.log([new Error('x').message, new RangeError('r').name])",
];

const errors = [
  'x', 'const Team = undefined; Team.hasMany()', 'let u; u.hasMany', 'const o = null; o.x',
  'const Team = {}; Team.hasMny()', 'const obj = { a: {} }; obj.a.b()', 'const x = 1; x = 2', 'const x = 1; for (const y of x) {}',
  'const x = {}; for (const y of x) {}', 'x; let x = 1', 'class A {}; A()', 'const X = 1; new X()', 'const X = {}; new X()',
  'let u; u.x = 1', 'const o = null; o.x = 1', 'const { a } = undefined', 'const { a } = null', 'function f({ a }) {}; f()',
  "JSON.parse('{')", "JSON.parse('')", "JSON.parse('{\"a\":}')", "JSON.parse('abc')", "JSON.parse('[1,]')", "JSON.parse(undefined)",
  'new Array(-1)', 'function f() { f() }; f()', 'Object.keys(undefined)', 'Object.entries(null)', '[].reduce((a, b) => a + b)',
  'const x = {}; x.map(v => v)', 'const a = [1]; a[0]()', '({}).x()', 'new (class { m() {} })().x()', 'const a = []; a.b.c.d',
  'class MyError extends Error { constructor(m) { super(m); this.name = "MyError" } }; throw new MyError("custom")',
  'class MyError extends Error {}; throw new MyError("no name")', "throw 'string'", 'throw { code: 1 }', 'throw new Error("plain")',
  "throw new TypeError('bad')", '1n + 1', 'BigInt(1.5)', 'Symbol() + ""', 'null[Symbol.iterator]', 'const [a] = 1',
  'const [a] = {}', 'new Set(1)', "'abc'.repeat(-1)", '(1).toFixed(101)', 'undefined()', 'const f = 1; f()', 'const o = { f: 1 }; o.f()',
  'const o = {}; o["x-y"]()', 'const s = "x"; s.foo()', 'Promise.resolve().then.call(1)', 'decodeURIComponent("%")',
  'new Date(NaN).toISOString()', 'Object.defineProperty(1, "x", {})',
  '"use strict"; const o = Object.freeze({ a: 1 }); (() => { "use strict"; o.a = 2 })()', 'const User = { findAll() {} }; User.findAll().then()',
  'const models = {}; models.User.findAll()', 'async function f() {}; f().x.y', 'structuredClone(() => 1)',
];


// Random plain data (seeded: the file is the same on every run) for inspected.json.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];
const words = ['a', 'id', 'name', 'Tom', 'createdAt', 'x'.repeat(15), 'hello world', "it's", 'a-b',
  'userId', 'z'.repeat(40), '日本', 'é', 'line\nbreak', 'q"\'x', `${'x'.repeat(70)}\nmore text here`,
  'y'.repeat(90), 'back\\slash\t', '🎉🎉', ''];
class Row {}
const leaves = [() => Math.floor(random() * 1000), () => random() * 100, () => -0, () => pick(words),
  () => null, () => undefined, () => true, () => new Date(Math.floor(random() * 2e12)),
  () => BigInt(Math.floor(random() * 1e6))];
function generate(depth) {
  if (depth > 4 || random() < 0.45) return pick(leaves)();
  const size = pick([0, 1, 2, 3, 5, 7, 8, 12, 30, 3, 2]);
  const kind = random();
  if (kind < 0.4) return Array.from({ length: size }, () => generate(depth + 1));
  if (kind < 0.8) {
    const object = kind < 0.7 ? {} : new Row();
    for (let i = 0; i < size; i++) object[pick(words) + (i % 3 ? i : '')] = generate(depth + 1);
    return object;
  }
  if (kind < 0.9) return new Map(Array.from({ length: size % 4 }, () => [pick(words), generate(depth + 1)]));
  return new Set(Array.from({ length: size % 5 }, () => generate(depth + 1)));
}
function encode(v) {
  if (v === null) return { t: 'null' };
  if (v === undefined) return { t: 'undefined' };
  if (typeof v === 'number') return { t: 'number', v: Object.is(v, -0) ? '-0' : String(v) };
  if (typeof v === 'string') return { t: 'string', v };
  if (typeof v === 'boolean') return { t: 'boolean', v };
  if (typeof v === 'bigint') return { t: 'bigint', v: String(v) };
  if (v instanceof Date) return { t: 'date', v: v.getTime() };
  if (Array.isArray(v)) return { t: 'array', v: v.map(encode) };
  if (v instanceof Map) return { t: 'map', v: [...v].map(([k, x]) => [encode(k), encode(x)]) };
  if (v instanceof Set) return { t: 'set', v: [...v].map(encode) };
  return { t: 'object', class: v.constructor.name, v: Object.entries(v).map(([k, x]) => [k, encode(x)]) };
}
const inspected = [];
while (inspected.length < 300) {
  const value = generate(0);
  const text = inspect(value);
  if (text.length < 1500) inspected.push({ shape: encode(value), inspected: text });
}

function run(code) {
  return execFileSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
}

const printedRecords = printed.map((code) => ({ code, printed: run(code).replace(/\n$/, '') }));

const catcher = (code) => `try { ${code} } catch (e) { process.stdout.write(JSON.stringify({
  name: e instanceof Object && 'name' in e ? String(e.name) : null,
  message: e instanceof Object && 'message' in e ? String(e.message) : null,
  thrown: String(e) })) }`;
const errorRecords = errors.map((code) => ({ code, ...JSON.parse(run(catcher(code)) || '{"name":null,"message":null,"thrown":null}') }));

const write = (file, records) => writeFileSync(new URL(`../tests/node/${file}`, import.meta.url), `${JSON.stringify(records, null, 2)}\n`);
write('printed.json', printedRecords);
write('errors.json', errorRecords);
// One case a line: the trees are deep, and indented they would be ten times larger.
writeFileSync(new URL('../tests/node/inspected.json', import.meta.url),
  `[\n${inspected.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`);
console.log(`${printedRecords.length} printed, ${errorRecords.length} errors, ${inspected.length} inspected (node ${process.version})`);
