// The widget in Spanish: every screen of both paths with no English left, language choice,
// switching mid-questionnaire, the saved copy, axe and screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve, launch, axe } from './harness.mjs';
import { active, screen, tabTo } from './keyboard.mjs';

const SCREENSHOTS = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));

/** English strings that differ from their Spanish version: none may show in the Spanish flow. */
async function englishOnly() {
  const table = async (lang) => Object.fromEntries((await readFile(fileURLToPath(new URL(`../../src/strings/${lang}.txt`, import.meta.url)), 'utf8'))
    .split('\n').filter((l) => l.includes(' = ') && !l.startsWith('#')).map((l) => l.split(' = ').map((x) => x.trim())));
  const [en] = [await table('en')];
  // Only the keys listed as the same in both languages (proper names) may show in English.
  const same = (await readFile(fileURLToPath(new URL('../../src/strings/same.txt', import.meta.url)), 'utf8'))
    .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  // Templates that are nearly all placeholders ("{score} of {max}") match too much to tell.
  const literalLetters = (text) => text.replace(/\{[a-z_]+\}/g, '').replace(/[^A-Za-z]/g, '').length;
  return Object.entries(en)
    .filter(([key, text]) => !same.includes(key) && /[a-z]{3}/.test(text) && literalLetters(text) >= 6)
    .map(([, text]) => text.replace(/\{[a-z_]+\}/g, '\u0000'));
}

let browser;
let server;
let english;
before(async () => {
  browser = await launch();
  const config = JSON.parse((await readFile(fileURLToPath(new URL('../../www/index.html', import.meta.url)), 'utf8'))
    .match(/<script type="application\/json" id="harbor-config">([\s\S]*?)<\/script>/)[1]);
  const page = (attrs, cfg) => `<!doctype html><html lang="es"><title>Centro</title><link rel="icon" href="favicon.svg">
    <script type="module" src="peer-path.js"></script><main><h1>Centro</h1>
    <peer-path ${attrs} config="#c"><p>Llámenos</p></peer-path></main>
    <script type="application/json" id="c">${JSON.stringify(cfg)}</script>`;
  server = await serve({ pages: {
    '/es.html': page('lang="es"', config),
    '/config-es.html': page('', { ...config, languages: ['es', 'en'] }),
    '/no-languages.html': page('', { ...config, languages: undefined }),
    '/english-only.html': page('', { ...config, languages: ['en'] }),
    // The center's config as a file on the site (the usual embed), offering English first.
    '/en-es.json': undefined,
    '/url-config.html': `<!doctype html><html lang="en"><title>Center</title><link rel="icon" href="favicon.svg">
      <script type="module" src="peer-path.js"></script><main><h1>Center</h1>
      <peer-path config="/en-es.json"><p>Call us</p></peer-path></main>`,
  }, files: { '/en-es.json': { body: JSON.stringify({ ...config, languages: ['en', 'es'] }) } } });
  english = await englishOnly();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Every text node of the widget in the widget's language (the switcher names other languages
 * in their own words, marked with their `lang`, and is left out).
 */
function texts(page) {
  return page.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const out = [];
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent.trim();
      const parent = walker.currentNode.parentElement;
      const lang = parent.closest('[lang]')?.getAttribute('lang');
      // The center's own words (program names, descriptions) are as the center wrote them.
      if (text && lang === root.querySelector('.pp').getAttribute('lang') && !parent.closest('[data-from=center]')) out.push(text);
    }
    return out;
  });
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** No text node is one of the English strings (a `{value}` in it matches anything). */
async function assertNoEnglish(page, where) {
  const shown = await texts(page);
  const patterns = english.map((text) => [text, new RegExp(`^${text.split('\u0000').map(escape).join('.*')}$`, 's')]);
  const left = shown.filter((node) => patterns.some(([, pattern]) => pattern.test(node)));
  assert.deepEqual(left, [], `English on the ${where} screen`);
}

/** Walks the questionnaire by clicking, choosing the first option of every question. */
async function walk(page, forWhom, onScreen) {
  await page.locator('peer-path [data-action=start]').click();
  for (let guard = 0; guard < 80; guard++) {
    const now = await screen(page);
    await onScreen(now.kind);
    if (now.kind === 'result') return;
    if (now.kind === 'page') {
      for (const item of now.items) {
        const value = item.id === 'for_whom' ? forWhom : item.id === 'substances' ? 'opioids' : item.inputs[0].value;
        await page.locator(`peer-path fieldset[data-item="${item.id}"] input[value="${value}"]`).check();
      }
    }
    await page.locator('peer-path [data-action=next]').click();
  }
  throw new Error('never reached the result');
}

for (const path of ['self', 'loved_one']) {
  test(`no English is left on any screen of the ${path} path in Spanish`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/es.html`);
    await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
    assert.equal(await page.locator('peer-path .pp').getAttribute('lang'), 'es');
    await assertNoEnglish(page, 'welcome');
    let screens = 0;
    await walk(page, path, async (kind) => {
      screens++;
      await assertNoEnglish(page, `${kind} ${screens}`);
    });
    assert.ok(screens >= (path === 'self' ? 11 : 6), `${screens} screens`);
    const text = (await texts(page)).join(' ');
    assert.match(text, /Esto no es un diagnóstico/);
    assert.match(text, /Sus próximos pasos/);
    assert.match(text, /Próxima: (hoy|esta noche|mañana|el próximo \w+|lunes|martes|miércoles|jueves|viernes|sábado|domingo)/);
    await context.close();
  });
}

test('language choice: element lang, then the browser\'s among those the center offers, then the center\'s first', async () => {
  const lang = async (path, locale) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
    const result = [await page.locator('peer-path .pp').getAttribute('lang'), await page.locator('peer-path .screen h2').innerText()];
    await context.close();
    return result;
  };
  assert.deepEqual(await lang('/es.html', 'en-US'), ['es', 'Apoyo a su medida']);
  assert.deepEqual(await lang('/config-es.html', 'en-US'), ['en', 'Find support that fits you']);
  assert.deepEqual(await lang('/config-es.html', 'fr-FR'), ['es', 'Apoyo a su medida']);
  assert.deepEqual(await lang('/no-languages.html', 'es-MX'), ['es', 'Apoyo a su medida']);
  assert.deepEqual(await lang('/no-languages.html', 'fr-FR'), ['en', 'Find support that fits you']);
  assert.deepEqual(await lang('/english-only.html', 'es-MX'), ['en', 'Find support that fits you']);
});

test('a Spanish-language browser on a page offering English first reads only Spanish and fetches no English file', async () => {
  const from = server.requests.length;
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  await page.goto(`${server.url}/url-config.html`);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  const texts = [];
  // Everything the widget says, but the names of the other languages offered (each in its own).
  const seen = async () => texts.push(await page.locator('peer-path .pp').evaluate((pp) => [...pp.children].filter((c) => !c.matches('.langs')).map((c) => c.innerText).join('\n')));
  await seen();
  assert.equal(await page.locator('peer-path .pp').getAttribute('lang'), 'es');
  await page.locator('peer-path [data-action=start]').click();
  await page.locator('peer-path fieldset[data-item]').first().waitFor();
  await seen();
  const leaked = english.filter((pattern) => texts.some((t) => t.includes(pattern)));
  assert.deepEqual(leaked, [], 'no English on any screen');
  const asked = server.requests.slice(from);
  assert.ok(asked.includes('/pkg/peerpath_bg.wasm') && asked.includes('/pkg/strings/es.txt'), asked.join(' '));
  assert.ok(!asked.some((p) => p.startsWith('/pkg/strings/en')), asked.join(' '));
  await context.close();
});

test('a Spanish visitor downloads the one module and the Spanish strings only; English comes on a switch', async () => {
  const from = server.requests.length;
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}/es.html`);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  const asked = () => server.requests.slice(from);
  const strings = () => asked().filter((p) => p.startsWith('/pkg/strings/')).sort();
  assert.ok(asked().includes('/pkg/peerpath_bg.wasm'), asked().join(' '));
  // The questions' part first; the result's part once the welcome is drawn.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/es.more.txt') && e.responseEnd > 0));
  assert.deepEqual(strings(), ['/pkg/strings/es.more.txt', '/pkg/strings/es.txt']);
  await page.locator('peer-path [data-action=lang][data-lang=en]').click();
  await page.locator('peer-path .pp[lang=en]').waitFor();
  assert.equal(await page.locator('peer-path .screen h2').innerText(), 'Find support that fits you');
  assert.deepEqual(strings(), ['/pkg/strings/en.more.txt', '/pkg/strings/en.txt', '/pkg/strings/es.more.txt', '/pkg/strings/es.txt']);
  await context.close();
});

test('switching language mid-questionnaire keeps the answers and the place', async () => {
  const spanishFile = () => server.requests.filter((p) => p === '/pkg/strings/es.txt').length;
  const atStart = spanishFile();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await page.locator('peer-path [data-action=start]').click();
  await page.locator('peer-path input[value=self]').check();
  await page.locator('peer-path [data-action=next]').click();
  await page.locator('peer-path input[value="26_64"]').check();
  const heading = await page.locator('peer-path .screen h2').innerText();
  // An English visitor has downloaded no Spanish until now; switching fetches it once.
  assert.equal(spanishFile(), atStart);
  await page.locator('peer-path [data-action=lang][data-lang=es]').click();
  await page.locator('peer-path .pp[lang=es]').waitFor();
  assert.equal(spanishFile(), atStart + 1);
  // The page about you, its heading and its questions now in Spanish.
  assert.equal(await page.locator('peer-path .screen h2').innerText(), 'Sobre usted');
  assert.notEqual(heading, 'Sobre usted');
  assert.match(await page.locator('peer-path fieldset[data-item=age_group] legend').innerText(), /¿Qué edad tiene\?/);
  assert.equal(await page.locator('peer-path input[value="26_64"]').isChecked(), true);
  assert.equal((await active(page)).focusHeading, true, 'focus on the heading after switching');
  await page.locator('peer-path [data-action=back]').click();
  assert.equal(await page.locator('peer-path input[value=self]').isChecked(), true);
  assert.match(await page.locator('peer-path [role=status]').innerText(), /Sus respuestas se mantienen/);
  // And back to English, still keeping them.
  await page.locator('peer-path [data-action=lang][data-lang=en]').click();
  assert.equal(await page.locator('peer-path input[value=self]').isChecked(), true);
  await context.close();
});

test('the saved copy and the result come in Spanish; axe and screenshots in Spanish', async () => {
  for (const width of [320, 768, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/es.html`);
    await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}${width}-es-welcome.png`, fullPage: true });
    if (width === 320) {
      await axe(page, 'Spanish welcome');
      await page.locator('peer-path [data-action=start]').click();
      await axe(page, 'Spanish question');
      await page.locator('peer-path [data-action=restart]').click();
    }
    let shot = false;
    await walk(page, 'self', async (kind) => {
      if (kind === 'page' && !shot) {
        shot = true;
        await page.screenshot({ path: `${SCREENSHOTS}${width}-es-question.png`, fullPage: true });
      }
      if (kind === 'review' && width === 320) {
        await axe(page, 'Spanish review');
      }
    });
    await page.screenshot({ path: `${SCREENSHOTS}${width}-es-result.png`, fullPage: true });
    if (width === 320) {
      await axe(page, 'Spanish result');
      const download = page.waitForEvent('download');
      await page.locator('peer-path [data-action=save]').click();
      const file = await download;
      assert.equal(file.suggestedFilename(), 'peerpath-resultados.txt');
      const saved = await readFile(await file.path(), 'utf8');
      assert.match(saved, /PeerPath: sus resultados/);
      assert.match(saved, /Esto no es un diagnóstico/);
      assert.match(saved, /Guardado el [^,\n]+, \d+ de [^ ]+ de \d{4}/, 'the full date, weekday and year');
    }
    await context.close();
  }
});
