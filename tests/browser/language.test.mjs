// Adding a language is adding its file: a third language, made here from a fixture (English
// with every text marked "[fr] "), is written by the build's own tool (tools/languages.py) beside
// English and Spanish, and the widget's one module and its shell, unchanged, run the whole flow
// in it for a French-language browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, walk, DIST } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MARK = '[fr] ';

/** The fixture language: every English text marked, placeholders kept; its own name. */
function pseudoFrench(english) {
  return english.split('\n').map((line) => {
    if (line.startsWith('lang.name = ')) return 'lang.name = Français';
    const at = line.indexOf(' = ');
    return at > 0 && !line.startsWith('#') ? `${line.slice(0, at)} = ${MARK}${line.slice(at + 3)}` : line;
  }).join('\n');
}

let browser;
let server;
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'peerpath-language-'));
  const strings = join(dir, 'strings');
  const site = join(dir, 'site');
  await mkdir(strings);
  await mkdir(join(site, 'pkg'), { recursive: true });
  for (const lang of ['en', 'es']) await copyFile(join(ROOT, `src/strings/${lang}.txt`), join(strings, `${lang}.txt`));
  await writeFile(join(strings, 'fr.txt'), pseudoFrench(await readFile(join(ROOT, 'src/strings/en.txt'), 'utf8')));
  execFileSync('python3', [join(ROOT, 'tools/languages.py'), strings, join(site, 'pkg')]);
  // The module and the stylesheet as they ship; the shell as written (it imports pkg/languages.js).
  for (const file of ['pkg/peerpath_bg.wasm', 'pkg/peerpath.js', 'peer-path.css']) await copyFile(join(DIST, file), join(site, file));
  await copyFile(join(ROOT, 'www/peer-path.js'), join(site, 'peer-path.js'));
  const config = { center: { name: 'Harbor', phone: '555-0100' }, languages: ['en', 'es', 'fr'] };
  server = await serve({ root: site, pages: { '/': `<!doctype html><html lang="fr"><title>Centre</title>
    <script type="module" src="peer-path.js"></script><main><h1>Centre</h1>
    <peer-path config="#c"><p>Appelez-nous</p></peer-path></main>
    <script type="application/json" id="c">${JSON.stringify(config)}</script>` } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a third language file, and nothing else, gives a widget in that language', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  // The welcome (the shell draws it, from the words the tool wrote for it).
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  assert.equal(await page.locator('peer-path .pp').getAttribute('lang'), 'fr');
  assert.equal(await page.locator('peer-path .screen h2').innerText(), `${MARK}Find support that fits you`);
  // The switcher names the other languages in their own words; this one is not offered twice.
  assert.deepEqual(await page.locator('peer-path .langs [data-action=lang]').allInnerTexts(), ['English', 'Español']);
  await walk(page, { for_whom: 'self', substances: ['cannabis'], use_freq_cannabis: 'weekly' });
  const steps = page.locator('peer-path .next-steps');
  assert.ok((await steps.locator('h2, h3').first().innerText()).startsWith(MARK), 'the result is in the third language');
  const reasons = await page.locator('peer-path .all-suggestions li, peer-path .next-steps p').allInnerTexts();
  assert.ok(reasons.some((text) => text.includes(MARK)), reasons.join('\n'));
  // Only this language's files were fetched: both parts, and no other language's.
  const strings = server.requests.filter((path) => path.startsWith('/pkg/strings/')).sort();
  assert.deepEqual(strings, ['/pkg/strings/fr.more.txt', '/pkg/strings/fr.txt']);
  // And a switch to English still works from there.
  await page.locator('peer-path [data-action=lang][data-lang=en]').click();
  await page.locator('peer-path .pp[lang=en]').waitFor();
  assert.ok(!(await page.locator('peer-path .next-steps').innerText()).includes(MARK));
  await context.close();
});

/**
 * A phone-sized page of a center with one program, whose strings' later part (`en.more.txt`,
 * the result's and the meetings screen's words) is served as `more` says: `{ delay }` late, or
 * `{ status }` instead. `use(page)` runs with the page open; everything is closed after.
 */
async function withLaterPart(more, use) {
  const body = more.status ? 'gone' : await readFile(join(DIST, 'pkg/strings/en.more.txt'));
  const site = await serve({ root: DIST, files: { '/pkg/strings/en.more.txt': { body, type: 'text/plain', ...more } }, pages: {
    '/': `<!doctype html><html lang="en"><title>Center</title><script type="module" src="peer-path.js"></script>
      <peer-path config="#c" lang="en"><p>Call us</p></peer-path>
      <script type="application/json" id="c">{"center": {"name": "Harbor", "phone": "555-0100"},
        "resources": [{"id": "iop", "name": "Evening IOP", "kind": "intensive_outpatient", "center_program": true}]}</script>`,
  } });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    await use(await context.newPage(), site.url);
  } finally {
    await context.close();
    await site.close();
  }
}

test('"Find a meeting now" pressed before the meetings screen\'s words are here waits for them: no screen shows a gap', async () => {
  // The widget is up; its later part held back 3 seconds, as a slow network might.
  await withLaterPart({ delay: 3000 }, async (page, url) => {
    await page.goto(`${url}/`);
    await page.locator('peer-path .pp:not([data-shell])').waitFor();
    // Every change of the widget's text is recorded, so a gap shown for a moment is seen too.
    await page.evaluate(() => {
      window.seen = [];
      const root = document.querySelector('peer-path').shadowRoot;
      new MutationObserver(() => window.seen.push(root.querySelector('.pp')?.innerText ?? '')).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('peer-path [data-action=meetings]').click();
    const heading = page.locator('peer-path .screen h2', { hasText: 'Meetings and programs, soonest first' });
    await heading.waitFor({ timeout: 10000 });
    assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/en.more.txt'))), 'the words came first');
    assert.match(await page.locator('peer-path .screen').innerText(), /Evening IOP/);
    assert.equal(await heading.evaluate((h) => h.getRootNode().activeElement === h), true, 'focus on the meetings heading, as after any move');
    const gaps = await page.evaluate(() => window.seen.filter((text) => text.includes('…')));
    assert.deepEqual(gaps, []);
  });
});

test('with the meetings screen\'s words never had, "Find a meeting now" still shows the center\'s programs', async () => {
  await withLaterPart({ status: 404 }, async (page, url) => {
    const gaveUp = page.waitForEvent('console', (message) => message.text().includes('the result\'s strings did not load'));
    await page.goto(`${url}/`);
    await page.locator('peer-path .pp:not([data-shell])').waitFor();
    await gaveUp;
    await page.locator('peer-path [data-action=meetings]').click();
    await page.locator('peer-path .screen', { hasText: 'Evening IOP' }).waitFor({ timeout: 5000 });
  });
});

test('the questions need only the first part of the strings: with the rest late, no screen shows a gap', async () => {
  // English and its result's part held back 4 seconds, as a slow network might.
  await withLaterPart({ delay: 4000 }, async (page, url) => {
    await page.goto(`${url}/`);
    await page.locator('peer-path .pp:not([data-shell])').waitFor();
    const gaps = [];
    const look = async (where) => {
      const text = await page.locator('peer-path .pp').innerText();
      if (text.includes('…')) gaps.push(`${where}: ${text}`);
    };
    await look('welcome');
    await page.locator('peer-path [data-action=start]').click();
    for (const [item, value] of [['for_whom', 'self'], ['age_group', '26_64']]) {
      await page.locator(`peer-path input[name=${item}][value="${value}"]`).check();
      await look(item);
      await page.locator('peer-path .screen [data-action=next]').click();
    }
    await look('third page');
    assert.deepEqual(gaps, []);
    // The result drawn once the rest is here has every text.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/en.more.txt') && e.responseEnd > 0));
    await page.locator('peer-path [data-action=lang]').count(); // the page settles
    const result = await page.evaluate(async () => {
      const root = document.querySelector('peer-path').shadowRoot;
      for (let i = 0; i < 40 && !root.querySelector('.next-steps'); i++) {
        root.querySelector('.screen [data-action=next]')?.click();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      return root.querySelector('.pp').innerText;
    });
    assert.match(result, /Your next steps/);
    assert.ok(!result.includes('…'), result);
  });
});
