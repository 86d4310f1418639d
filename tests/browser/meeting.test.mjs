// A meeting now, a result read in a minute, pages that open on their question (quality.md v3,
// "The visitor's time"; issue 25), in Debian's Chromium with the files that ship (dist/):
// "Find a meeting now" from the welcome, a meeting tonight in two taps by pointer and by
// keyboard, with the bar in place and axe clean; "Add to calendar" parsed back, in the
// meeting's own zone; the result of each visitor of `make bench` within 4 screens at 360 x 740;
// each page's heading in the top third and its question in view at 360 px, 320 px, 200 % zoom
// and 200 % text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, axe, walk, embedding, DIST, WWW } from './harness.mjs';
import { active, tabTo } from './keyboard.mjs';

const PHONE = { width: 360, height: 740 };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * A center in Los Angeles on a Tuesday at 6:30 PM there: a meeting of the feed on now (6 to 7),
 * its own SMART group at 7, an online meeting at 8 with its own zone (New York, 11 PM there),
 * and a family group it only lists, tomorrow.
 */
const CENTER = {
  center: { name: 'Harbor', phone: '+1-555-0100', timezone: 'America/Los_Angeles' },
  resources: [
    { id: 'harbor-smart', name: 'SMART at Harbor', kind: 'smart_recovery', center_program: true,
      schedule: [{ day: 2, start: '19:00', end: '20:30' }], address: '120 Harbor St, Oceanside', lat: 33.2, lon: -117.36,
      url: 'https://harbor.example/smart' },
    { id: 'church-alanon', name: 'Al-Anon at the church hall', kind: 'family_groups', audience: ['family'],
      schedule: [{ day: 3, start: '10:00' }], lat: 33.25, lon: -117.3 },
  ],
  meeting_guide: [
    { name: 'Pier AA', slug: 'pier', day: [0, 1, 2, 3, 4, 5, 6], time: '18:00', end_time: '19:00', types: ['O'],
      formatted_address: '1 Pier St, Oceanside', latitude: 33.19, longitude: -117.38 },
    { name: 'Late Night Online', slug: 'late', day: 2, time: '23:00', end_time: '23:59', timezone: 'America/New_York',
      types: ['ONL'], conference_url: 'https://zoom.example/j/4' },
  ],
};
/** Tuesday 24 November 2026, 6:30 PM in Los Angeles. */
const TUESDAY_EVENING = '2026-11-25T02:30:00Z';


async function open(site, { viewport = PHONE } = {}) {
  const context = await browser.newContext({ viewport, timezoneId: 'America/Los_Angeles', locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.clock.setFixedTime(new Date(TUESDAY_EVENING));
  await page.goto(`${site.url}/t.html`);
  await page.locator('peer-path .pp:not([data-shell]) [data-action=meetings]').waitFor();
  return { context, page, errors };
}

/** The meetings screen as a visitor sees it: cards in order, the heading and the bar. */
function meetingsScreen(page) {
  return page.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    const box = (el) => el && el.getBoundingClientRect();
    const cards = [...root.querySelectorAll('[data-list=meetings] .card')].map((card) => ({
      id: card.dataset.id, text: card.innerText, bottom: box(card).bottom,
    }));
    return {
      heading: root.querySelector('.screen h2')?.textContent,
      headingTop: box(root.querySelector('.screen h2')).top,
      focused: root.activeElement?.textContent,
      exit: box(root.querySelector('.bar button.exit')),
      call988: box(root.querySelector('.bar a[href="tel:988"]')),
      cards,
    };
  });
}

/** The .ics lines, unfolded (RFC 5545 3.1), as name (with parameters) and value. */
function parseIcs(text) {
  assert.ok(text.includes('\r\n'), 'lines end in CRLF');
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean).map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1)];
  });
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a meeting tonight in two taps by pointer: on now and soonest first, the bar in place, axe clean, then the questions', async (t) => {
  const site = await serve({ root: DIST, pages: { '/t.html': embedding(CENTER) } });
  t.after(() => site.close());
  const { context, page, errors } = await open(site);
  t.after(() => context.close());
  const loaded = site.requests.length;
  // Tap 1, on the first screen of the welcome.
  const way = await page.locator('peer-path [data-action=meetings]').boundingBox();
  assert.ok(way.y + way.height <= PHONE.height, `"Find a meeting now" ends at ${way.y + way.height}px`);
  await page.locator('peer-path [data-action=meetings]').click();
  await page.locator('peer-path [data-list=meetings]').waitFor();
  const shown = await meetingsScreen(page);
  assert.equal(shown.focused, shown.heading, 'focus on the new screen\'s heading');
  assert.ok(shown.headingTop < PHONE.height / 3, `the heading at ${shown.headingTop}px`);
  assert.ok(shown.exit.height >= 44 && shown.exit.top >= 0, 'Exit this page in the bar');
  assert.ok(shown.call988.height >= 44 && shown.call988.top >= 0, '988 in the bar');
  // On now first, then by start: tonight at 7 (its own), 8 PM here (11 PM in New York),
  // tomorrow's family group last.
  assert.deepEqual(shown.cards.map((c) => c.id), ['mg-pier', 'harbor-smart', 'mg-late', 'church-alanon']);
  assert.match(shown.cards[0].text, /On now, until 7:00\sPM/);
  assert.match(shown.cards[1].text, /Run by Harbor[\s\S]*Next: tonight, 7:00\sPM/);
  assert.match(shown.cards[2].text, /Next: tonight, 11:00\sPM EST/);
  assert.match(shown.cards[3].text, /Next: tomorrow, 10:00\sAM/);
  assert.doesNotMatch(shown.cards[3].text, /Run by/, 'a group it only lists is never "run by"');
  await axe(page, 'meetings');
  // Tap 2: tonight's meeting into the calendar, from the first screen.
  const add = page.locator('peer-path [data-list=meetings] .card[data-id=harbor-smart] [data-action=ics]');
  const box = await add.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= PHONE.height, `"Add to calendar" at ${box.y}px`);
  const ics = await download(page, () => add.click());
  assert.equal(ics.name, 'meeting.ics');
  const lines = parseIcs(ics.text);
  const value = (name) => lines.find(([n]) => n === name)?.[1];
  assert.deepEqual([lines[0], lines.at(-1)], [['BEGIN', 'VCALENDAR'], ['END', 'VCALENDAR']]);
  assert.equal(value('SUMMARY'), 'SMART at Harbor');
  assert.equal(value('DTSTART;TZID=America/Los_Angeles'), '20261124T190000');
  assert.equal(value('DTEND;TZID=America/Los_Angeles'), '20261124T203000');
  assert.equal(value('RRULE'), 'FREQ=WEEKLY;BYDAY=TU');
  assert.equal(value('LOCATION'), '120 Harbor St\\, Oceanside');
  // Back to the questions from there.
  await page.locator('peer-path [data-list=meetings] ~ .nav [data-action=start]').click();
  await page.locator('peer-path fieldset[data-item=for_whom]').waitFor();
  assert.equal((await active(page)).focusHeading, true);
  // Nothing but the widget's own files (its stylesheet comes again as the module takes over).
  const own = new Set(site.requests.slice(0, loaded).concat(['/peer-path.css']));
  assert.deepEqual(site.requests.slice(loaded).filter((path) => !own.has(path)), [], 'the list, the calendar file and the way back sent nothing');
  assert.deepEqual(errors, []);
});

test('a meeting tonight by keyboard: Enter on "Find a meeting now", Tab into the first card, Back to the welcome', async (t) => {
  const site = await serve({ root: DIST, pages: { '/t.html': embedding(CENTER) } });
  t.after(() => site.close());
  const { context, page } = await open(site);
  t.after(() => context.close());
  await tabTo(page, { action: 'meetings' });
  await page.keyboard.press('Enter');
  await page.locator('peer-path [data-list=meetings]').waitFor();
  assert.equal((await active(page)).focusHeading, true, 'focus on the heading');
  // The first meeting's own control within a few presses: here its calendar file.
  let presses = 0;
  while (!(await page.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    return !!root.activeElement?.closest('.card');
  }))) {
    await page.keyboard.press('Tab');
    assert.ok(++presses <= 4, `${presses} presses to the first meeting`);
  }
  const first = await page.evaluate(() => document.querySelector('peer-path').shadowRoot.activeElement.closest('.card').dataset.id);
  assert.equal(first, 'mg-pier');
  const ics = await download(page, () => page.keyboard.press('Enter'));
  const lines = parseIcs(ics.text);
  // Every day at 6 PM: seven weekly events, one per day, in the center's zone.
  assert.deepEqual(lines.filter(([n]) => n === 'RRULE').map(([, v]) => v.slice(-2)), ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']);
  assert.ok(lines.filter(([n]) => n.startsWith('DTSTART')).every(([n, v]) => n === 'DTSTART;TZID=America/Los_Angeles' && v.endsWith('T180000')));
  await axe(page, 'meetings, by keyboard');
  await tabTo(page, { action: 'back' });
  await page.keyboard.press('Enter');
  await page.locator('peer-path [data-action=start]').waitFor();
  assert.equal((await active(page)).focusHeading, true);
});

test('"Add to calendar" for a meeting in another zone writes that zone', async (t) => {
  const site = await serve({ root: DIST, pages: { '/t.html': embedding(CENTER) } });
  t.after(() => site.close());
  const { context, page } = await open(site);
  t.after(() => context.close());
  await page.locator('peer-path [data-action=meetings]').click();
  const ics = await download(page, () => page.locator('peer-path .card[data-id=mg-late] [data-action=ics]').click());
  const lines = parseIcs(ics.text);
  const value = (name) => lines.find(([n]) => n === name)?.[1];
  // 11 PM in New York is the meeting's own time; a calendar in Los Angeles shows it at 8.
  assert.equal(value('DTSTART;TZID=America/New_York'), '20261124T230000');
  assert.equal(value('LOCATION'), 'https://zoom.example/j/4');
  assert.equal(lines.filter(([n]) => n === 'BEGIN' ).length, 2, 'one calendar, one event');
});

test('the demo page, as a center would copy it, shows Start and "Find a meeting now" on the first screen of a phone', async (t) => {
  // www/ as `make serve` serves it, with the demo page's own stylesheet.
  const site = await serve({ root: WWW });
  t.after(() => site.close());
  for (const [viewport, locale] of [[PHONE, 'en-US'], [{ width: 320, height: 740 }, 'en-US'], [PHONE, 'es-US']]) {
    const context = await browser.newContext({ viewport, locale });
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.locator('peer-path .pp:not([data-shell]) [data-action=meetings]').waitFor();
    for (const action of ['start', 'meetings']) {
      const box = await page.locator(`peer-path [data-action=${action}]`).boundingBox();
      assert.ok(box.y + box.height <= viewport.height, `${viewport.width} px, ${locale}: ${action} ends at ${box.y + box.height}px`);
    }
    if (viewport === PHONE && locale === 'en-US') await page.screenshot({ path: 'target/screenshots/demo-welcome-360.png' });
  }
});

/** The visitors of `make bench` (tools/bench.mjs), and a veteran whose result is among the longest. */
const VISITORS = {
  'a man who drinks daily and wants to stop': { for_whom: 'self', age_group: '26_64', sex: 'male', substances: ['alcohol'], auditc_1: 4, auditc_2: 2, auditc_3: 3, last_use: 'today', withdrawal: 'uncomfortable', medication: 'interested', goal: 'stop' },
  'a woman using opioids after an overdose who wants medication': { for_whom: 'self', sex: 'female', substances: ['opioids'], use_freq_opioids: 'daily', last_use: 'today', overdose: 'yes', pregnant: 'no', medication: 'interested' },
  'a person who uses every substance asked about': { for_whom: 'self', substances: ['alcohol', 'opioids', 'stimulants', 'cannabis', 'sedatives', 'other'], stage: 'changing' },
  'a person with thoughts of self-harm': { for_whom: 'self', self_harm: 'nearly_every_day', substances: ['stimulants'] },
  'a person who uses nothing': { for_whom: 'self', substances: ['none'] },
  'one who skips every question': {},
  'a mother worried about her son': { for_whom: 'loved_one', lo_danger: 'no', lo_relationship: 'parent', substances: ['opioids'], lo_stage: 'not_ready' },
  'a partner in danger at home': { for_whom: 'loved_one', lo_safety: 'yes', phq2_1: 3, phq2_2: 3, self_harm: 'several_days' },
  'a veteran just out of jail with thoughts of self-harm': { for_whom: 'self', age_group: '26_64', sex: 'male', self_harm: 'several_days', substances: ['opioids', 'alcohol'], use_freq_opioids: 'weekly', auditc_1: 2, auditc_2: 1, auditc_3: 1, last_use: '1_3_months', overdose: 'yes', injection: 'no', justice: 'recently_released', stage: 'changing' },
};

test('each result is read in a minute: at most 4 screens at 360 x 740 before "show more", each phone once', async (t) => {
  // The demo page's config: the center's programs, meetings and phones, as a center copies it.
  const site = await serve({ root: DIST, pages: { '/': await readFile(new URL('../../www/index.html', import.meta.url), 'utf8') } });
  t.after(() => site.close());
  for (const [who, plan] of Object.entries(VISITORS)) {
    const context = await browser.newContext({ viewport: PHONE });
    t.after(() => context.close());
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.locator('peer-path .pp:not([data-shell]) [data-action=start]').waitFor();
    await walk(page, plan);
    const seen = await page.evaluate(() => {
      const screen = document.querySelector('peer-path').shadowRoot.querySelector('.screen');
      // What shows before any "show more": links inside a closed <details> are not drawn.
      const phones = [...screen.querySelectorAll('a[href^="tel:"]')].filter((a) => a.getClientRects().length).map((a) => a.getAttribute('href'));
      return { height: screen.getBoundingClientRect().height, phones };
    });
    const screens = seen.height / PHONE.height;
    assert.ok(screens <= 4, `${who}: the result is ${screens.toFixed(1)} screens`);
    assert.equal(new Set(seen.phones).size, seen.phones.length, `${who}: a phone twice: ${seen.phones.join(' ')}`);
  }
});

/** Every page of a path, by Next, measured as it opens; `size` is 200 % text when given. */
async function pagesOpened(page, plan) {
  await page.locator('peer-path .pp:not([data-shell]) [data-action=start]').click();
  const pages = [];
  for (let guard = 0; guard < 20; guard++) {
    await page.waitForFunction(() => document.querySelector('peer-path').shadowRoot.activeElement?.hasAttribute('data-focus'));
    const seen = await page.evaluate(() => {
      const root = document.querySelector('peer-path').shadowRoot;
      if (root.querySelector('.next-steps')) return null;
      const box = (el) => el.getBoundingClientRect();
      const question = root.querySelector('fieldset[data-item]');
      const options = [...question.querySelectorAll('.option, label')];
      const screenTop = box(root.querySelector('.screen')).top;
      return {
        item: question.dataset.item,
        height: innerHeight,
        bar: box(root.querySelector('.bar')).bottom,
        heading: box(root.activeElement).top,
        legend: box(question.querySelector('legend')),
        firstOption: box(options[0]),
        // Where Next is, in screens from the top of the page as it opened.
        next: (box(root.querySelector('.screen [data-action=next]')).bottom - screenTop) / innerHeight,
      };
    });
    if (!seen) return pages;
    pages.push(seen);
    for (const id of await page.locator('peer-path fieldset[data-item]').evaluateAll((f) => f.map((e) => e.dataset.item))) {
      for (const value of [].concat(plan[id] ?? [])) await page.locator(`peer-path input[name="${id}"][value="${value}"]`).check();
    }
    await page.locator('peer-path .screen [data-action=next]').click();
  }
  throw new Error('no result');
}

for (const [name, viewport, fontSize] of [
  ['360 x 740', PHONE],
  ['320 px', { width: 320, height: 640 }],
  ['200 % zoom (1280 x 800)', { width: 640, height: 400 }],
  ['200 % text on a 360 px phone', PHONE, '200%'],
]) {
  test(`at ${name}, each page opens with its heading in the top third and its question in view`, async (t) => {
    const site = await serve({ root: DIST, pages: { '/': await readFile(new URL('../../www/index.html', import.meta.url), 'utf8') } });
    t.after(() => site.close());
    for (const plan of [{ for_whom: 'self', substances: ['alcohol', 'opioids'], stage: 'changing' }, { for_whom: 'loved_one', substances: ['opioids'] }]) {
      const context = await browser.newContext({ viewport });
      t.after(() => context.close());
      const page = await context.newPage();
      await page.goto(`${site.url}/`);
      await page.locator('peer-path .pp:not([data-shell]) [data-action=start]').waitFor();
      if (fontSize) await page.evaluate((size) => document.querySelector('peer-path').style.setProperty('--pp-font-size', size), fontSize);
      const pages = await pagesOpened(page, plan);
      for (const seen of pages) {
        const where = `${name}, ${plan.for_whom}, ${seen.item}`;
        assert.ok(seen.heading >= seen.bar - 1 && seen.heading < seen.height / 3, `${where}: the heading at ${seen.heading}px of ${seen.height}`);
        assert.ok(seen.legend.top >= seen.bar - 1, `${where}: the question starts under the bar`);
        if (fontSize) {
          // With 200 % text on a phone two of the loved-one questions are longer than the
          // room under the heading (12 lines); the rest are whole.
          const room = seen.height - seen.heading;
          if (seen.legend.height < room * 0.9) assert.ok(seen.legend.bottom <= seen.height, `${where}: the question ends at ${seen.legend.bottom}px`);
          else assert.ok(seen.legend.top < seen.height / 2, `${where}: the long question starts at ${seen.legend.top}px`);
        } else {
          assert.ok(seen.legend.bottom <= seen.height, `${where}: the question ends at ${seen.legend.bottom}px`);
          assert.ok(seen.firstOption.bottom <= seen.height, `${where}: the first answer ends at ${seen.firstOption.bottom}px`);
        }
      }
      if (name === '360 x 740') {
        // Next without hunting: pages whose Next is more than 1.5 screens down (7 of 11 on the
        // own path before issue 25; `make bench` reports them).
        const far = pages.filter((p) => p.next > 1.5).map((p) => `${p.item} ${p.next.toFixed(2)}`);
        assert.ok(far.length <= (plan.for_whom === 'self' ? 3 : 1), `${plan.for_whom}: ${far.join(', ')}`);
      }
    }
  });
}
