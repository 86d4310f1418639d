// Shortens the names that join the WebAssembly module and its JavaScript glue, in dist/.
//
// wasm-bindgen names every import after the method and a 16-digit hash
// (`__wbg_getAttribute_c7b80d4010284561`), and the glue repeats each name. The hashes are
// random to gzip: about 3 KB of the download. This renames every import and export to a short
// name (`a`, `b`, ... `aa`, ...) in both files, consistently, and refuses to write anything if a
// single old name would be left behind in the glue.
//
//   node tools/shorten-names.mjs dist/pkg/peerpath_bg.wasm dist/pkg/peerpath.js
import { readFile, writeFile } from 'node:fs/promises';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) throw new Error('usage: shorten-names.mjs <module.wasm> <glue.js>');
const wasm = await readFile(wasmPath);
let glue = await readFile(gluePath, 'utf8');

// ---- Reading and writing the parts of the binary format this needs ---------------------------
function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    if (byte < 0x80) return [value >>> 0, at];
    shift += 7;
  }
}
function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
const encodeName = (text) => { const b = Buffer.from(text, 'utf8'); return Buffer.concat([u32(b.length), b]); };
function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

/** Short names: a..z, A..Z, then two letters and more; never a JS reserved word. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function* shortNames() {
  for (let length = 1; ; length++) {
    const total = ALPHABET.length ** length;
    for (let n = 0; n < total; n++) {
      let name = '';
      for (let k = n, i = 0; i < length; i++, k = Math.floor(k / ALPHABET.length)) name = ALPHABET[k % ALPHABET.length] + name;
      if (!['do', 'if', 'in'].includes(name)) yield name;
    }
  }
}

// ---- Sections ----------------------------------------------------------------------------------
const sections = [];
for (let at = 8; at < wasm.length;) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  sections.push({ id, body: wasm.subarray(start, start + size) });
  at = start + size;
}

const names = shortNames();
const renamed = new Map(); // old name -> new name, imports and exports alike
const rename = (old) => {
  if (!renamed.has(old)) renamed.set(old, names.next().value);
  return renamed.get(old);
};
const MODULE = './peerpath_bg.js';
const NEW_MODULE = 'w';

for (const section of sections) {
  if (section.id === 2) { // imports: module, field, then the description, copied as is
    const body = section.body;
    let [count, at] = readU32(body, 0);
    const parts = [u32(count)];
    while (count--) {
      const [module, afterModule] = readName(body, at);
      const [field, afterField] = readName(body, afterModule);
      const kind = body[afterField];
      let end = afterField + 1;
      if (kind === 0) end = readU32(body, end)[1]; // function: type index
      else if (kind === 1) { end += 1; const flags = body[end]; end = readU32(body, end + 1)[1]; if (flags & 1) end = readU32(body, end)[1]; } // table
      else if (kind === 2) { const flags = body[end]; end = readU32(body, end + 1)[1]; if (flags & 1) end = readU32(body, end)[1]; } // memory
      else if (kind === 3) end += 2; // global: type, mutability
      else throw new Error(`import kind ${kind} not handled`);
      if (module !== MODULE) throw new Error(`unexpected import module ${module}`);
      parts.push(encodeName(NEW_MODULE), encodeName(rename(field)), body.subarray(afterField, end));
      at = end;
    }
    section.body = Buffer.concat(parts);
  } else if (section.id === 7) { // exports: name, kind, index
    const body = section.body;
    let [count, at] = readU32(body, 0);
    const parts = [u32(count)];
    while (count--) {
      const [name, afterName] = readName(body, at);
      const end = readU32(body, afterName + 1)[1];
      parts.push(encodeName(rename(name)), body.subarray(afterName, end));
      at = end;
    }
    section.body = Buffer.concat(parts);
  }
}

const out = Buffer.concat([wasm.subarray(0, 8), ...sections.flatMap((s) => [Buffer.from([s.id]), u32(s.body.length), s.body])]);

// ---- The glue: import object keys, `wasm.<export>` uses, the module key -----------------------
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let replaced = 0;
for (const [old, short] of renamed) {
  // Imports are keys of the import object, named __wbg_* or __wbindgen_*: unique in the glue.
  // Exports are used only as `wasm.<name>` (this runs on the glue before it is minified).
  const pattern = /^__wb(g|indgen)_/.test(old)
    ? new RegExp(`(?<![\\w$])${escape(old)}(?![\\w$])`, 'g')
    : new RegExp(`(?<=\\bwasm\\.)${escape(old)}(?![\\w$])`, 'g');
  glue = glue.replace(pattern, () => { replaced++; return short; });
}
const moduleKey = new RegExp(`(["'])${escape(MODULE)}\\1`, 'g');
if (!moduleKey.test(glue)) throw new Error(`the glue never names ${MODULE}`);
glue = glue.replace(moduleKey, `"${NEW_MODULE}"`);
const left = [...renamed.keys()].filter((old) => new RegExp(`\\bwasm\\.${escape(old)}(?![\\w$])|(?<![\\w$])${escape(old)}\\s*:`).test(glue));
if (left.length) throw new Error(`still in the glue: ${left.join(', ')}`);

await writeFile(wasmPath, out);
await writeFile(gluePath, glue);
console.log(`shortened ${renamed.size} names (${replaced} uses in the glue): ${wasm.length} -> ${out.length} B`);
