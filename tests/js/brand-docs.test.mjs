// A center brands the widget with CSS custom properties and ::part (distribution.md v3, "Their
// brand": "documented with every CSS custom property and ::part"). The tables in README.md, which
// the release copies into docs/README.md ("Your brand"), are checked against what the stylesheet
// reads and what the code marks as a part, so a new one cannot ship undocumented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = await readFile(join(root, 'README.md'), 'utf8');
/** The first cells (`name`) of the rows of the first table after `heading` in README.md. */
const column = (heading) => {
  const lines = readme.slice(readme.indexOf(heading)).split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  return new Set(lines.slice(start, end).flatMap((line) => line.match(/^\| `([^`]+)` \|/)?.[1] ?? []));
};

test('every custom property the stylesheet reads is in the README, each -dark twin with its light one', async () => {
  const css = await readFile(join(root, 'www', 'peer-path.css'), 'utf8');
  const read = new Set([...css.matchAll(/var\((--pp-[a-z-]+)/g)].map((m) => m[1]));
  assert.ok(read.size > 10, `${read.size} properties`);
  const documented = column('Every custom property');
  for (const property of read) {
    const light = property.replace(/-dark$/, '');
    assert.ok(documented.has(light), `${property} is read by peer-path.css but not in README.md's table`);
  }
  for (const property of documented) assert.ok(read.has(property), `${property} is documented but never read`);
});

test('every part the widget marks is in the README', async () => {
  const sources = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(rs|js)$/.test(entry.name)) sources.push(await readFile(path, 'utf8'));
    }
  };
  await walk(join(root, 'src', 'render'));
  sources.push(await readFile(join(root, 'www', 'peer-path.js'), 'utf8'));
  const marked = new Set(sources.flatMap((text) => [...text.matchAll(/(?:attr\("part", "|setAttribute\('part', ')([a-z-]+)/g)].map((m) => m[1])));
  assert.ok(marked.size > 10, `${marked.size} parts`);
  const documented = column('Every part, for');
  assert.deepEqual([...marked].filter((part) => !documented.has(part)), [], 'parts marked in the code but not in README.md');
  assert.deepEqual([...documented].filter((part) => !marked.has(part)), [], 'parts documented but never marked');
});
