// Isolated mode: the widget in an iframe from its own origin (embed.html), embedded by a host
// page that runs a stand-in session-replay script and an ad pixel. The same script on an
// inline embed records answers (so it would catch a leak); in isolated mode it records none,
// the pixel sends none, and quick exit still leaves the whole tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { serve, launch, DIST, STRICT_CSP } from './harness.mjs';
import { complete } from './keyboard.mjs';

/** Answers with distinctive option labels, so any copy of them outside the frame stands out. */
const PLAN = {
  for_whom: 'self', age_group: '26_64', self_harm: 'not_at_all', harm_others: 'no', substances: ['alcohol', 'stimulants'],
  auditc_1: 3, auditc_2: 2, auditc_3: 2, use_freq_stimulants: 'weekly', last_use: 'past_week',
  housing: 'unstable', justice: 'supervision', approach: 'secular', format: 'online', times: ['weekend'], language: 'en',
};

/**
 * A stand-in for session-replay and analytics scripts: a MutationObserver over the document
 * (and every shadow root, by patching attachShadow as replay tools do), a DOM walk into open
 * shadow roots and frames it can reach, input and message listeners, and a pixel that ships
 * all of it home twice a second.
 */
const REPLAY = `
(() => {
  const seen = window.__replay = [];
  const record = (text) => { if (typeof text === 'string' && text.trim()) seen.push(text.trim()); };
  const options = { subtree: true, childList: true, characterData: true, attributes: true };
  const observer = new MutationObserver((list) => {
    for (const m of list) {
      m.addedNodes.forEach((n) => record(n.textContent));
      if (m.type === 'characterData') record(m.target.data);
      if (m.type === 'attributes' && m.target.getAttribute) record(m.target.getAttribute(m.attributeName));
    }
  });
  observer.observe(document, options);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observer.observe(root, options);
    return root;
  };
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { record(el.shadowRoot.textContent); walk(el.shadowRoot); }
      if ('value' in el && el.checked !== false) record(String(el.value));
      if (el.tagName === 'IFRAME') {
        try { record(el.contentDocument.documentElement.innerText); walk(el.contentDocument); } catch { record('[frame out of reach]'); }
      }
    }
  };
  setInterval(() => { record(document.documentElement.innerText); walk(document); }, 250);
  for (const type of ['click', 'change', 'input', 'keydown', 'focusin']) {
    document.addEventListener(type, (e) => { const t = e.composedPath()[0]; record(t?.value); record(t?.textContent); }, true);
  }
  window.addEventListener('message', (e) => record(JSON.stringify(e.data)));
  let sent = 0;
  setInterval(() => {
    const batch = seen.slice(sent);
    sent = seen.length;
    if (!batch.length) return;
    navigator.sendBeacon('/collect', JSON.stringify(batch));
    new Image().src = '/pixel.gif?d=' + encodeURIComponent(batch.join('|').slice(0, 1500));
  }, 500);
})();`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The host site (one origin) and the widget's site (another), wired together. */
async function sites() {
  const pages = {};
  const hostSite = await serve({ root: DIST, pages, files: { '/replay.js': { body: REPLAY, type: 'text/javascript' } } });
  const center = { center: { name: 'Lakeside Recovery', phone: '+1-555-0100' }, quick_exit_url: `${hostSite.url}/left.html`, embed_origins: [hostSite.url],
    resources: [{ id: 'pier-aa', name: 'Pier Group', kind: 'twelve_step', lat: 33.2, lon: -117.3, schedule: [{ day: 2, start: '19:00' }] }] };
  const widgetSite = await serve({ root: DIST, files: { '/center.json': { body: JSON.stringify(center) } } });
  pages['/left.html'] = '<!doctype html><title>Weather</title><p>Weather</p>';
  pages['/isolated.html'] = `<!doctype html><html lang="en"><title>Center</title><link rel="icon" href="data:,">
    <script src="/replay.js"></script><script src="${widgetSite.url}/peer-path-frame.js" defer></script>
    <h1>Center</h1><peer-path-frame config="center.json"><p>Call us: 555-0100</p></peer-path-frame>
    <div style="height: 2000px"><p>More of the center's page</p></div>`;
  // The same page, saying it may be dark (as a site with a dark mode does).
  pages['/isolated-dark.html'] = pages['/isolated.html'].replace('<title>Center</title>', '<title>Center</title><meta name="color-scheme" content="light dark">');
  pages['/inline.html'] = `<!doctype html><html lang="en"><title>Center</title><link rel="icon" href="data:,">
    <script src="/replay.js"></script><script type="module" src="/peer-path.js"></script>
    <h1>Center</h1><peer-path config="#c"><p>Call us: 555-0100</p></peer-path>
    <script type="application/json" id="c">${JSON.stringify(center)}</script>`;
  return { hostSite, widgetSite, close: () => Promise.all([hostSite.close(), widgetSite.close()]) };
}

/** The parts of `page` (or its widget frame) the keyboard helpers use. */
const driver = (page, frame) => ({ evaluate: (fn, arg) => frame.evaluate(fn, arg), keyboard: page.keyboard });

/** The labels of the answers given and the result's headings: what must never leave the frame. */
function answerTexts(frame) {
  return frame.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    const headings = [...root.querySelectorAll('.care h3, .card h3, .card h4')].map((h) => h.textContent.trim());
    return headings.filter((t) => t.length >= 8);
  });
}

async function widgetFrame(page) {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/embed.html'));
    if (frame && await frame.locator('peer-path .pp:not([data-shell]) .screen h2').count()) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the widget frame never showed its first screen');
}

test('the stand-in replay script does record answers from an inline embed (so it can catch a leak)', async () => {
  const { hostSite, close } = await sites();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hostSite.url}/inline.html`);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await complete(page, PLAN);
  const texts = await answerTexts(page.mainFrame());
  assert.ok(texts.length >= 3, texts.join(' | '));
  await page.waitForTimeout(800);
  const recorded = (await page.evaluate(() => window.__replay)).join('\n');
  assert.ok(texts.some((t) => recorded.includes(t)), 'inline, the host page can read the result');
  assert.ok(hostSite.log.some((r) => r.url.startsWith('/collect') || r.url.startsWith('/pixel.gif')), 'the pixel ran');
  await context.close();
  await close();
});

test('isolated mode: the host page records no answer and sends none; it learns only that the widget runs', async () => {
  const { hostSite, widgetSite, close } = await sites();
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${hostSite.url}/isolated.html`);
  const frame = await widgetFrame(page);
  assert.notEqual(new URL(frame.url()).origin, new URL(hostSite.url).origin);
  await complete(driver(page, frame), PLAN);
  const texts = await answerTexts(frame);
  assert.ok(texts.length >= 3, texts.join(' | '));
  await page.waitForTimeout(1200); // let the replay walk and the pixel run after the result

  const recorded = await page.evaluate(() => window.__replay);
  const leaked = texts.filter((t) => recorded.some((r) => r.includes(t)));
  assert.deepEqual(leaked, [], 'the replay script saw none of the result');
  assert.ok(recorded.includes('[frame out of reach]'), 'the replay script tried the frame');
  const messages = recorded.filter((r) => r.startsWith('{'));
  assert.deepEqual(messages, ['{"peerpath":"ready"}'], 'one message: the widget runs');
  const sent = hostSite.log.map((r) => decodeURIComponent(r.url) + r.body).join('\n');
  assert.ok(hostSite.log.some((r) => r.url.startsWith('/collect')), 'the pixel ran');
  assert.deepEqual(texts.filter((t) => sent.includes(t)), [], 'no request of the host page carries the result');
  // The widget's own origin got only its files: no answers there either.
  const files = widgetSite.log.map((r) => r.method + ' ' + r.url.split('?')[0]);
  assert.ok(files.every((f) => /^GET \/(embed\.(html|js)|peer-path(-frame)?\.(js|css)|center\.json|pkg\/)/.test(f)), files.join('\n'));
  assert.ok(widgetSite.log.every((r) => r.body === ''));
  // The frame is as tall as the window (800 px here), whatever it shows; the long result
  // scrolls inside it, with the exit bar in sight at its top.
  const sizes = await frame.evaluate(() => ({ content: document.body.getBoundingClientRect().height, view: innerHeight }));
  assert.ok(sizes.content > 800 && sizes.view === 800, JSON.stringify(sizes));
  await frame.evaluate(() => scrollTo(0, document.body.scrollHeight));
  // Where the exit button is in the frame's own window (the host page may have scrolled too).
  const bar = await frame.locator('peer-path [data-action=exit]').evaluate((b) => b.getBoundingClientRect().toJSON());
  assert.ok(bar && bar.y >= 0 && bar.y < 100, `the exit button is at ${JSON.stringify(bar)} after scrolling the result`);
  await page.screenshot({ path: fileURLToPath(new URL('../../target/screenshots/isolated.png', import.meta.url)), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
  await close();
});

/**
 * What a host page's scripts can observe of its frame: the messages it got and the frame's size
 * at each step of a walk through the questionnaire.
 */
async function observe(plan) {
  const { hostSite, close } = await sites();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${hostSite.url}/isolated.html`);
  const frame = await widgetFrame(page);
  const sizes = [];
  const size = async () => sizes.push(await page.evaluate(() => {
    const box = document.querySelector('peer-path-frame').shadowRoot.querySelector('iframe').getBoundingClientRect();
    return `${box.width}x${box.height}`;
  }));
  await size();
  await complete(driver(page, frame), plan, size);
  await page.waitForTimeout(600);
  await size();
  const messages = (await page.evaluate(() => window.__replay)).filter((r) => r.startsWith('{'));
  const crisis = await frame.locator('peer-path [data-notice=crisis_988]').count();
  await context.close();
  await close();
  return { messages, sizes: [...new Set(sizes)], crisis };
}

test('isolated mode: a crisis answer changes nothing the host page can see (no height, no message)', async () => {
  const calm = await observe(PLAN);
  const crisis = await observe({ ...PLAN, self_harm: 'several_days' });
  assert.equal(calm.crisis, 0);
  assert.ok(crisis.crisis > 0, 'the crisis notice showed in the frame');
  assert.deepEqual(crisis.messages, calm.messages);
  assert.deepEqual(calm.messages, ['{"peerpath":"ready"}']);
  assert.deepEqual(crisis.sizes, calm.sizes);
  assert.equal(calm.sizes.length, 1, `one size on every screen: ${calm.sizes}`);
});

/**
 * Answers `plan` inside the frame as the widget's own events see it (a change on each input, a
 * click on Next), without the browser's own scrolling that a pointer or the Tab key brings, so
 * what moves the host page is the widget alone. Returns at the result.
 */
async function answerInFrame(frame, plan) {
  for (let guard = 0; guard < 40; guard++) {
    const done = await frame.evaluate((plan) => {
      const root = document.querySelector('peer-path').shadowRoot;
      const click = (selector) => root.querySelector(selector)?.click();
      if (root.querySelector('.next-steps')) return true;
      if (root.querySelector('[data-action=start]')) { click('[data-action=start]'); return false; }
      for (const fieldset of root.querySelectorAll('fieldset[data-item]')) {
        for (const value of [].concat(plan[fieldset.dataset.item] ?? [])) {
          const input = root.querySelector(`input[name="${fieldset.dataset.item}"][value="${value}"]`);
          if (input && !input.checked) {
            input.checked = true;
            input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
          }
          click('.moment [data-action=continue]');
        }
      }
      click('.screen [data-action=next]');
      return false;
    }, plan);
    if (done) return;
    await frame.page().waitForTimeout(50);
  }
  throw new Error('no result');
}

/**
 * What a host page that keeps itself scrolled 60 px past the frame's top sees of its own
 * scrolling while a visitor answers `plan` in the frame: every scroll position after that.
 */
async function hostScrolls(plan) {
  const { hostSite, close } = await sites();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${hostSite.url}/isolated.html`);
  const frame = await widgetFrame(page);
  await page.evaluate(() => {
    const frame = document.querySelector('peer-path-frame');
    scrollTo(0, frame.getBoundingClientRect().top + scrollY + 60);
  });
  // The host's own scroll event comes a frame later; record only what follows it.
  await page.waitForTimeout(200);
  await page.evaluate(() => {
    window.__scrolls = [];
    addEventListener('scroll', () => window.__scrolls.push(Math.round(scrollY)));
    // What focus tells the host: its window losing or gaining it, and which of its elements has it.
    window.__focus = [];
    for (const type of ['blur', 'focus']) addEventListener(type, () => window.__focus.push(`${type} ${document.activeElement?.tagName}`));
  });
  await answerInFrame(frame, plan);
  await page.waitForTimeout(400);
  const focus = await page.evaluate(() => window.__focus);
  const notices = await frame.evaluate(() => [...document.querySelector('peer-path').shadowRoot.querySelectorAll('.screen [data-notice]')].map((n) => n.dataset.notice));
  const scrolls = await page.evaluate(() => window.__scrolls);
  await context.close();
  await close();
  return { scrolls, notices, focus };
}

test('isolated mode: no answer scrolls the host page or moves its focus (a calm, a crisis and an unsafe-at-home visitor)', async () => {
  const calm = await hostScrolls(PLAN);
  const crisis = await hostScrolls({ ...PLAN, self_harm: 'several_days' });
  const unsafe = await hostScrolls({ ...PLAN, own_safety: 'yes' });
  assert.ok(!calm.notices.includes('crisis_988') && !calm.notices.includes('domestic_violence'), calm.notices.join());
  assert.ok(crisis.notices.includes('crisis_988') && unsafe.notices.includes('domestic_violence'));
  assert.deepEqual(crisis.scrolls, calm.scrolls, 'a crisis answer moves the host page as a calm one does');
  assert.deepEqual(unsafe.scrolls, calm.scrolls);
  assert.deepEqual(calm.scrolls, [], 'the widget never scrolls the host page');
  assert.deepEqual(crisis.focus, calm.focus, 'focus tells the host nothing of the answers');
  assert.deepEqual(unsafe.focus, calm.focus);
});

test('isolated mode: the frame never asks for the location, so the host page gets no grant from the visitor', async () => {
  // A center whose list has places, so an inline widget offers "near me".
  const { hostSite, close } = await sites();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const plan = { for_whom: 'self', substances: ['alcohol'], approach: 'spiritual' };
  // Inline, the same center and answers offer "near me" (so the check below can fail).
  await page.goto(`${hostSite.url}/inline.html`);
  await page.locator('peer-path .pp:not([data-shell]) [data-action=start]').waitFor();
  await answerInFrame(page.mainFrame(), plan);
  assert.equal(await page.locator('peer-path [data-action=near]').count(), 1, 'inline, "near me" is offered');
  await page.goto(`${hostSite.url}/isolated.html`);
  const frame = await widgetFrame(page);
  // Anything in the frame that would ask for the location is counted.
  await frame.evaluate(() => {
    window.__asked = 0;
    navigator.geolocation.getCurrentPosition = () => { window.__asked++; };
  });
  await answerInFrame(frame, plan);
  const allow = await page.evaluate(() => document.querySelector('peer-path-frame').shadowRoot.querySelector('iframe').getAttribute('allow'));
  assert.equal(allow, "geolocation 'none'");
  assert.equal(await frame.locator('peer-path [data-action=near]').count(), 0, 'no "near me" in a frame');
  assert.equal(await frame.evaluate(() => window.__asked), 0);
  // What the host's own scripts can find: no grant.
  assert.equal(await page.evaluate(() => navigator.permissions.query({ name: 'geolocation' }).then((p) => p.state)), 'prompt');
  assert.equal(await frame.evaluate(() => document.featurePolicy?.allowsFeature('geolocation')), false);
  await context.close();
  await close();
});

test('a site the center did not list hears nothing from the frame, not even a quick exit', async () => {
  const { widgetSite, close } = await sites();
  // A page of another site that frames embed.html itself, sandboxed so the frame cannot leave
  // the tab and must ask its parent, and listens for any message.
  const stranger = await serve({ pages: { '/frames.html': `<!doctype html><title>Another site</title>
    <script>window.heard = []; addEventListener('message', (e) => heard.push(JSON.stringify(e.data)));</script>
    <iframe sandbox="allow-scripts allow-same-origin" src="${widgetSite.url}/embed.html?config=center.json" style="width:360px;height:700px"></iframe>` } });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${stranger.url}/frames.html`);
  const frame = await widgetFrame(page);
  await frame.locator('peer-path [data-action=exit]').click();
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.heard), []);
  await page.context().close();
  await stranger.close();
  await close();
});

test('an isolated embed from a site the config does not list shows 988, 911 and the center\'s phone, not an empty box, and the console says why', async () => {
  const { hostSite, widgetSite, close } = await sites();
  // The same page at another name of the host (as www.example.org against example.org): the
  // config lists http://127.0.0.1:port, the page is at http://localhost:port.
  const unlisted = hostSite.url.replace('127.0.0.1', 'localhost');
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${unlisted}/isolated.html`);
  // The frame loads and runs, but never tells this page so.
  for (let i = 0; i < 100 && !page.frames().some((f) => f.url().includes('/embed.html')); i++) await page.waitForTimeout(100);
  const frame = page.frames().find((f) => f.url().includes('/embed.html'));
  await frame.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await page.waitForTimeout(10500); // the host page's patience
  const shown = await page.evaluate(() => {
    const element = document.querySelector('peer-path-frame');
    const frame = element.shadowRoot.querySelector('iframe');
    return {
      text: element.shadowRoot.textContent + element.textContent,
      calls: [...element.shadowRoot.querySelectorAll('a'), ...element.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      frameHeight: frame.getBoundingClientRect().height,
      visibility: getComputedStyle(frame).visibility,
      height: element.getBoundingClientRect().height,
    };
  });
  assert.equal(shown.visibility, 'hidden');
  assert.equal(shown.frameHeight, 0, 'the unready frame takes no room');
  assert.ok(shown.height < 200, `the element is ${shown.height} px tall: its lines, not a blank box`);
  assert.match(shown.text, /call or text 988/);
  assert.match(shown.text, /call 911/);
  assert.match(shown.text, /555-0100/, 'the center\'s own content, its phone');
  assert.deepEqual(shown.calls.slice(0, 2), ['tel:988', 'tel:911']);
  await page.screenshot({ path: fileURLToPath(new URL('../../target/screenshots/isolated-unlisted-360.png', import.meta.url)) });
  // The frame names the site left out; the host page says what to check.
  assert.ok(warnings.some((w) => w.includes(`page of ${unlisted}`) && w.includes('embed_origins')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes(`lists this page's site, ${unlisted}`)), warnings.join('\n'));

  // Listed, the same page shows the widget and drops the lines (the widget has its own).
  const listed = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await listed.goto(`${hostSite.url}/isolated.html`);
  await widgetFrame(listed);
  await listed.waitForFunction(() => getComputedStyle(document.querySelector('peer-path-frame').shadowRoot.querySelector('iframe')).visibility === 'visible');
  const after = await listed.evaluate(() => {
    const element = document.querySelector('peer-path-frame');
    return { lines: element.shadowRoot.querySelector('p'), height: element.shadowRoot.querySelector('iframe').getBoundingClientRect().height };
  });
  assert.equal(after.lines, null);
  assert.equal(after.height, 740, 'as tall as the window');
  await page.context().close();
  await listed.context().close();
  await close();
});

test('isolated mode follows the host page\'s color scheme, as an inline widget does: dark on a dark phone only where the page may be dark', async (t) => {
  const { hostSite, close } = await sites();
  t.after(close);
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 360, height: 740 } });
  const background = async (path) => {
    const page = await context.newPage();
    await page.goto(`${hostSite.url}${path}`);
    const frame = await widgetFrame(page);
    const color = await frame.locator('peer-path .pp').evaluate((pp) => getComputedStyle(pp).backgroundColor);
    await page.close();
    return color;
  };
  assert.equal(await background('/isolated-dark.html'), 'rgb(20, 32, 31)', 'a page that may be dark');
  assert.equal(await background('/isolated.html'), 'rgb(255, 255, 255)', 'a page that says nothing of dark stays light');
  await context.close();
});

test('quick exit sends no Referer to the safe page, inline and isolated', async () => {
  const { hostSite, close } = await sites();
  for (const path of ['/inline.html', '/isolated.html']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${hostSite.url}${path}?visitor=private`);
    const frame = path === '/inline.html' ? page.mainFrame() : await widgetFrame(page);
    await frame.locator('peer-path [data-action=exit]').click();
    await page.waitForURL(`${hostSite.url}/left.html`, { timeout: 10000 });
    const left = hostSite.log.filter((r) => r.url === '/left.html').at(-1);
    assert.equal(left.headers.referer, undefined, `${path}: Referer ${left.headers.referer}`);
    await context.close();
  }
  await close();
});

test('isolated mode: quick exit leaves the whole tab, by the button and by Shift three times', async () => {
  const { hostSite, close } = await sites();
  for (const how of ['button', 'shift']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${hostSite.url}/isolated.html`);
    const frame = await widgetFrame(page);
    if (how === 'button') {
      await frame.locator('peer-path [data-action=exit]').click();
    } else {
      await frame.locator('peer-path [data-action=start]').click();
      await frame.locator('peer-path fieldset[data-item]').first().waitFor();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    }
    await page.waitForURL(`${hostSite.url}/left.html`, { timeout: 10000 });
    assert.equal(page.url(), `${hostSite.url}/left.html`, how);
    await context.close();
  }
  await close();
});

test('embed.html works under its own CSP even when the widget origin also sends the strict header', async () => {
  const widgetSite = await serve({ root: DIST, headers: { 'content-security-policy': STRICT_CSP } });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  // (A top-level page asks for /favicon.ico; in a frame it would not.)
  page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(m.text()));
  await page.goto(`${widgetSite.url}/embed.html?lang=es`);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  assert.equal(await page.locator('peer-path .pp').getAttribute('lang'), 'es');
  assert.deepEqual(errors, []);
  await context.close();
  await widgetSite.close();
});

test('the demo page for isolated mode (make serve) runs the widget in a frame from the other name of the host', async () => {
  // www/, as `make serve` serves it; its center.json lets the demo's two origins on port 8000
  // (make serve's) frame the widget, so here, on another port, the same two are added.
  const demo = JSON.parse(await readFile(new URL('../../www/center.json', import.meta.url), 'utf8'));
  assert.deepEqual(demo.embed_origins, ['http://127.0.0.1:8000', 'http://localhost:8000']);
  const files = {};
  const site = await serve({ files });
  const port = new URL(site.url).port;
  files['/center.json'] = { body: JSON.stringify({ ...demo, embed_origins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`] }) };
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/isolated.html`);
  const frame = await widgetFrame(page);
  assert.equal(new URL(frame.url()).hostname, 'localhost');
  assert.match(await frame.locator('peer-path .crisis-lines').innerText(), /Harbor Recovery Center/);
  assert.deepEqual(errors, []);
  await context.close();
  await site.close();
});
