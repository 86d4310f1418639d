// The WordPress plugin's admin strings (distribution.md v3): the .pot is what peerpath.php holds
// now, every string has its Spanish, with the same placeholders, and the .mo WordPress reads is the
// one the .po makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { strings, configuratorStrings, readPo, mo, spanishMo } from '../../tools/wp-i18n.mjs';

const languages = new URL('../../wordpress/peerpath/languages/', import.meta.url);
const placeholders = (text) => (text.match(/%(\d\$)?[sd]|\{\w+\}/g) ?? []).sort();

test('the .pot and the Spanish .mo are what the sources make (node tools/wp-i18n.mjs)', () => {
  execFileSync('node', [fileURLToPath(new URL('../../tools/wp-i18n.mjs', import.meta.url)), '--check']);
});

test('every admin string has its Spanish, with the same placeholders: the plugin\'s and its settings page\'s (the configurator\'s)', async () => {
  const spanish = new Map(readPo(await readFile(new URL('peerpath-es_ES.po', languages), 'utf8')).map((e) => [e.msgid, e]));
  const configurator = await configuratorStrings();
  assert.ok(configurator.includes('Copy this program') && configurator.includes('Not saved: {count} error(s), each shown beside its field.'), 'the page\'s text and its script\'s words');
  assert.ok(!configurator.includes('America/Chicago') && !configurator.includes('center.json'), 'names that stay as they are');
  const all = [...await strings(), ...configurator.map((msgid) => ({ msgid }))];
  assert.ok(all.length > 50, `${all.length} strings`);
  for (const { msgid, plural } of all) {
    const entry = spanish.get(msgid);
    assert.ok(entry, `no Spanish for "${msgid}"`);
    assert.equal(entry.plural, plural, msgid);
    for (const text of entry.msgstr) {
      assert.ok(text, `empty Spanish for "${msgid}"`);
      assert.deepEqual(placeholders(text), placeholders(msgid), msgid);
    }
  }
  assert.equal(spanish.get('Settings').msgstr[0], 'Ajustes');
});

test('the .mo is gettext\'s format: a reader finds each translation by its text', async () => {
  // A minimal reader of the format, the way WordPress's MO class reads it.
  const file = await spanishMo();
  const n = file.readUInt32LE(8);
  const at = (table, i) => { const length = file.readUInt32LE(table + i * 8); const offset = file.readUInt32LE(table + i * 8 + 4); return file.subarray(offset, offset + length).toString('utf8'); };
  const pairs = new Map(Array.from({ length: n }, (_, i) => [at(file.readUInt32LE(12), i), at(file.readUInt32LE(16), i)]));
  assert.equal(file.readUInt32LE(0), 0x950412de);
  assert.equal(pairs.get('Settings'), 'Ajustes');
  assert.equal(pairs.get('Last synced %1$s ago: %2$d meeting kept.\0Last synced %1$s ago: %2$d meetings kept.'),
    'Última sincronización hace %1$s: se guardó %2$d reunión.\0Última sincronización hace %1$s: se guardaron %2$d reuniones.');
  assert.match(pairs.get(''), /Plural-Forms: nplurals=2/);
  // Sorted by the original text, as the format asks.
  const keys = [...pairs.keys()];
  assert.deepEqual(keys, [...keys].sort((a, b) => Buffer.from(a).compare(Buffer.from(b))));
  assert.equal(mo([], 'h').length, 28 + 16 + 1 + 2, 'the header, one entry\'s two table rows, "\\0" and "h\\0"');
});
