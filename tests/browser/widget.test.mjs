// The <peer-path> widget in Debian's Chromium: both paths by keyboard, privacy, accessibility,
// strict CSP, the fallback, quick exit, screenshots, and clean unmounting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve, launch, axe, STRICT_CSP } from './harness.mjs';
import { complete, active, tabTo } from './keyboard.mjs';

const SCREENSHOTS = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));

/** A visitor answering for themselves; every item here is one the widget asks for these answers. */
const OWN_PLAN = {
  for_whom: 'self', age_group: '26_64', self_harm: 'several_days', harm_others: 'no',
  substances: ['alcohol', 'opioids'], auditc_1: 3, auditc_2: 2, auditc_3: 1, sex: 'female',
  use_freq_opioids: 'weekly', last_use: 'past_week', dep_control: 'yes', dep_craving: 'yes',
  withdrawal: 'uncomfortable', overdose: 'no', phq2_1: 2, phq2_2: 1, gad2_1: 1, gad2_2: 1,
  mh_diagnosis: 'unsure', physical_health: 'fair', treatment_history: ['detox'],
  medication: 'interested', importance: 8, confidence: 4, stage: 'preparing', goal: 'stop',
  housing: 'stable_sober', support: 'one_or_two', justice: 'none', work: 'working',
  group_comfort: 'nervous_willing', one_on_one: 'maybe', barriers: ['work_hours'],
  approach: 'secular', format: 'either', times: ['weekday_evening'], language: 'en',
};

/** A parent worried about a child who uses opioids. */
const LOVED_PLAN = {
  for_whom: 'loved_one', age_group: '26_64', lo_relationship: 'parent', lo_danger: 'no',
  substances: ['opioids'], lo_stage: 'not_ready', lo_wants: ['learn_to_help', 'support_for_me'],
  phq2_1: 1, phq2_2: 2, approach: 'no_preference', format: 'in_person', times: ['weekend'],
};

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and waits for the widget's first screen. Console errors are collected. */
async function open(path = '/', { viewport = { width: 1280, height: 900 }, on = server } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(on.url + path);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  return { context, page, errors };
}

/** The same answers through the scoring API module's `evaluate`, with the page's center config. */
function evaluateInPage(page, answers) {
  return page.evaluate(async (answers) => {
    const module = await import('/api/peerpath.js');
    await module.default();
    const config = JSON.parse(document.getElementById('harbor-config').textContent);
    return module.evaluate(answers, { config });
  }, answers);
}

function shown(page) {
  return page.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    const ids = (selector, attribute) => [...root.querySelectorAll(selector)].map((e) => e.getAttribute(attribute));
    return {
      urgent: ids('[data-notice]', 'data-notice'),
      care: root.querySelector('.care')?.getAttribute('data-level'),
      groups: ids('[data-list=groups] [data-id]', 'data-id'),
      aftercare: ids('[data-list=aftercare] [data-id]', 'data-id'),
      text: root.querySelector('.screen').innerText,
    };
  });
}

test('the own-use path, by keyboard alone, ends in the suggestions evaluate gives', async () => {
  const { context, page, errors } = await open();
  const pages = await complete(page, OWN_PLAN);
  assert.equal(pages, 11, 'the own path\'s pages before the first result (the sharpen sections after it)');
  const result = await shown(page);
  const expected = await evaluateInPage(page, OWN_PLAN);
  assert.deepEqual(result.urgent, expected.urgent.map((n) => n.id));
  assert.deepEqual(result.urgent, ['crisis_988', 'mixing_depressants', 'naloxone']);
  assert.equal(result.care, expected.care.level);
  assert.deepEqual(result.groups, expected.groups.map((g) => g.id));
  assert.deepEqual(result.aftercare, expected.aftercare.map((g) => g.id));
  assert.match(result.text, /not a diagnosis/);
  // Urgent notices come before everything else on the result.
  assert.ok(result.text.indexOf('988') < result.text.indexOf(expected.care.title));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the loved-one path, by keyboard alone, ends in family support', async () => {
  const { context, page, errors } = await open();
  await complete(page, LOVED_PLAN);
  const result = await shown(page);
  const expected = await evaluateInPage(page, LOVED_PLAN);
  assert.deepEqual(result.groups, expected.groups.map((g) => g.id));
  assert.deepEqual(result.aftercare, expected.aftercare.map((g) => g.id));
  assert.ok(result.groups.slice(0, 2).includes('smart_family'), result.groups.join());
  assert.ok(result.groups.includes('family_groups'));
  assert.deepEqual(result.urgent, ['naloxone']);
  assert.doesNotMatch(result.text, /self-harm|hurting yourself/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('after the widget has loaded, nothing is requested or stored through the whole flow, print and save', async () => {
  const { context, page } = await open();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await complete(page, OWN_PLAN);
  const download = page.waitForEvent('download');
  await tabTo(page, { action: 'save' });
  await page.keyboard.press('Enter');
  const file = await download;
  const saved = await readFile(await file.path(), 'utf8');
  assert.match(saved, /not a diagnosis/);
  assert.match(saved, /988/);
  await page.evaluate(() => { window.print = () => {}; });
  await tabTo(page, { action: 'print' });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  assert.deepEqual(requests.filter((url) => !url.startsWith('blob:')), []);
  const storage = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  assert.deepEqual(storage, { cookie: '', local: 0, session: 0, databases: 0, caches: 0 });
  assert.deepEqual(await context.cookies(), []);
  await context.close();
});

test('axe finds no violations on the welcome, a question, the review and the result', async () => {
  const { context, page } = await open();
  await axe(page, 'welcome');
  await page.locator('peer-path [data-action=start]').click();
  await axe(page, 'question');
  await context.close();

  const second = await open();
  await complete(second.page, OWN_PLAN);
  await axe(second.page, 'result');
  await second.page.locator('peer-path [data-action=back]').click();
  await axe(second.page, 'review');
  await second.context.close();
});

test('works end to end under the strict Content-Security-Policy header', async () => {
  const strict = await serve({ headers: { 'content-security-policy': STRICT_CSP } });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${strict.url}/`);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await complete(page, { for_whom: 'self', substances: ['stimulants'], use_freq_stimulants: 'daily', dep_control: 'yes', dep_craving: 'yes', dep_quit_failed: 'yes', housing: 'none' });
  assert.equal((await shown(page)).care, 'residential');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // The widget's stylesheet applied (a <style> element would have been blocked).
  const exitColor = await page.locator('peer-path button.exit').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(exitColor, 'rgba(0, 0, 0, 0)');
  await context.close();
  await strict.close();
});

test('when the wasm file is missing, the center fallback shows', async () => {
  const broken = await serve({ missing: ['/pkg/peerpath_bg.wasm'] });
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.goto(`${broken.url}/`);
  await page.locator('peer-path .fallback').waitFor({ state: 'visible' });
  assert.match(await page.locator('peer-path .fallback').innerText(), /555\) 0100/);
  assert.equal(await page.locator('peer-path .pp').count(), 0);
  // Never a blank box: a calm message with 988, 911 and the center's phone from its config.
  const sorry = page.locator('peer-path [role=alert]');
  assert.match(await sorry.innerText(), /cannot run here right now[\s\S]*988[\s\S]*911[\s\S]*Harbor Recovery/);
  assert.equal(await sorry.locator('a[href="tel:988"]').count(), 1);
  assert.ok(messages.some((m) => m.includes('PeerPath could not start')), messages.join('\n'));
  await context.close();
  await broken.close();
});

async function safePage(page) {
  await page.route('https://www.weather.gov/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));
}

test('quick exit: the button, early in the keyboard order, leaves for the configured page without a history entry', async () => {
  const { context, page } = await open();
  await safePage(page);
  const historyBefore = await page.evaluate(() => history.length);
  // From the top of a freshly loaded page, the exit button comes right after the host page's
  // own four header links.
  await page.keyboard.press('Tab');
  let presses = 1;
  while (!(await active(page))?.action && presses < 12) {
    await page.keyboard.press('Tab');
    presses++;
  }
  assert.equal((await active(page)).action, 'exit', `reached ${JSON.stringify(await active(page))}`);
  assert.ok(presses <= 5, `${presses} Tab presses to reach the exit`);
  await page.keyboard.press('Enter');
  await page.waitForURL('https://www.weather.gov/');
  assert.equal(await page.evaluate(() => history.length), historyBefore);
  await context.close();
});

test('quick exit: Shift three times counts down, then leaves', async () => {
  const { context, page } = await open();
  await safePage(page);
  await page.locator('peer-path [data-action=start]').click();
  await page.locator('peer-path input[value=self]').check();
  const live = page.locator('peer-path [role=status]');
  await page.keyboard.press('Shift');
  assert.match(await live.innerText(), /2 more times/);
  await page.keyboard.press('Shift');
  assert.match(await live.innerText(), /1 more time/);
  await page.keyboard.press('Shift');
  await page.waitForURL('https://www.weather.gov/');
  await context.close();
});

test('quick exit: Shift+Tab and Shift with other keys between never count', async () => {
  const { context, page } = await open();
  await safePage(page);
  await page.locator('peer-path [data-action=start]').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).hostname, '127.0.0.1');
  await context.close();
});

/** Elements of the page or the widget whose content is wider than their box (cut off or scrolling). */
function clipped(page) {
  return page.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    const out = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push('the page scrolls sideways');
    for (const el of root.querySelectorAll('*')) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') {
        out.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return out;
  });
}

test('screenshots at 320, 768 and 1280 px, with nothing cut off', async () => {
  for (const width of [320, 768, 1280]) {
    const { context, page } = await open('/', { viewport: { width, height: 800 } });
    const shoot = (name) => page.screenshot({ path: `${SCREENSHOTS}${width}-${name}.png`, fullPage: true });
    await shoot('welcome');
    await page.locator('peer-path [data-action=start]').click();
    await page.locator('peer-path input[value=self]').check();
    await page.locator('peer-path [data-action=next]').click();
    await page.locator('peer-path [data-action=next]').click();
    await shoot('question');
    assert.deepEqual(await clipped(page), [], `content cut off at ${width}px`);
    await page.locator('peer-path [data-action=restart]').click();
    await complete(page, OWN_PLAN);
    assert.deepEqual(await clipped(page), [], `result cut off at ${width}px`);
    await page.locator('peer-path details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    await shoot('result');
    await context.close();
  }
});

test('mounting and removing the element 200 times leaves no listeners and no growing heap', async () => {
  const blank = await serve({ pages: { '/blank.html': '<!doctype html><title>t</title><link rel="icon" href="favicon.svg"><script type="module" src="peer-path.js"></script><body></body>' } });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${blank.url}/blank.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const cycle = (n) => page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      const element = document.createElement('peer-path');
      element.textContent = 'Call us';
      document.body.append(element);
      // Mounted: the module has taken over the frame the shell drew.
      while (!element.shadowRoot?.querySelector('.pp:not([data-shell])')) await new Promise((r) => setTimeout(r, 1));
      element.remove();
    }
    // The last element's own tasks (its stylesheet, its config) settle before the count.
    await new Promise((r) => setTimeout(r, 500));
  }, n);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name).value;
    return { listeners: get('JSEventListeners'), heap: get('JSHeapUsedSize'), nodes: get('Nodes') };
  };
  await cycle(10);
  const baseline = await measure();
  await cycle(200);
  const after200 = await measure();
  assert.equal(after200.listeners, baseline.listeners, `listeners ${baseline.listeners} -> ${after200.listeners}`);
  assert.ok(after200.heap - baseline.heap < 1_000_000, `heap grew ${after200.heap - baseline.heap} bytes`);
  assert.ok(after200.nodes - baseline.nodes < 200, `nodes ${baseline.nodes} -> ${after200.nodes}`);
  await context.close();
  await blank.close();
});

test('print shows the result cleanly: "show more" lists opened, buttons and the exit hidden', async () => {
  const { context, page } = await open();
  await complete(page, { for_whom: 'self', substances: ['cannabis'], use_freq_cannabis: 'weekly', approach: 'secular' });
  await page.evaluate(() => { window.print = () => {}; });
  const closed = await page.locator('peer-path details').evaluateAll((all) => all.filter((d) => !d.open).length);
  assert.ok(closed > 0, 'a list with more to show');
  await page.locator('peer-path [data-action=print]').click();
  assert.deepEqual(await page.locator('peer-path details').evaluateAll((all) => all.map((d) => d.open)), Array(closed).fill(true));
  await page.emulateMedia({ media: 'print' });
  const display = (selector) => page.locator(`peer-path ${selector}`).first().evaluate((e) => getComputedStyle(e).display);
  assert.equal(await display('.nav'), 'none');
  assert.equal(await display('.bar'), 'none');
  assert.notEqual(await display('.care'), 'none');
  assert.notEqual(await display('.crisis-lines'), 'none');
  await context.close();
});

test('the config can come from a same-origin URL; another origin is refused and the widget runs on its defaults', async () => {
  const page = (config) => `<!doctype html><html lang="en"><title>t</title><link rel="icon" href="favicon.svg">
    <script type="module" src="peer-path.js"></script><main><h1>Center</h1>
    <peer-path config="${config}"><p class="fallback">Call 555-0100</p></peer-path></main>`;
  const site = await serve({ pages: {
    '/same.html': page('/center.json'),
    '/other.html': page('https://elsewhere.example/center.json'),
    '/center.json': JSON.stringify({ center: { name: 'Lakeside Recovery', crisis_phone: '+1 (555) 010-9999' } }),
  } });
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${site.url}/same.html`);
  await tab.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  assert.match(await tab.locator('peer-path .crisis-lines').innerText(), /Lakeside Recovery/);
  assert.equal(await tab.locator('peer-path .crisis-lines a[href="tel:+15550109999"]').count(), 1);
  const requests = [];
  tab.on('request', (r) => requests.push(r.url()));
  const messages = [];
  tab.on('console', (m) => messages.push(m.text()));
  await tab.goto(`${site.url}/other.html`);
  await tab.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  assert.doesNotMatch(await tab.locator('peer-path .crisis-lines').innerText(), /Lakeside/);
  assert.ok(!requests.some((url) => url.includes('elsewhere.example')), 'no request to another origin');
  assert.ok(messages.some((m) => /center config "https:\/\/elsewhere\.example\/center\.json" could not be used \(the config must come from this site/.test(m)), messages.join('\n'));
  await context.close();
  await site.close();
});

test('a page that already defined <peer-path> keeps working', async () => {
  const site = await serve({ pages: { '/taken.html': `<!doctype html><html lang="en"><title>t</title><link rel="icon" href="favicon.svg">
    <script src="taken.js"></script><script type="module" src="peer-path.js"></script><p>ok</p>` } });
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.route('**/taken.js', (route) => route.fulfill({ contentType: 'text/javascript',
    body: "customElements.define('peer-path', class extends HTMLElement {});" }));
  await tab.goto(`${site.url}/taken.html`);
  await tab.waitForLoadState('networkidle');
  assert.deepEqual(errors, []);
  await context.close();
  await site.close();
});

test('the widget follows the host page\'s color scheme: a light site on a dark-mode phone stays light; dark mode passes axe too', async () => {
  const page = (scheme) => `<!doctype html><html lang="en"><title>t</title><link rel="icon" href="favicon.svg">
    ${scheme ? `<meta name="color-scheme" content="${scheme}">` : ''}<script type="module" src="peer-path.js"></script>
    <main><h1>Center</h1><peer-path config="center.json"><p>Call us</p></peer-path></main>`;
  const site = await serve({ pages: { '/light.html': page(''), '/both.html': page('light dark'), '/dark.html': page('dark') } });
  const context = await browser.newContext({ colorScheme: 'dark' });
  const background = async (path) => {
    const tab = await context.newPage();
    await tab.goto(`${site.url}${path}`);
    await tab.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
    return [tab, await tab.locator('peer-path .pp').evaluate((pp) => getComputedStyle(pp).backgroundColor)];
  };
  const [light, lightColor] = await background('/light.html');
  assert.equal(lightColor, 'rgb(255, 255, 255)', 'a page that says nothing of dark keeps a light widget on a dark phone');
  await light.close();
  const [dark, darkColor] = await background('/dark.html');
  assert.equal(darkColor, 'rgb(20, 32, 31)');
  await dark.close();
  const [both, bothColor] = await background('/both.html');
  assert.equal(bothColor, 'rgb(20, 32, 31)', 'a page that can be dark follows the phone');
  await axe(both, 'dark welcome');
  await complete(both, OWN_PLAN);
  await axe(both, 'dark result');
  await context.close();
  // The same page on a light phone is light.
  const day = await browser.newContext({ colorScheme: 'light' });
  const tab = await day.newPage();
  await tab.goto(`${site.url}/both.html`);
  await tab.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  assert.equal(await tab.locator('peer-path .pp').evaluate((pp) => getComputedStyle(pp).backgroundColor), 'rgb(255, 255, 255)');
  await day.close();
  await site.close();
});

test('the sticky crisis strip never hides the focused control (WCAG 2.4.11)', async () => {
  const { context, page } = await open('/', { viewport: { width: 320, height: 560 } });
  await page.locator('peer-path [data-action=start]').click();
  await page.locator('peer-path input[value=self]').check();
  await page.locator('peer-path [data-action=next]').click();
  await page.locator('peer-path [data-action=next]').click();
  await page.locator('peer-path [data-action=next]').click(); // the mood page: many controls
  // Tab forward through the page, then back up with Shift+Tab past the strip's own controls.
  for (const key of [...Array(14).fill('Tab'), ...Array(14).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    const hidden = await page.evaluate(() => {
      const root = document.querySelector('peer-path').shadowRoot;
      const focused = root.activeElement;
      const bar = root.querySelector('.bar');
      if (!focused || bar.contains(focused)) return null;
      const box = (focused.closest('label') ?? focused).getBoundingClientRect();
      return box.top < bar.getBoundingClientRect().bottom - 1 ? `${focused.outerHTML.slice(0, 60)} at ${box.top}` : null;
    });
    assert.equal(hidden, null, `after ${key}`);
  }
  await context.close();
});

test('the center\'s theme (center-config.md v3): its accent on the buttons, the host page\'s font, and a scheme chosen for the widget alone; a bad value leaves the widget\'s own', async () => {
  const page = (theme) => `<!doctype html><html lang="en"><title>t</title><link rel="icon" href="data:,">
    <style>body { font-family: Georgia, serif; }</style><script type="module" src="peer-path.js"></script>
    <main><h1>Center</h1><peer-path config="#c"><p>Call us</p></peer-path></main>
    <script type="application/json" id="c">${JSON.stringify({ center: { name: 'Harbor', phone: '+1-555-0100' }, theme })}</script>`;
  const site = await serve({ pages: {
    '/themed.html': page({ accent: '#5b2a86', font: 'inherit', scheme: 'dark' }),
    '/accent.html': page({ accent: '#5b2a86' }),
    '/bad.html': page({ accent: 'red; background: url(https://evil.example/x)', font: 12, scheme: 'midnight' }),
  } });
  const context = await browser.newContext({ colorScheme: 'light' });
  const requests = [];
  const look = async (path) => {
    const tab = await context.newPage();
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(`${site.url}${path}`);
    // The welcome the shell draws is themed already.
    await tab.locator('peer-path [data-action=start]').waitFor();
    const shell = await tab.locator('peer-path [data-action=start]').evaluate((b) => getComputedStyle(b).backgroundColor);
    await tab.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
    const [button, font, background] = await tab.locator('peer-path [data-action=start]').evaluate((b) => {
      const pp = b.closest('.pp');
      return [getComputedStyle(b).backgroundColor, getComputedStyle(pp).fontFamily, getComputedStyle(pp).backgroundColor];
    });
    return { tab, shell, button, font, background };
  };
  const themed = await look('/themed.html');
  assert.equal(themed.shell, themed.button, 'the shell\'s welcome and the module\'s agree');
  assert.equal(themed.font, 'Georgia, serif', 'the host page\'s font');
  assert.equal(themed.background, 'rgb(20, 32, 31)', 'dark on a light phone, as the center chose');
  await axe(themed.tab, 'themed welcome');
  const accent = await look('/accent.html');
  assert.equal(accent.button, 'rgb(91, 42, 134)', 'the center\'s accent');
  assert.equal(accent.shell, 'rgb(91, 42, 134)');
  assert.equal(accent.background, 'rgb(255, 255, 255)');
  const bad = await look('/bad.html');
  assert.equal(bad.button, 'rgb(44, 106, 94)', 'the widget\'s own accent');
  assert.equal(bad.background, 'rgb(255, 255, 255)');
  assert.notEqual(bad.font, 'Georgia, serif');
  assert.ok(!requests.some((url) => url.includes('evil.example')), requests.join('\n'));
  await context.close();
  await site.close();
});
