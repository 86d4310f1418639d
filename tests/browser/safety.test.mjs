// Safety in the moment, in Debian's Chromium: a crisis answer brings its help at once, before
// Next (by pointer and by keyboard, with axe on the panel, under the strict CSP and in isolated
// mode), the same notices lead the result, and the bar with "Exit this page" and call or text
// 988 is on every screen, at least 44 px tall, never covering the step line, the heading or the
// focused control, at 320, 360 and 768 px and at 200 % zoom, in English and Spanish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve, launch, axe, wholeResult, DIST } from './harness.mjs';
import { active, tabTo } from './keyboard.mjs';

const SCREENSHOTS = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open({ viewport = { width: 360, height: 740 }, lang, path = '/' } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + path);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  if (lang === 'es') {
    await page.locator('peer-path [data-action=lang][data-lang=es]').click();
    await page.locator('peer-path .pp[lang=es]').waitFor();
  }
  return { context, page, errors };
}

const widget = (page, selector) => page.locator(`peer-path ${selector}`);

/** axe on the page; the page's strict CSP refuses the inline styles axe itself adds, so the
 * console errors those cause are dropped from `errors` (the widget's own are kept). */
async function axeOn(page, label, errors) {
  const before = errors.length;
  await axe(page, label);
  errors.splice(before);
}

/** Goes from the welcome to the page whose first item is `item`, answering `before` on the way. */
async function goTo(page, item, before = {}) {
  await widget(page, '[data-action=start]').click();
  for (let guard = 0; guard < 40; guard++) {
    const items = await widget(page, 'fieldset[data-item]').evaluateAll((f) => f.map((e) => e.dataset.item));
    if (items[0] === item) return;
    for (const id of items) {
      if (id in before) {
        for (const value of [before[id]].flat()) await widget(page, `input[name=${id}][value="${value}"]`).check();
      }
    }
    await widget(page, '[data-action=next]').click();
  }
  throw new Error(`never reached ${item}`);
}

/** What the crisis panel shows, and where focus is. */
function panel(page) {
  return page.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    const moment = root.querySelector('.moment');
    if (!moment) return null;
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    const bar = root.querySelector('.bar').getBoundingClientRect();
    const exit = root.querySelector('button.exit').getBoundingClientRect();
    return {
      notices: [...moment.querySelectorAll('[data-notice]')].map((n) => n.dataset.notice),
      links: [...moment.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), height: a.getBoundingClientRect().height, text: a.textContent })),
      focusInPanel: moment.contains(focused),
      focusedHeading: focused?.tagName === 'H2' && focused.hasAttribute('data-focus'),
      labelled: [...moment.querySelectorAll('section')].every((s) => root.getElementById(s.getAttribute('aria-labelledby'))),
      headingTop: moment.querySelector('h2').getBoundingClientRect().top,
      barBottom: bar.bottom,
      exitVisible: exit.top >= 0 && exit.bottom <= innerHeight,
      continues: !!moment.querySelector('[data-action=continue]'),
    };
  });
}

test('a thought of self-harm brings 988 at once, before Next, by pointer; continue returns to the question', async () => {
  const { context, page, errors } = await open();
  await goTo(page, 'self_harm', { for_whom: 'self' });
  assert.equal(await panel(page), null, 'no panel before the answer');
  await widget(page, 'input[name=self_harm][value=several_days]').check();
  const shown = await panel(page);
  assert.ok(shown, 'the panel appears on the answer itself');
  assert.deepEqual(shown.notices, ['crisis_988']);
  assert.deepEqual(shown.links.slice(0, 3).map((l) => l.href), ['tel:988', 'sms:988', 'tel:911']);
  assert.ok(shown.links.some((l) => l.href === 'tel:+15550199'), 'the center crisis line');
  for (const link of shown.links) assert.ok(link.height >= 44, `${link.text} is ${link.height}px tall`);
  assert.ok(shown.focusedHeading && shown.focusInPanel, 'focus moved to the panel title');
  assert.ok(shown.labelled, 'each notice is a region named by its title');
  assert.ok(shown.headingTop >= shown.barBottom, 'the title is clear of the bar');
  assert.ok(shown.exitVisible, 'Exit this page stays in reach');
  assert.ok(shown.continues);
  await axeOn(page, 'crisis panel', errors);
  await page.screenshot({ path: `${SCREENSHOTS}360-crisis-panel.png` });
  // The same answer again keeps the panel's job done: no second panel for a changed answer.
  await widget(page, '[data-action=continue]').click();
  assert.equal(await panel(page), null);
  assert.equal(await widget(page, 'input[name=self_harm][value=several_days]').isChecked(), true, 'the answer is kept');
  await widget(page, 'input[name=self_harm][value=nearly_every_day]').check();
  assert.equal(await panel(page), null, 'still the same notice: not shown twice');
  // The worry about hurting someone is on the same page, and brings its own help at once.
  await widget(page, 'input[name=harm_others][value=yes]').check();
  assert.deepEqual((await panel(page)).notices, ['harm_others']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a loved one in danger: 911 first with the naloxone steps, by keyboard alone, with axe', async () => {
  const { context, page, errors } = await open();
  await goTo(page, 'lo_danger', { for_whom: 'loved_one' });
  await tabTo(page, { name: 'lo_danger' });
  // Arrow keys choose a radio: "No" first, then "Yes".
  for (let i = 0; i < 3 && (await active(page)).value !== 'yes'; i++) await page.keyboard.press('ArrowDown');
  if (!(await active(page)).checked) await page.keyboard.press('Space');
  const shown = await panel(page);
  assert.deepEqual(shown.notices, ['lo_emergency']);
  assert.equal(shown.links[0].href, 'tel:911', '911 first');
  assert.ok(shown.focusedHeading, 'focus on the panel title');
  const steps = await widget(page, '.moment ol.steps li').allInnerTexts();
  assert.equal(steps.length, 5);
  assert.match(steps.join(' '), /naloxone/i);
  assert.doesNotMatch(await widget(page, '.moment').innerText(), /use alone/i, 'the visitor is not the one using');
  // The next Tab is the big "Call 911" button.
  await page.keyboard.press('Tab');
  assert.equal((await active(page)).tag, 'a');
  assert.equal(await page.evaluate(() => document.querySelector('peer-path').shadowRoot.activeElement.getAttribute('href')), 'tel:911');
  await axeOn(page, 'loved-one emergency panel', errors);
  await tabTo(page, { action: 'continue' });
  await page.keyboard.press('Enter');
  assert.equal(await panel(page), null);
  assert.equal((await active(page)).name, 'lo_danger', 'focus back on the answer given');
  assert.equal((await active(page)).checked, true);
  // A spouse who is afraid (the next question on the same page): the domestic violence
  // hotline, call and text.
  await tabTo(page, { name: 'lo_safety' });
  for (let i = 0; i < 3 && (await active(page)).value !== 'yes'; i++) await page.keyboard.press('ArrowDown');
  if (!(await active(page)).checked) await page.keyboard.press('Space');
  const hotline = await panel(page);
  assert.deepEqual(hotline.notices, ['domestic_violence']);
  assert.deepEqual(hotline.links.slice(0, 3).map((l) => l.href), ['tel:+18007997233', 'sms:88788?body=START', 'tel:911']);
  await axeOn(page, 'domestic violence panel', errors);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the loved-one path asks the visitor about self-harm after a positive PHQ-2, and answers at once', async () => {
  const { context, page } = await open();
  await goTo(page, 'self_harm', { for_whom: 'loved_one', lo_danger: 'no', lo_safety: 'no', phq2_1: 2, phq2_2: 2 });
  await widget(page, 'input[name=self_harm][value=more_than_half]').check();
  assert.deepEqual((await panel(page)).notices, ['crisis_988']);
  await context.close();
});

test('the notices shown at once lead the result, in Spanish too', async () => {
  for (const lang of ['en', 'es']) {
    const { context, page, errors } = await open({ lang });
    await goTo(page, 'self_harm', { for_whom: 'self' });
    await widget(page, 'input[name=self_harm][value=several_days]').check();
    assert.deepEqual((await panel(page)).notices, ['crisis_988']);
    if (lang === 'es') assert.ok((await panel(page)).links.some((l) => l.href === 'sms:988?body=AYUDA'), 'AYUDA to 988 in Spanish');
    for (let guard = 0; guard < 40 && !(await widget(page, '.care').count()); guard++) {
      await widget(page, '[data-action=next]').click();
      await wholeResult(page);
    }
    const order = await widget(page, '.screen').evaluate((s) => [...s.querySelectorAll('.urgent, .care, .suggestions')].map((e) => e.dataset.notice ?? e.className));
    assert.equal(order[0], 'crisis_988', order.join());
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the panel works in isolated mode, in the frame', async () => {
  const site = await serve({ root: DIST, pages: { '/host.html': `<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,">
    <script src="peer-path-frame.js" defer></script><main><h1>Host</h1><peer-path-frame config="center.json"><p>Call us</p></peer-path-frame></main>` },
  files: { '/center.json': { body: JSON.stringify({ center: { name: 'Harbor', crisis_phone: '+1-555-0199' } }) } } });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${site.url}/host.html`);
  const frame = page.frameLocator('peer-path-frame iframe');
  await frame.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await frame.locator('peer-path [data-action=start]').click();
  await frame.locator('peer-path input[value=self]').check();
  for (let guard = 0; guard < 10 && !(await frame.locator('peer-path input[name=self_harm]').count()); guard++) {
    await frame.locator('peer-path [data-action=next]').click();
  }
  await frame.locator('peer-path input[name=self_harm][value=several_days]').check();
  await frame.locator('peer-path .moment [data-notice=crisis_988]').waitFor();
  assert.equal(await frame.locator('peer-path .moment a[href="tel:988"]').count(), 1);
  assert.equal(await frame.locator('peer-path .moment a[href="tel:+15550199"]').count(), 1);
  await context.close();
  await site.close();
});

/** The bar and what it must never cover, on the screen as it is now. */
function barCheck(page) {
  return page.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    const bar = root.querySelector('.bar').getBoundingClientRect();
    const box = (el) => el?.getBoundingClientRect();
    const controls = ['button.exit', '.now a[href^="tel:988"]', '.now a[href^="sms:988"]'].map((s) => box(root.querySelector(s)));
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    const label = focused?.closest?.('label') ?? focused;
    return {
      onScreen: bar.top >= -1 && bar.bottom <= innerHeight + 1,
      heights: controls.map((c) => c?.height ?? 0),
      barBottom: bar.bottom,
      barHeight: bar.height,
      step: box(root.querySelector('.progress'))?.top ?? null,
      heading: box(root.querySelector('[data-focus]'))?.top ?? null,
      focused: root.contains(focused) && !root.querySelector('.bar').contains(focused) ? box(label).top : null,
    };
  });
}

/** Every kind of screen of the own-use path, by Next, with answers that open most pages. */
const WALK = { for_whom: 'self', substances: ['alcohol', 'opioids'], stage: 'changing' };

for (const [name, viewport, fontSize] of [
  ['320 px', { width: 320, height: 640 }],
  ['360 px', { width: 360, height: 740 }],
  ['768 px', { width: 768, height: 1024 }],
  ['200 % zoom (1280 x 800)', { width: 640, height: 400 }],
  ['200 % text on a 360 px phone', { width: 360, height: 740 }, '200%'],
]) {
  test(`the bar at ${name}: on every screen, 44 px controls, never covering the step line, the heading or the focus`, async () => {
    for (const lang of ['en', 'es']) {
      const { context, page, errors } = await open({ viewport, lang });
      if (fontSize) await page.evaluate((size) => document.querySelector('peer-path').style.setProperty('--pp-font-size', size), fontSize);
      const where = (screen) => `${lang}, ${name}, ${screen}`;
      const check = async (screen, { focus = true, scrolled = false } = {}) => {
        const now = await barCheck(page);
        assert.ok(now.onScreen, `${where(screen)}: the bar is on screen`);
        for (const h of now.heights) assert.ok(h >= 44, `${where(screen)}: a bar control is ${h}px tall`);
        if (focus && now.step !== null) assert.ok(now.step >= now.barBottom - 1, `${where(screen)}: the step line at ${now.step} is under the bar (${now.barBottom})`);
        if (focus && now.heading !== null) assert.ok(now.heading >= now.barBottom - 1, `${where(screen)}: the heading at ${now.heading} is under the bar (${now.barBottom})`);
        if (!scrolled && now.focused !== null) assert.ok(now.focused >= now.barBottom - 1, `${where(screen)}: the focused control at ${now.focused} is under the bar`);
        return now;
      };
      const first = await check('welcome', { focus: false });
      if (!fontSize && viewport.width >= 360) assert.ok(first.barHeight <= 64, `${where('welcome')}: the bar is ${first.barHeight}px tall, one row`);
      await widget(page, '[data-action=start]').click();
      for (let n = 0; n < 60; n++) {
        const items = await widget(page, 'fieldset[data-item]').evaluateAll((f) => f.map((e) => e.dataset.item));
        const screen = items.length ? `page ${items[0]}` : (await widget(page, '.care').count()) ? 'result' : 'review';
        await check(screen);
        // Tab through the screen's first controls: none may sit under the bar.
        for (let t = 0; t < 4; t++) {
          await page.keyboard.press('Tab');
          await check(`${screen}, Tab ${t + 1}`, { focus: false });
        }
        // Scrolled to the end of the screen, the bar is still there.
        await widget(page, '.screen .nav').last().scrollIntoViewIfNeeded();
        await check(`${screen}, scrolled`, { focus: false, scrolled: true });
        if (screen === 'result') break;
        for (const id of items) {
          if (id in WALK) for (const value of [WALK[id]].flat()) await widget(page, `input[name=${id}][value="${value}"]`).check();
        }
        await widget(page, '[data-action=next]').click();
        await wholeResult(page);
      }
      assert.ok(await widget(page, '.care').count(), `${where('end')}: reached the result`);
      if (lang === 'en' && !fontSize) await page.screenshot({ path: `${SCREENSHOTS}bar-${viewport.width}-result.png` });
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}
