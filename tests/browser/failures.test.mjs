// Failure modes, with the files that ship (dist/, minified): a broken or corrupt module, a
// config that is missing, not JSON or huge, a slow or broken Meeting Guide feed, hostile host
// CSS, two widgets, the element before and after the script, and a bug inside the module.
// Each ends in a working widget or the calm fallback, with one clear console message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve, launch, axe, openAllSuggestions, DIST, STRICT_CSP } from './harness.mjs';
import { complete } from './keyboard.mjs';

const CENTER = { center: { name: 'Lakeside Recovery', phone: '+1 (555) 010-2000' }, quick_exit_url: 'https://www.weather.gov/' };
const FEED = await readFile(fileURLToPath(new URL('../../www/meetings.json', import.meta.url)), 'utf8');
const FAULT_PKG = fileURLToPath(new URL('../../target/fault/pkg/', import.meta.url));
/** Answers that lead to twelve-step meetings, so meetings from the feed are suggested. */
const SPIRITUAL = { for_whom: 'self', substances: ['alcohol'], auditc_1: 2, auditc_2: 1, auditc_3: 0, approach: 'spiritual', language: 'en' };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A host page with the widget; `config` is the element's attribute, `inline` a config object. */
function host({ config = '#c', inline = CENTER, head = '', body = '' } = {}) {
  return `<!doctype html><html lang="en"><title>Center</title><link rel="icon" href="/favicon.svg">${head}
    <script type="module" src="/peer-path.js"></script><h1>Center</h1>
    <peer-path config="${config}"><p class="fallback">Call us: 555-0100</p></peer-path>${body}<main></main>
    <script type="application/json" id="c">${JSON.stringify(inline)}</script>`;
}

/** Serves dist/ (what ships) with `options` (harness.serve), and an icon for the host pages. */
function shipped(options = {}) {
  const icon = { body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', type: 'image/svg+xml' };
  return serve({ ...options, root: DIST, files: { '/favicon.svg': icon, ...(options.files ?? {}) } });
}

/** Opens `path` on `site`, collecting console messages and page errors. */
async function open(site, path, { waitFor = 'peer-path .screen h2' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => messages.push({ type: 'pageerror', text: e.message }));
  await page.goto(site.url + path);
  if (waitFor) await page.locator(waitFor).first().waitFor();
  return { context, page, messages };
}

const about = (messages, pattern) => messages.filter((m) => pattern.test(m.text));
const errors = (messages) => messages.filter((m) => m.type === 'error' || m.type === 'pageerror');

test('the shipped files run the whole flow under the strict CSP', async () => {
  const site = await shipped({ headers: { 'content-security-policy': STRICT_CSP }, pages: { '/': host() } });
  const { context, page, messages } = await open(site, '/');
  await complete(page, SPIRITUAL);
  assert.match(await page.locator('peer-path .care').innerText(), /\w/);
  assert.deepEqual(errors(messages), []);
  await context.close();
  await site.close();
});

test('a corrupt module shows the calm message with 988, 911 and the center phone, and one console error', async () => {
  const site = await shipped({ pages: { '/': host() }, files: { '/pkg/peerpath_bg.wasm': { body: Buffer.from('not a module at all') } } });
  const { context, page, messages } = await open(site, '/', { waitFor: 'peer-path [role=alert]' });
  const text = await page.locator('peer-path [role=alert]').innerText();
  assert.match(text, /cannot run here right now/);
  assert.match(text, /Lakeside Recovery: \+1 \(555\) 010-2000/);
  assert.ok(await page.locator('peer-path .fallback').isVisible(), 'the center fallback shows too');
  assert.equal(await page.locator('peer-path a[href="tel:+15550102000"]').count(), 1);
  await page.screenshot({ path: fileURLToPath(new URL('../../target/screenshots/failure.png', import.meta.url)) });
  // (The bare host page has no landmarks of its own; the widget's part is what is checked.)
  await axe(page, 'calm failure', { rules: { region: { enabled: false } } });
  assert.equal(await page.locator('peer-path .pp').count(), 0);
  assert.equal(errors(messages).length, 1, JSON.stringify(messages));
  assert.match(errors(messages)[0].text, /PeerPath could not start/);
  await context.close();
  await site.close();
});

test('a config that is missing, not JSON or huge: the widget runs on its defaults, shows the center\'s own lines (its phone) below, and says why once', async () => {
  const huge = JSON.stringify({ center: { name: 'Big' }, padding: 'x'.repeat(3 * 1024 * 1024) });
  const site = await shipped({
    pages: { '/missing.html': host({ config: '/nowhere.json' }), '/broken.html': host({ config: '/broken.json' }), '/huge.html': host({ config: '/huge.json' }) },
    files: { '/broken.json': { body: '{"center": {"name": "Lakeside", ' }, '/huge.json': { body: huge } },
  });
  const cases = [
    ['/missing.html', /center config "\/nowhere\.json" could not be used \(the config could not be loaded from \/nowhere\.json \(HTTP 404\)\)/],
    ['/broken.html', /center config "\/broken\.json" could not be used \(the config is not valid JSON \(/],
    ['/huge.html', /center config "\/huge\.json" could not be used \(the config is larger than 2 MiB \(2097152 bytes\)/],
  ];
  for (const [path, expected] of cases) {
    const { context, page, messages } = await open(site, path);
    // Without the config the widget has no center phone: the element's own lines show with it.
    await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
    assert.ok(await page.locator('peer-path .fallback').isVisible(), `${path}: the center's lines are shown`);
    await complete(page, SPIRITUAL);
    assert.ok(await page.locator('peer-path .fallback').isVisible(), `${path}: and stay with the result`);
    assert.match(await page.locator('peer-path .care').innerText(), /\w/, `${path}: a result on the built-in suggestions`);
    const config = about(messages, /center config/);
    assert.equal(config.length, 1, `${path}: ${JSON.stringify(messages)}`);
    assert.match(config[0].text, expected);
    await context.close();
  }
  await site.close();
});

test('the problem sentences load only for a config with problems, and a missing api/ still gets a count', async () => {
  const bad = { ...CENTER, resources: [{ id: 'r1', name: 'Group', kind: 'no_such_kind' }], quick_exit_url: 'javascript:alert(1)' };
  const site = await shipped({ pages: { '/good.html': host({ inline: CENTER }), '/bad.html': host({ inline: bad }) } });
  const api = () => site.requests.filter((p) => p.startsWith('/api/'));
  const good = await open(site, '/good.html');
  await complete(good.page, SPIRITUAL);
  assert.deepEqual(api(), [], 'a clean config downloads no problem sentences');
  assert.deepEqual(about(good.messages, /PeerPath/), []);
  await good.context.close();
  const opened = await open(site, '/bad.html');
  await expect(() => about(opened.messages, /center config has 2 problem/).length === 1);
  const [report] = about(opened.messages, /center config/);
  assert.match(report.text, /error: resources\[0\]\.kind: "no_such_kind" is not a group type/);
  assert.match(report.text, /error: quick_exit_url: "javascript:alert\(1\)" must be a web address/);
  assert.deepEqual(api(), ['/api/peerpath.js', '/api/peerpath_bg.wasm']);
  await opened.context.close();
  await site.close();
  const bare = await shipped({ pages: { '/bad.html': host({ inline: bad }) }, missing: ['/api/peerpath.js'] });
  const without = await open(bare, '/bad.html');
  await expect(() => about(without.messages, /center config has 2 problem/).length === 1);
  assert.match(about(without.messages, /center config/)[0].text, /could not be loaded[\s\S]*check-config/);
  await without.context.close();
  await bare.close();
});

/** Waits (up to 10 s) until `condition()` holds. */
async function expect(condition) {
  for (let waited = 0; !condition(); waited += 50) {
    assert.ok(waited < 10000, 'timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a slow Meeting Guide feed never holds the questionnaire back, and its meetings join when it comes', async () => {
  const config = { ...CENTER, meeting_guide_url: '/meetings.json' };
  const site = await shipped({ pages: { '/': host({ inline: config }) }, files: { '/meetings.json': { body: FEED, delay: 6000 } } });
  const started = Date.now();
  const { context, page, messages } = await open(site, '/');
  const firstScreen = Date.now() - started;
  assert.ok(firstScreen < 3500, `the first screen waited ${firstScreen} ms`);
  await complete(page, SPIRITUAL);
  // The visitor opens all suggestions before the feed comes: the redraw keeps them open.
  await openAllSuggestions(page);
  const local = page.locator('peer-path [data-list=local] .card[data-id^="mg-"]');
  assert.equal(await local.count(), 0, 'the feed came before the visitor opened the list: the test needs a longer delay');
  await local.first().waitFor({ timeout: 15000 });
  assert.ok(await local.count() >= 1);
  assert.ok(await page.locator('peer-path details.all-suggestions').evaluate((d) => d.open), 'what the visitor opened stays open');
  assert.deepEqual(errors(messages), []);
  await context.close();
  await site.close();
});

test('a broken Meeting Guide feed leaves the widget working, with one console warning', async () => {
  for (const file of [{ body: 'not json' }, { body: 'oops', status: 500 }]) {
    const config = { ...CENTER, meeting_guide_url: '/meetings.json' };
    const site = await shipped({ pages: { '/': host({ inline: config }) }, files: { '/meetings.json': file } });
    const { context, page, messages } = await open(site, '/');
    await complete(page, SPIRITUAL);
    assert.match(await page.locator('peer-path .care').innerText(), /\w/);
    const feed = about(messages, /Meeting Guide feed/);
    assert.equal(feed.length, 1, JSON.stringify(messages));
    assert.match(feed[0].text, file.status ? /HTTP 500/ : /not valid JSON/);
    await context.close();
    await site.close();
  }
});

test('hostile host CSS cannot hide or blow up the widget (strict CSP too)', async () => {
  const css = `html { font-size: 40px !important; } body * { display: none !important; font-size: 60px !important;
    line-height: 6 !important; letter-spacing: 1em !important; visibility: hidden !important; text-transform: uppercase !important; }`;
  const site = await shipped({
    headers: { 'content-security-policy': STRICT_CSP },
    pages: { '/': host({ head: '<link rel="stylesheet" href="/hostile.css">' }) },
    files: { '/hostile.css': { body: css, type: 'text/css' } },
  });
  const { context, page } = await open(site, '/');
  const box = await page.locator('peer-path').boundingBox();
  assert.ok(box && box.height > 200, `the widget is ${JSON.stringify(box)}`);
  const style = await page.evaluate(() => {
    const h2 = document.querySelector('peer-path').shadowRoot.querySelector('.screen h2');
    const p = document.querySelector('peer-path').shadowRoot.querySelector('.screen p');
    const s = getComputedStyle(p);
    return { h2: parseFloat(getComputedStyle(h2).fontSize), p: parseFloat(s.fontSize), spacing: s.letterSpacing, transform: s.textTransform, visibility: s.visibility };
  });
  assert.ok(style.p >= 14 && style.p <= 20, `body text is ${style.p}px`);
  assert.ok(style.h2 <= 36, `the heading is ${style.h2}px`);
  assert.deepEqual([style.spacing, style.transform, style.visibility], ['normal', 'none', 'visible']);
  await page.screenshot({ path: fileURLToPath(new URL('../../target/screenshots/hostile-css.png', import.meta.url)) });
  await complete(page, SPIRITUAL);
  await context.close();
  await site.close();
});

test('two widgets on one page work each on their own', async () => {
  const site = await shipped({ pages: { '/': host({ body: '<peer-path config="#c" lang="es" id="second"><p>Llámenos</p></peer-path>' }) } });
  const { context, page, messages } = await open(site, '/');
  await page.locator('#second .pp:not([data-shell]) .screen h2').waitFor();
  const first = page.locator('peer-path').first();
  const second = page.locator('#second');
  await second.locator('[data-action=start]').click();
  await second.locator('fieldset[data-item]').first().waitFor();
  assert.equal(await first.locator('[data-action=start]').count(), 1, 'the first widget is still on its welcome');
  assert.equal(await second.locator('.pp').getAttribute('lang'), 'es');
  assert.equal(await first.locator('.pp').getAttribute('lang'), 'en');
  await complete(page, SPIRITUAL); // the keyboard drives the first widget, in page order
  assert.match(await first.locator('.care').innerText(), /\w/);
  assert.equal(await second.locator('.care').count(), 0);
  assert.deepEqual(errors(messages), []);
  await context.close();
  await site.close();
});

test('the element works when added before the script, after it, and from script', async () => {
  const late = `<!doctype html><html lang="en"><title>t</title><link rel="icon" href="data:,"><main>
    <peer-path config="#c"><p>Call us</p></peer-path></main><script type="application/json" id="c">${JSON.stringify(CENTER)}</script>
    <script type="module" src="/late.js"></script>`;
  const site = await shipped({
    pages: { '/before.html': late, '/after.html': host({ config: '#c', body: '<script type="module" src="/add.js"></script>' }) },
    files: {
      // The element is on the page first; the widget's script comes a moment later.
      '/late.js': { body: "setTimeout(() => import('/peer-path.js'), 300);", type: 'text/javascript' },
      // The script is loaded first; an element is made and added later from script.
      '/add.js': { body: `setTimeout(() => { const el = document.createElement('peer-path'); el.id = 'added';
        el.setAttribute('config', '#c'); el.textContent = 'Call us'; document.querySelector('main').append(el); }, 300);`, type: 'text/javascript' },
    },
  });
  for (const [path, selector] of [['/before.html', 'peer-path'], ['/after.html', '#added']]) {
    // The module's frame (the shell's draws 911 only, before the config's line is read).
    const { context, page, messages } = await open(site, path, { waitFor: `${selector} .pp:not([data-shell]) .screen h2` });
    assert.match(await page.locator(`${selector} .crisis-lines`).innerText(), /Lakeside Recovery/);
    assert.deepEqual(errors(messages), [], path);
    await context.close();
  }
  await site.close();
});

/**
 * The test build with fault injection (target/fault/pkg) in place of the shipped module, a
 * visitor on the first question, and `arm` ('armFault' or 'armTrap') called: the next event
 * fails inside the module.
 */
async function armed(arm) {
  const fault = async (name) => ({ body: await readFile(FAULT_PKG + name), type: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
  const site = await shipped({
    pages: { '/': host() },
    files: { '/pkg/peerpath.js': await fault('peerpath.js'), '/pkg/peerpath_bg.wasm': await fault('peerpath_bg.wasm') },
  });
  const opened = await open(site, '/');
  const { page } = opened;
  await page.locator('peer-path [data-action=start]').click();
  await page.locator('peer-path fieldset[data-item]').first().waitFor();
  await page.evaluate(async (arm) => (await import('/pkg/peerpath.js'))[arm](), arm);
  return { site, ...opened };
}

test('after a bug inside the module, it takes no more work and every widget shows the calm fallback', async () => {
  const { site, context, page, messages } = await armed('armFault');
  await page.locator('peer-path [data-action=next]').click(); // this event panics inside the module
  await page.locator('peer-path [role=alert]').waitFor();
  assert.match(await page.locator('peer-path [role=alert]').innerText(), /cannot run here right now[\s\S]*988[\s\S]*Lakeside Recovery/);
  assert.ok(await page.locator('peer-path .fallback').isVisible());
  assert.equal(await page.locator('peer-path .pp').count(), 0);
  assert.equal(about(messages, /PeerPath stopped after an internal error/).length, 1, JSON.stringify(messages));
  // The module refuses new work, and a widget added now shows the fallback at once.
  const refused = await page.evaluate(async () => {
    const module = await import('/pkg/peerpath.js');
    try { module.mount(document.createElement('div').attachShadow({ mode: 'open' }), '{}', 'en', '', {}); return 'answered'; } catch (error) { return error.message; }
  });
  assert.match(refused, /stopped after an internal error/);
  await page.evaluate(() => {
    const el = document.createElement('peer-path');
    el.id = 'later';
    el.textContent = 'Call us later';
    document.querySelector('main').append(el);
  });
  await page.locator('#later [role=alert]').waitFor();
  await context.close();
  await site.close();
});

test('a trap that no panic announced (as out of memory would be) also ends in the calm fallback', async () => {
  const { site, context, page, messages } = await armed('armTrap');
  await page.locator('peer-path [data-action=next]').click();
  await page.locator('peer-path [role=alert]').waitFor();
  assert.equal(await page.locator('peer-path .pp').count(), 0);
  assert.equal(about(messages, /PeerPath stopped after an internal error/).length, 1, JSON.stringify(messages));
  // No hook ran inside the module; the shell's `halt` stopped it all the same.
  const refused = await page.evaluate(async () => {
    const module = await import('/pkg/peerpath.js');
    try { module.mount(document.createElement('div').attachShadow({ mode: 'open' }), '{}', 'en', '', {}); return 'answered'; } catch (error) { return error.message; }
  });
  assert.match(refused, /stopped after an internal error/);
  await context.close();
  await site.close();
});

test('under Trusted Types the problem sentences still load, with no violation (issue 24)', async () => {
  const bad = { ...CENTER, resources: [{ id: 'r1', name: 'Group', kind: 'no_such_kind' }] };
  const csp = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types peerpath`;
  const site = await shipped({ headers: { 'content-security-policy': csp }, pages: { '/bad.html': host({ inline: bad }) } });
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${site.url}/bad.html`);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await expect(() => about(messages, /center config has 1 problem/).length === 1);
  assert.match(about(messages, /center config/)[0].text, /no_such_kind/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
  await site.close();
});

test('a center name holding $& or $\' is shown as written, never as a replacement pattern (issue 24)', async () => {
  const name = "Harbor $& $' $` $$ Recovery";
  const site = await shipped({ pages: { '/odd.html': host({ inline: { center: { name, phone: '+1-555-0100' } } }) } });
  const { context, page } = await open(site, '/odd.html');
  const intro = await page.locator('peer-path .screen').innerText();
  assert.ok(intro.includes(name), intro);
  await context.close();
  await site.close();
});

test('a server that sends the module without the application/wasm type still gets a working widget', async () => {
  const body = await readFile(`${DIST}pkg/peerpath_bg.wasm`);
  const site = await shipped({ pages: { '/': host() }, files: { '/pkg/peerpath_bg.wasm': { body, type: 'application/octet-stream' } } });
  const { context, page } = await open(site, '/');
  await page.locator('peer-path .pp:not([data-shell]) [data-action=start]').click();
  await page.locator('peer-path fieldset[data-item]').first().waitFor();
  await context.close();
  await site.close();
});
