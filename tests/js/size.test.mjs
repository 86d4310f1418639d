// Sizes are deterministic, so they are tested, not benchmarked. The ceiling of quality.md
// ("Speed and size", version 3) is 120,000 B gzip for everything a visitor downloads for the inline widget:
// its module, glue, shell and stylesheet, with their language's strings built in. BENCHMARKS.md
// has the history and what each step cost or saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const BUDGET = 120 * 1000;
// What ships: dist/ from `make dist` (JavaScript and CSS minified). Each visitor downloads the
// module with their language built in: English in pkg/, Spanish in pkg/es/.
const SHELL = ['peer-path.js', 'peer-path.css'];
const VISITORS = {
  English: ['pkg/peerpath_bg.wasm', 'pkg/peerpath.js', ...SHELL],
  Spanish: ['pkg/es/peerpath_bg.wasm', 'pkg/es/peerpath.js', ...SHELL],
};

const read = (path) => readFile(new URL(`../../dist/${path}`, import.meta.url));
const gzip = async (path) => gzipSync(await read(path), { level: 9 }).length;

for (const [visitor, files] of Object.entries(VISITORS)) {
  test(`a visitor reading ${visitor} downloads at most the ${BUDGET / 1000} KB gzip budget`, async () => {
    const sizes = await Promise.all(files.map(gzip));
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`${visitor} visitor: ${files.map((f, i) => `${f} ${sizes[i]} B`).join(', ')}; total ${total} B gzip (budget ${BUDGET} B)`);
    assert.ok(total <= BUDGET, `${total} B gzip is over the ${BUDGET} B budget`);
  });
}

test('each module has one language built in, and the other is a file fetched only on a switch', async () => {
  const english = await read('pkg/peerpath_bg.wasm');
  const spanish = await read('pkg/es/peerpath_bg.wasm');
  const [en, es] = ['Your next steps', 'Sus próximos pasos'].map((text) => Buffer.from(text));
  assert.ok(english.includes(en) && !english.includes(es), 'English module');
  assert.ok(spanish.includes(es) && !spanish.includes(en), 'Spanish module');
  // The welcome's words travel with each language's glue (the shell draws the welcome before the
  // module arrives), and only there.
  const glue = { en: await import('../../dist/pkg/peerpath.js'), es: await import('../../dist/pkg/es/peerpath.js') };
  assert.equal(glue.en.WORDS['ui.welcome.title'], 'Find support that fits you');
  assert.equal(glue.es.WORDS['ui.welcome.title'], 'Apoyo a su medida');
  assert.ok(!english.includes(Buffer.from('Find support that fits you')), 'not in the module too');
  // A switch of language downloads one of these (with the comments and the scoring API's own
  // strings, the whole table): about 18 KB gzip for Spanish since screening.md v3's notices.
  for (const lang of ['en', 'es']) assert.ok((await gzip(`pkg/strings/${lang}.txt`)) < 20 * 1024, lang);
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
