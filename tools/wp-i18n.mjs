// The WordPress plugin's admin strings for translators (distribution.md v3: "a .pot with its admin
// strings in Spanish too"):
//
//     node tools/wp-i18n.mjs          writes languages/peerpath.pot and, from peerpath-es_ES.po,
//                                     peerpath-es_ES.mo (in wordpress/peerpath/)
//     node tools/wp-i18n.mjs --check  fails when either is not what the sources make
//
// The strings are found in peerpath.php the way WordPress's tools find them: the text of each
// __(), _e(), esc_html__(), esc_html_e(), esc_attr__() and _n() with the 'peerpath' text domain,
// with the translators' comment before it. The Spanish is written by hand in the .po; the .mo
// (what WordPress reads) is compiled here, so no gettext tools are needed.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const plugin = fileURLToPath(new URL('../wordpress/peerpath/', import.meta.url));
const languages = join(plugin, 'languages');
const QUOTED = String.raw`'((?:[^'\\]|\\.)*)'`;
const CALL = new RegExp(String.raw`(?:/\*\s*translators:\s*([^*]*?)\s*\*/\s*(?:return\s+|\S.*?)?)?\b(esc_html__|esc_html_e|esc_attr__|_e|__|_n)\(\s*${QUOTED}(?:\s*,\s*${QUOTED})?`, 'g');

/** A PHP single-quoted string's text. */
const unquote = (text) => text.replace(/\\(['\\])/g, '$1');
/** Text as a .po file writes it. */
const po = (text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** Every translatable string of the plugin, in order, once: `{ msgid, plural, comment }`. */
export async function strings() {
  const source = await readFile(join(plugin, 'peerpath.php'), 'utf8');
  const found = new Map();
  for (const m of source.matchAll(CALL)) {
    const [, comment, fn, first, second] = m;
    const msgid = unquote(first);
    const plural = fn === '_n' ? unquote(second) : undefined;
    if (fn !== '_n' && second !== undefined && unquote(second) !== 'peerpath') continue;
    if (!found.has(msgid)) found.set(msgid, { msgid, plural, comment: comment?.trim() });
  }
  return [...found.values()];
}

/** The .pot text for `list`. */
export function pot(list) {
  const head = ['msgid ""', 'msgstr ""', '"Project-Id-Version: PeerPath\\n"', '"MIME-Version: 1.0\\n"',
    '"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Transfer-Encoding: 8bit\\n"', '"X-Domain: peerpath\\n"', ''];
  const entries = list.map(({ msgid, plural, comment }) => [
    ...(comment ? [`#. translators: ${comment}`] : []),
    `msgid ${po(msgid)}`,
    ...(plural ? [`msgid_plural ${po(plural)}`, 'msgstr[0] ""', 'msgstr[1] ""'] : ['msgstr ""']),
    '',
  ].join('\n'));
  return `${head.join('\n')}\n${entries.join('\n')}`;
}

/** The entries of a .po file: `{ msgid, plural, msgstr: [..] }`, the header left out. */
export function readPo(text) {
  const entries = [];
  let entry = null;
  let field = null;
  const unpo = (s) => JSON.parse(s.replace(/\\'/g, "'"));
  for (const line of text.split('\n')) {
    const m = line.match(/^(msgid|msgid_plural|msgstr(?:\[(\d)\])?)\s+(".*")$/);
    if (m) {
      if (m[1] === 'msgid') {
        entry = { msgid: '', plural: undefined, msgstr: [] };
        entries.push(entry);
      }
      field = m[1] === 'msgid' ? 'msgid' : m[1] === 'msgid_plural' ? 'plural' : Number(m[2] ?? 0);
      const value = unpo(m[3]);
      if (typeof field === 'number') entry.msgstr[field] = value;
      else entry[field] = value;
    } else if (/^".*"$/.test(line) && entry) {
      if (typeof field === 'number') entry.msgstr[field] += unpo(line);
      else entry[field] += unpo(line);
    }
  }
  return entries.filter((e) => e.msgid !== '');
}

/** A .mo file (GNU gettext's binary format, little-endian) of `entries` with `header`. */
export function mo(entries, header) {
  const all = [{ key: '', value: header }, ...entries.map((e) => ({
    key: e.plural === undefined ? e.msgid : `${e.msgid}\0${e.plural}`,
    value: e.msgstr.join('\0'),
  }))].sort((a, b) => (Buffer.from(a.key).compare(Buffer.from(b.key))));
  const keys = all.map((e) => Buffer.from(e.key));
  const values = all.map((e) => Buffer.from(e.value));
  const n = all.length;
  const tables = 28;
  let at = tables + n * 16;
  const head = Buffer.alloc(at);
  head.writeUInt32LE(0x950412de, 0);
  head.writeUInt32LE(0, 4);
  head.writeUInt32LE(n, 8);
  head.writeUInt32LE(tables, 12);
  head.writeUInt32LE(tables + n * 8, 16);
  head.writeUInt32LE(0, 20);
  head.writeUInt32LE(at, 24);
  const bodies = [];
  for (const [list, offset] of [[keys, tables], [values, tables + n * 8]]) {
    list.forEach((bytes, i) => {
      head.writeUInt32LE(bytes.length, offset + i * 8);
      head.writeUInt32LE(at, offset + i * 8 + 4);
      bodies.push(bytes, Buffer.from([0]));
      at += bytes.length + 1;
    });
  }
  return Buffer.concat([head, ...bodies]);
}

/** The Spanish .mo made from the .po beside it. */
export async function spanishMo() {
  const text = await readFile(join(languages, 'peerpath-es_ES.po'), 'utf8');
  const header = 'Content-Type: text/plain; charset=UTF-8\nLanguage: es_ES\nPlural-Forms: nplurals=2; plural=(n != 1);\n';
  return mo(readPo(text).filter((e) => e.msgstr.every(Boolean)), header);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const made = { 'peerpath.pot': pot(await strings()), 'peerpath-es_ES.mo': await spanishMo() };
  if (process.argv.includes('--check')) {
    for (const [name, content] of Object.entries(made)) {
      const current = await readFile(join(languages, name)).catch(() => Buffer.alloc(0));
      if (!current.equals(Buffer.from(content))) {
        console.error(`wordpress/peerpath/languages/${name} is not what the sources make: run node tools/wp-i18n.mjs`);
        process.exit(1);
      }
    }
  } else {
    for (const [name, content] of Object.entries(made)) await writeFile(join(languages, name), content);
  }
}
