// Sizes are deterministic, so they are tested, not benchmarked. The ceiling of quality.md
// ("Speed and size", version 3) is 120,000 B gzip for everything a visitor's first question
// needs: the module (one for every language), its glue, the shell and the stylesheet, and the
// first part of their language's strings. BENCHMARKS.md has the history and what each step cost
// or saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const BUDGET = 120 * 1000;
// What ships: dist/ from `make dist` (JavaScript and CSS minified).
const COMMON = ['pkg/peerpath_bg.wasm', 'pkg/peerpath.js', 'peer-path.js', 'peer-path.css'];

const read = (path) => readFile(new URL(`../../dist/${path}`, import.meta.url));
const gzip = async (path) => gzipSync(await read(path), { level: 9 }).length;
/** Every language there is a file for, by tag. */
const tags = async () => (await readdir(new URL('../../dist/pkg/strings/', import.meta.url)))
  .filter((name) => /^[a-z]{2,3}\.txt$/.test(name)).map((name) => name.slice(0, -4));

test(`a visitor in any language downloads at most ${BUDGET / 1000} KB gzip before the first question`, async () => {
  const languages = await tags();
  assert.deepEqual(languages.slice(0, 2), ['en', 'es']);
  for (const lang of languages) {
    const files = [...COMMON, `pkg/strings/${lang}.txt`];
    const sizes = await Promise.all(files.map(gzip));
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`${lang} visitor: ${files.map((f, i) => `${f} ${sizes[i]} B`).join(', ')}; total ${total} B gzip (budget ${BUDGET} B)`);
    assert.ok(total <= BUDGET, `${lang}: ${total} B gzip is over the ${BUDGET} B budget`);
  }
});

test('one module for every language: no language is built in; the shell has only the words it draws', async () => {
  const wasm = await read('pkg/peerpath_bg.wasm');
  for (const text of ['Your next steps', 'Sus próximos pasos', 'Find support that fits you']) {
    assert.ok(!wasm.includes(Buffer.from(text)), `"${text}" is in the module`);
  }
  const first = (await read('pkg/strings/es.txt')).toString();
  const more = (await read('pkg/strings/es.more.txt')).toString();
  assert.match(first, /^ui\.next=Siguiente$/m, 'the questions\' words come first');
  assert.match(more, /^ui\.next\.title=Sus próximos pasos$/m, 'the result\'s words come after');
  assert.ok(!first.includes('#') && !/^r\./m.test(first), 'no comments, and no reasons before the result');
  assert.match(first, /^u\.crisis_988\.title=/m, 'a crisis notice shown at once comes with the questions');
  assert.match(more, /^u\.naloxone\.title=/m, 'a notice of the result only comes with the result');
  const shell = (await read('peer-path.js')).toString();
  assert.ok(shell.includes('Apoyo a su medida') && shell.includes('Find support that fits you'), 'the welcome is in the shell');
  assert.ok(!shell.includes('Sus próximos pasos'), 'the result is not');
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
