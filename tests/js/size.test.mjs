// Sizes are deterministic, so they are tested, not benchmarked. The budget of quality.md is
// 80 KB gzip (here 80 KiB, 81,920 B) for everything a visitor downloads for the widget: its
// module, glue, shell and stylesheet, with the English strings built in. BENCHMARKS.md has the
// history and what each step saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const BUDGET = 80 * 1024;
// What ships: dist/ from `make dist` (JavaScript and CSS minified).
const FILES = ['pkg/peerpath_bg.wasm', 'pkg/peerpath.js', 'peer-path.js', 'peer-path.css'];

const gzip = async (path) => gzipSync(await readFile(new URL(`../../dist/${path}`, import.meta.url)), { level: 9 }).length;

test(`an English visitor's download is within the ${BUDGET / 1024} KB gzip budget`, async () => {
  const sizes = await Promise.all(FILES.map(gzip));
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`widget download: ${FILES.map((f, i) => `${f} ${sizes[i]} B`).join(', ')}; total ${total} B gzip (budget ${BUDGET} B)`);
  assert.ok(total <= BUDGET, `${total} B gzip is over the ${BUDGET} B budget`);
});

test('a Spanish visitor downloads one more file, the Spanish strings, and only that', async () => {
  const spanish = await gzip('pkg/strings/es.txt');
  assert.ok(spanish < 16 * 1024, `${spanish} B`);
  const wasm = await readFile(new URL('../../dist/pkg/peerpath_bg.wasm', import.meta.url));
  assert.equal(wasm.includes(Buffer.from('Encuentre el apoyo que le sirve')), false, 'Spanish is not built into the module');
});

test('the widget module leaves the scoring API out; the API module has it', async () => {
  const widget = await import('../../dist/pkg/peerpath.js');
  const api = await import('../../dist/api/peerpath.js');
  for (const name of ['evaluate', 'questionnaire', 'checkConfig', 'version']) {
    assert.equal(widget[name], undefined, `the widget module exports ${name}`);
    assert.equal(typeof api[name], 'function', `the API module lacks ${name}`);
  }
  assert.equal(typeof widget.mount, 'function');
});
