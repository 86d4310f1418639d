// The center config and the local finder in Debian's Chromium: hostile config strings stay
// text, the Meeting Guide feed is fetched once, and "near me" sorts on the device.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openAllSuggestions, embedding } from './harness.mjs';
import { complete } from './keyboard.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';


test('hostile strings in every config text field show as text and run nothing', async () => {
  const config = {
    center: { name: `Harbor ${HOSTILE}`, phone: '+1-555-0100', hours: HOSTILE, url: 'javascript:window.__pwned=3' },
    quick_exit_url: 'javascript:window.__pwned=4',
    resources: [{
      id: 'evil', name: `Group ${HOSTILE}`, kind: 'smart_recovery', description: HOSTILE, address: HOSTILE,
      url: 'javascript:window.__pwned=5', phone: '+1-555-0100', schedule: [{ day: 2, start: '19:00' }],
    }, {
      id: 'data', name: 'Data link', kind: 'smart_recovery', url: 'data:text/html,<script>alert(1)</script>',
    }],
    meeting_guide: [{ name: `Meeting ${HOSTILE}`, slug: 'm1', day: 2, time: '19:00', location: HOSTILE,
      formatted_address: '1 Main St', types: ['A'], conference_url: 'javascript:window.__pwned=6' }],
  };
  const site = await serve({ pages: { '/hostile.html': embedding(config) } });
  const context = await browser.newContext();
  const tab = await context.newPage();
  const warnings = [];
  tab.on('console', (m) => warnings.push(m.text()));
  await tab.goto(`${site.url}/hostile.html`);
  await tab.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await complete(tab, { for_whom: 'self', substances: ['alcohol'], approach: 'secular' });
  const seen = await tab.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    return {
      pwned: window.__pwned ?? null,
      images: root.querySelectorAll('img').length,
      scripts: root.querySelectorAll('script').length,
      hrefs: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      text: root.querySelector('.screen').textContent + root.querySelector('.crisis-lines').textContent,
    };
  });
  assert.equal(seen.pwned, null);
  assert.equal(seen.images, 0);
  assert.equal(seen.scripts, 0);
  assert.ok(seen.text.includes('<img src=x onerror="window.__pwned=1">'), 'the markup shows as plain text');
  assert.ok(seen.text.includes('Group <img'), 'the resource name shows as text');
  for (const href of seen.hrefs) assert.match(href, /^(https?:|tel:|sms:|mailto:)/, href);
  assert.ok(warnings.some((w) => w.includes('resources[0].url') && w.includes('dropped')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('quick_exit_url')), 'the bad quick exit is reported');
  await context.close();
  await site.close();
});

test('the demo center fetches its Meeting Guide feed once, and "near me" sorts on the device', async () => {
  const site = await serve();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    geolocation: { latitude: 33.2, longitude: -117.36 },
    permissions: ['geolocation'],
  });
  const tab = await context.newPage();
  await tab.goto(`${site.url}/`);
  await tab.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  assert.equal(site.requests.filter((p) => p === '/meetings.json').length, 1);
  const after = site.requests.length;
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));

  await complete(tab, { for_whom: 'self', substances: ['alcohol'], auditc_1: 2, auditc_2: 1, auditc_3: 0,
    approach: 'spiritual', times: ['weekday_evening'], language: 'en' });
  await openAllSuggestions(tab);
  const local = tab.locator('peer-path [data-list=local]');
  const cards = () => local.locator('.card').evaluateAll((els) => els.map((e) => ({
    id: e.dataset.id, text: e.innerText,
  })));
  const before = await cards();
  assert.ok(before.length >= 4, `only ${before.length} local matches`);
  assert.ok(before.every((c) => !/(km|mi) away/.test(c.text)), 'no distance before near me');
  assert.ok(before.some((c) => /Next: (today|tonight|tomorrow|\w+day), \d/.test(c.text)), 'next meeting in words');
  assert.ok(before.some((c) => c.id.startsWith('mg-')), 'meetings from the feed are listed');

  await local.locator('[data-action=near]').click();
  await tab.locator('peer-path [role=status]', { hasText: 'sorted by distance' }).waitFor();
  const sorted = await cards();
  assert.ok(sorted.some((c) => /About [\d.]+ (km|mi) away/.test(c.text)), sorted.map((c) => c.text).join('\n---\n'));
  assert.equal(await local.locator('[data-action=near]').count(), 0, 'the button goes once sorted');
  const focused = await tab.evaluate(() => document.querySelector('peer-path').shadowRoot.activeElement?.textContent);
  assert.match(focused, /near you/);
  // Where the visitor was: the list still open, its heading in view (not the result's top).
  assert.ok(await tab.locator('peer-path details.all-suggestions').evaluate((d) => d.open), 'the list the visitor opened stays open');
  const heading = await tab.evaluate(() => document.querySelector('peer-path').shadowRoot.activeElement.getBoundingClientRect().top);
  assert.ok(heading > 0 && heading < 900 / 2, `the list's heading at ${heading}px`);
  assert.deepEqual(requests, [], 'answering and sorting by distance sent nothing');
  assert.equal(site.requests.length, after);
  await context.close();
  await site.close();
});

test('when geolocation is refused, the list stays and the visitor is told', async () => {
  const site = await serve();
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${site.url}/`);
  await tab.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await complete(tab, { for_whom: 'self', substances: ['alcohol'], approach: 'spiritual' });
  await openAllSuggestions(tab);
  const count = await tab.locator('peer-path [data-list=local] .card').count();
  await tab.locator('peer-path [data-action=near]').click();
  await tab.locator('peer-path [role=status]', { hasText: 'could not get your location' }).waitFor();
  assert.equal(await tab.locator('peer-path [data-list=local] .card').count(), count);
  await context.close();
  await site.close();
});

test('next meeting times are shown in the meeting\'s own zone, named when it is not the visitor\'s', async () => {
  const config = {
    center: { name: 'Harbor' },
    meeting_guide: [
      { name: 'East Coast Online', slug: 'ny', day: 2, time: '19:00', timezone: 'America/New_York', types: ['ONL'], conference_url: 'https://zoom.example/j/2' },
      { name: 'West Coast Online', slug: 'la', day: 2, time: '19:00', timezone: 'America/Los_Angeles', types: ['ONL'], conference_url: 'https://zoom.example/j/3' },
    ],
  };
  const site = await serve({ pages: { '/tz.html': embedding(config) } });
  const context = await browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });
  const tab = await context.newPage();
  // Tuesday 24 November 2026, 3:00 PM in Los Angeles (6:00 PM in New York).
  await tab.clock.setFixedTime(new Date('2026-11-24T23:00:00Z'));
  await tab.goto(`${site.url}/tz.html`);
  await tab.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await complete(tab, { for_whom: 'self', substances: ['alcohol'], format: 'online' });
  await openAllSuggestions(tab);
  // In the next steps or in the list below them: each shows once.
  const text = (id) => tab.locator(`peer-path [data-id="${id}"]`).innerText();
  // 6:00 PM in New York: its meeting is tonight at 7, New York time, and says so.
  assert.match(await text('mg-ny'), /Next: tonight, 7:00\sPM EST/);
  assert.match(await text('mg-la'), /Next: tonight, 7:00\sPM(?! [A-Z])/);
  await context.close();
  await site.close();
});
