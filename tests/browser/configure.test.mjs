// The configurator (configure.html, distribution.md) in Debian's Chromium, from the shipped
// files: a config built from nothing by keyboard and pointer, every problem beside its field,
// the file and the snippet as output, a live preview, an existing config opened with nothing
// lost, axe clean, and no request beyond the page's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, launch, axe, DIST } from './harness.mjs';
import { counter, fillThreePrograms } from './three-programs.mjs';

let browser;
let site;
before(async () => {
  browser = await launch();
  site = await serve({ root: DIST });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function open() {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).origin));
  await page.goto(`${site.url}/configure.html`);
  await page.locator('#summary', { hasText: /error|ready/ }).waitFor();
  return { context, page, errors, requests };
}

const output = async (page) => JSON.parse(await page.locator('#json').inputValue());

test('a config built from nothing by keyboard and pointer, checked as it is filled in, with a preview', async () => {
  const { context, page, errors, requests } = await open();
  // Empty: the one required field is named beside it.
  assert.match(await page.locator('#summary').innerText(), /1 error/);
  assert.match(await page.locator('[data-path="center.name"] ~ .problem').innerText(), /required/);
  // By keyboard: focus the name, type, Tab on to the phone.
  await page.locator('[data-path="center.name"]').focus();
  await page.keyboard.type('Harbor Recovery Center');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+1-555-0100');
  await page.locator('[data-path="center.timezone"]').selectOption('America/Los_Angeles');
  // By pointer: a program.
  await page.locator('#add').click();
  const program = page.locator('.resource').first();
  await program.locator('[data-field=name]').fill('Evening IOP');
  await program.locator('[data-field=kind]').selectOption('intensive_outpatient');
  await program.locator('[data-field=center_program]').check();
  await program.getByLabel('Day').selectOption('2');
  await program.getByLabel('Starts at').fill('19:00');
  // A second day, by keyboard from its button: the new row's day has the focus.
  await program.getByRole('button', { name: 'Add a day and time' }).click();
  await page.keyboard.press('End'); // Saturday, the last day in the list
  assert.equal(await program.locator('.slot').nth(1).getByLabel('Day').inputValue(), '6');
  await program.locator('.slot').nth(1).getByLabel('Day').selectOption('4');
  // A day without a time: named at that row's time.
  await program.locator('.slot').nth(1).locator('[data-field=start][aria-invalid=true]').waitFor();
  assert.match(await program.locator('.slot').nth(1).locator('.problem').innerText(), /is required/);
  await program.locator('.slot').nth(1).getByLabel('Starts at').fill('18:00');
  await program.locator('.slot').nth(1).getByLabel('Ends at').fill('20:30');
  // A third, then removed.
  await program.getByRole('button', { name: 'Add a day and time' }).click();
  await program.locator('.slot').nth(2).getByLabel('Day').selectOption('0');
  await program.locator('.slot').nth(2).getByRole('button', { name: 'Remove this time' }).click();
  assert.equal(await program.locator('.slot').count(), 2);
  // The fields most programs leave empty are folded until asked for.
  assert.equal(await program.locator('[data-field=es_name]').isVisible(), false);
  await program.getByText('More about this program').click();
  await program.locator('[data-field=es_name]').fill('IOP por la tarde');
  await program.locator('[data-field=audience] input[value=women]').check();
  await program.locator('[data-field=languages] input[value=es]').check();
  await page.locator('details.choices summary').click();
  await page.locator('#hide input[value=moderation_management]').check();
  await page.locator('#summary', { hasText: 'No problems' }).waitFor();
  const config = await output(page);
  assert.deepEqual(config.center, { name: 'Harbor Recovery Center', phone: '+1-555-0100', timezone: 'America/Los_Angeles' });
  assert.deepEqual(config.resources, [{
    id: 'evening-iop', name: 'Evening IOP', kind: 'intensive_outpatient', center_program: true,
    schedule: [{ day: 2, start: '19:00' }, { day: 4, start: '18:00', end: '20:30' }], i18n: { es: { name: 'IOP por la tarde' } },
    audience: ['women'], languages: ['es'],
  }]);
  assert.deepEqual(config.hide, ['moderation_management']);
  // The lines use the folder the configurator is served from (here the site's root).
  assert.match(await page.locator('#snippet').inputValue(), /<script type="module" src="\/peer-path.js"><\/script>\n<peer-path config="\/center.json">/);
  // Isolated mode: the sites that frame it, one per line, and the lines for such a page.
  await page.getByLabel(/Sites that show the widget in isolated mode/).fill('https://www.harbor.example\n\n https://harbor.example ');
  assert.deepEqual((await output(page)).embed_origins, ['https://www.harbor.example', 'https://harbor.example']);
  const isolated = await page.locator('#snippet-isolated').inputValue();
  assert.ok(isolated.includes(`<peer-path-frame config="${new URL('/center.json', page.url())}">`), isolated);
  // Where the widget cannot run, the page shows the center's phone, 988 and 911.
  assert.match(isolated, /<p>Call us at <a href="tel:\+15550100">\+1-555-0100<\/a>\. If you need help now, call or text <a href="tel:988">988<\/a>\. In an emergency, call <a href="tel:911">911<\/a>\.<\/p>/);
  await page.getByLabel(/Sites that show the widget in isolated mode/).fill('www.harbor.example');
  await page.locator('[data-path=embed_origins][aria-invalid=true]').waitFor();
  assert.match(await page.locator('.problem').first().innerText(), /embed_origins|origin|https/i);
  // "Ready" means it works: the site listed with "www." only is named beside the field, since a
  // visitor at harbor.example would see only the fallback (distribution.md v3).
  await page.getByLabel(/Sites that show the widget in isolated mode/).fill('https://www.harbor.example');
  await page.locator('#summary', { hasText: '0 error(s) and 1 warning(s)' }).waitFor();
  assert.match(await page.locator('[data-path=embed_origins] ~ .problem, .problem').first().innerText(), /lists https:\/\/www\.harbor\.example but not https:\/\/harbor\.example/);
  await page.getByLabel(/Sites that show the widget in isolated mode/).fill('https://www.harbor.example\nhttps://harbor.example');
  await page.locator('#summary', { hasText: 'No problems' }).waitFor();
  // The preview runs the widget with this config.
  await page.locator('#preview peer-path .pp:not([data-shell])').waitFor();
  assert.match(await page.locator('#preview peer-path .screen').innerText(), /including programs at Harbor Recovery Center/);
  // The file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  assert.equal(download.suggestedFilename(), 'center.json');
  await axe(page, 'the configurator, filled in');
  assert.deepEqual(errors, []);
  assert.deepEqual([...new Set(requests)], [site.url], 'nothing from another origin');
  await context.close();
});

test('an invalid value is shown at its field, named, and the rest still builds', async () => {
  const { context, page } = await open();
  await page.locator('[data-path="center.name"]').fill('Harbor');
  await page.locator('[data-path="center.phone"]').fill('call us');
  await page.locator('[data-path="quick_exit_url"]').fill('javascript:alert(1)');
  await page.locator('#add').click();
  await page.locator('.resource [data-field=name]').fill('Family night');
  await page.locator('[data-field=kind][aria-invalid=true]').waitFor();
  assert.match(await page.locator('#summary').innerText(), /3 error\(s\)/);
  const phone = page.locator('[data-path="center.phone"]');
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  const note = await page.locator(`#${await phone.getAttribute('aria-describedby')}`).innerText();
  assert.match(note, /phone/i);
  assert.equal(await page.locator('[data-path="quick_exit_url"]').getAttribute('aria-invalid'), 'true');
  // The program without a kind: named at its kind.
  assert.match(await page.locator('#problems').innerText(), /resources\[0\]\.kind/);
  assert.equal(await page.locator('.resource [data-field=kind]').getAttribute('aria-invalid'), 'true');
  await axe(page, 'the configurator with problems');
  await context.close();
});

test('an existing config opens with every field kept, those the form does not show too', async () => {
  const { context, page } = await open();
  const file = fileURLToPath(new URL('../../www/center.json', import.meta.url));
  await page.locator('#open').setInputFiles(file);
  await page.locator('[data-path="center.name"]').evaluate((input) => input.value).then(async (v) => {
    if (!v) await page.waitForFunction(() => document.querySelector('[data-path="center.name"]').value !== '');
  });
  assert.equal(await page.locator('[data-path="center.name"]').inputValue(), 'Harbor Recovery Center');
  const original = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8'));
  assert.equal(await page.locator('.resource').count(), original.resources.length);
  const config = await output(page);
  assert.deepEqual(config, original, 'nothing lost or changed by opening and saving');
  await context.close();
});

test('opened as a file, where browsers do not run it, the page says how to open it instead', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(DIST, 'configure.html')).href);
  await page.locator('#not-running').waitFor({ state: 'visible' });
  assert.match(await page.locator('#not-running').innerText(), /Open this page from your\s+web site/);
  // Served, it runs, and the line is gone.
  await page.goto(`${site.url}/configure.html`);
  await page.locator('#summary', { hasText: /error|ready/ }).waitFor();
  assert.equal(await page.locator('#not-running').count(), 0);
  await context.close();
});

/** Opens `text` as a config file named `name` in the page's "open" control. */
async function openText(page, name, text) {
  await page.locator('#open').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a hostile phone in an opened config never becomes markup in the lines a center pastes (issue 24)', async () => {
  const { context, page, errors } = await open();
  const hostile = '555-0100"><script src=//evil.example/x.js></script>';
  await openText(page, 'center.json', JSON.stringify({ center: { name: 'Harbor', phone: hostile }, languages: ['en"><script>alert(1)</script>'] }));
  await page.locator('[data-path="center.phone"][aria-invalid=true]').waitFor();
  for (const id of ['#snippet', '#snippet-isolated']) {
    const snippet = await page.locator(id).inputValue();
    assert.ok(!/<script src=\/\/evil|<script>alert/.test(snippet), `${id}: ${snippet}`);
    // What the pasted lines make of it: one script of the widget's own, no other element.
    const made = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return [...doc.querySelectorAll('script')].map((s) => s.getAttribute('src'));
    }, snippet);
    assert.equal(made.length, 1, `${id}: ${made}`);
    assert.match(made[0], /peer-path(-frame)?\.js$/);
  }
  // A phone the check accepts is kept, as text.
  await page.locator('[data-path="center.phone"]').fill('+1 (555) 010-0100');
  assert.match(await page.locator('#snippet').inputValue(), /Call us at <a href="tel:\+15550100100">\+1 \(555\) 010-0100<\/a>\./);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an opened config with keys that hold quotes and brackets opens, and its problems show', async () => {
  const { context, page, errors } = await open();
  await openText(page, 'odd.json', JSON.stringify({ center: { name: 'Harbor', '"]': 1, 'x"] , *': 2 }, '"][data-path': true }));
  await page.locator('#summary', { hasText: /warning/ }).waitFor();
  assert.equal(await page.locator('[data-path="center.name"]').inputValue(), 'Harbor');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a config too deep or too large is refused with a sentence, and the page keeps working', async () => {
  const { context, page, errors } = await open();
  const started = Date.now();
  await openText(page, 'deep.json', `{"center":{"name":"Deep"},"x":${'['.repeat(100000)}${']'.repeat(100000)}}`);
  await page.locator('#summary', { hasText: /more than 64 levels deep/ }).waitFor();
  await openText(page, 'huge.json', `{"center":{"name":"Huge","hours":"${'x'.repeat(11 * 1024 * 1024)}"}}`);
  await page.locator('#summary', { hasText: /at most 2 MiB/ }).waitFor();
  assert.ok(Date.now() - started < 10000, 'refused quickly');
  // Still working: a field typed in is checked.
  await page.locator('[data-path="center.name"]').fill('Harbor');
  await page.locator('#summary', { hasText: /ready|warning|error/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('opening a config does not request its meeting list address (the preview leaves it out)', async () => {
  const requests = [];
  const { context, page } = await open();
  page.on('request', (r) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));
  await openText(page, 'center.json', JSON.stringify({ center: { name: 'Harbor' }, meeting_guide_url: '/wp-admin/admin-ajax.php?action=delete_everything' }));
  await page.locator('#preview peer-path').waitFor();
  await page.waitForTimeout(1500);
  assert.deepEqual(requests.filter((r) => r.includes('admin-ajax')), []);
  // The address stays in the config itself.
  assert.equal((await output(page)).meeting_guide_url, '/wp-admin/admin-ajax.php?action=delete_everything');
  await context.close();
});

test('a program with a schedule and no time zone is warned about at the zone, until one is chosen (issue 25)', async () => {
  const { context, page, errors } = await open();
  await page.locator('[data-path="center.name"]').fill('Harbor Recovery Center');
  await page.locator('#add').click();
  const program = page.locator('.resource').first();
  await program.locator('[data-field=name]').fill('Alumni Night');
  await program.locator('[data-field=kind]').selectOption('alumni_group');
  await program.getByLabel('Day').selectOption('4');
  await program.getByLabel('Starts at').fill('19:00');
  const zone = page.locator('[data-path="center.timezone"] ~ .problem');
  await zone.waitFor();
  assert.match(await zone.innerText(), /is missing, and 1 resource\(s\) with a schedule give no time zone/);
  assert.match(await page.locator('#summary').innerText(), /1 warning/);
  await page.locator('[data-path="center.timezone"]').selectOption('America/New_York');
  await page.locator('#summary', { hasText: /ready/ }).waitFor();
  assert.equal(await zone.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('values a hand-edited config gets wrong are named for what they are, never as missing (issue 27)', async () => {
  const { context, page } = await open();
  const config = {
    center: { name: 'Harbor', timezone: 'America/New_York' },
    languages: ['es-MX', 'english'],
    resources: [{ id: 'evening', name: 'Evening group', kind: 'no_such_kind', schedule: [{ day: 'Tuesday', start: '25:00', end: '9pm' }] }],
  };
  await openText(page, 'center.json', JSON.stringify(config));
  await page.locator('.resource [data-field=start]').first().waitFor();
  await page.locator('#problems', { hasText: '25:00' }).waitFor();
  const problems = await page.locator('#problems').innerText();
  for (const written of ['25:00', '9pm', 'Tuesday', 'no_such_kind']) assert.match(problems, new RegExp(written), problems);
  assert.doesNotMatch(problems, /is required/, problems);
  // Saved as opened until fixed: nothing dropped silently.
  const saved = await output(page);
  assert.deepEqual(saved.resources[0].schedule, config.resources[0].schedule);
  assert.equal(saved.resources[0].kind, 'no_such_kind');
  // Languages in the file's order (Spanish first stays the default), one the widget does not
  // speak named beside the list, and unticked by the person, not dropped unseen.
  assert.deepEqual(saved.languages, ['es', 'english']);
  const languages = page.locator('fieldset[data-path=languages]');
  assert.deepEqual(await languages.locator('input').evaluateAll((boxes) => boxes.map((b) => [b.value, b.checked])), [['es', true], ['english', true], ['en', false]]);
  assert.match(await languages.locator('.problem').innerText(), /"english" is not a language the widget speaks \(en, es\)/);
  await languages.getByLabel('english', { exact: true }).uncheck();
  assert.deepEqual((await output(page)).languages, ['es']);
  assert.equal(await languages.locator('.problem').count(), 0);
  await context.close();
});

test('the center\'s brand and place (center-config.md v3): set in the form, previewed live, checked beside the field, and kept when a config is opened', async () => {
  const { context, page, errors } = await open();
  await page.getByLabel('Name (required)').fill('Harbor Recovery Center');
  await page.locator('#preview peer-path .pp:not([data-shell])').waitFor();
  const startColor = () => page.locator('#preview peer-path [data-action=start]').evaluate((b) => getComputedStyle(b).backgroundColor);
  // The picker writes the accent; the preview redraws with it.
  await page.locator('#accent-picker').fill('#5b2a86');
  assert.equal(await page.getByLabel(/Accent color/).inputValue(), '#5b2a86');
  await page.waitForFunction(() => {
    const b = document.querySelector('#preview peer-path')?.shadowRoot?.querySelector('[data-action=start]');
    return b && getComputedStyle(b).backgroundColor === 'rgb(91, 42, 134)';
  });
  await page.getByLabel('Light or dark').selectOption('dark');
  await page.waitForFunction(() => {
    const pp = document.querySelector('#preview peer-path')?.shadowRoot?.querySelector('.pp:not([data-shell])');
    return pp && getComputedStyle(pp).backgroundColor === 'rgb(20, 32, 31)';
  });
  assert.deepEqual((await output(page)).theme, { accent: '#5b2a86', scheme: 'dark' });
  // Too light for the white text on buttons: named beside the field, and the rest still builds.
  await page.getByLabel(/Accent color/).fill('#ffd700');
  await page.locator('#summary', { hasText: '0 error(s) and 1 warning(s)' }).waitFor();
  assert.match(await page.locator('.problem').first().innerText(), /too light for the white text/);
  await page.getByLabel(/Accent color/).fill('teal');
  await page.locator('[data-path="theme.accent"][aria-invalid=true]').waitFor();
  await page.getByLabel(/Accent color/).fill('#5b2a86');
  // The center's place and the radius the sync keeps meetings within, folded away.
  await page.getByText('Where your center is').click();
  await page.getByLabel('Latitude (such as 33.19)').fill('33.19');
  await page.getByLabel('Longitude (such as -117.38)').fill('-117.38');
  await page.getByLabel(/Keep meetings within/).fill('40');
  await page.locator('#summary', { hasText: 'No problems' }).waitFor();
  const config = await output(page);
  assert.deepEqual([config.center.lat, config.center.lon, config.feed_radius_miles], [33.19, -117.38, 40]);
  await page.getByLabel(/Keep meetings within/).fill('9000');
  await page.locator('[data-path=feed_radius_miles][aria-invalid=true]').waitFor();
  // Opened again, every one of them is back in its field.
  await openText(page, 'center.json', JSON.stringify({ ...config, theme: { accent: '#1d5c4d', font: 'inherit', scheme: 'light' } }));
  await page.locator('#summary', { hasText: 'No problems' }).waitFor();
  assert.equal(await page.getByLabel(/Accent color/).inputValue(), '#1d5c4d');
  assert.equal(await page.getByLabel('Font').inputValue(), 'inherit');
  assert.equal(await page.getByLabel('Latitude (such as 33.19)').inputValue(), '33.19');
  assert.deepEqual((await output(page)).theme, { accent: '#1d5c4d', font: 'inherit', scheme: 'light' });
  await axe(page, 'configurator with the brand');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a three-program center (one in Spanish) by keyboard and pointer: copy a program, common schedules, a draft that survives a reload, axe clean; the actions it took are counted', async () => {
  const { context, page, errors } = await open();
  const count = counter();
  // The first program's schedule, and its copy, checked as they are made.
  const { first, second } = await fillThreePrograms(page, count, { field: page.getByLabel(/Meeting list on your site/), value: '/peerpath/meetings.json' });
  assert.equal(await first.locator('.slot').count(), 5, 'Monday to Friday, the empty row gone');
  assert.equal(await first.locator('.slot').nth(0).getByLabel('Starts at').inputValue(), '18:00');
  assert.equal(await second.locator('.slot').count(), 5, 'the schedule came with the copy');
  await page.locator('#summary', { hasText: 'No problems' }).waitFor();
  const config = await output(page);
  assert.deepEqual(config.resources.map((r) => [r.id, r.name, r.kind, r.schedule.length, r.languages ?? null]), [
    ['evening-iop', 'Evening IOP', 'intensive_outpatient', 5, null],
    ['iop-en-espanol', 'IOP en español', 'intensive_outpatient', 5, ['es']],
    ['family-saturday-group', 'Family Saturday group', 'family_program', 1, null],
  ]);
  assert.deepEqual(config.resources[2].schedule, [{ day: 6, start: '10:00', end: '12:00' }]);
  await axe(page, 'configurator with three programs');
  // On a phone the form fits its width: no field or list wider than the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  await page.setViewportSize({ width: 900, height: 900 });
  console.log(`# a three-program center in the static configurator: ${count.actions} actions, ${count.fields.size} fields filled, then Download center.json (1) and the lines copied into a page (1)`);
  // The tab is reloaded (or closed) before the download: the draft comes back whole.
  await page.waitForTimeout(600); // the draft is kept as the preview is drawn
  await page.reload();
  await page.locator('#draft', { hasText: /Your draft from .* is back/ }).waitFor();
  assert.deepEqual(await output(page), config);
  assert.equal(await page.locator('.resource').nth(1).locator('details.more').evaluate((d) => d.open), true, 'filled folded fields are shown');
  // Downloaded: no draft after that.
  const download = page.waitForEvent('download');
  await page.locator('#download').click();
  await download;
  assert.equal(await page.locator('#draft').count(), 0);
  await page.reload();
  await page.locator('#summary', { hasText: /error/ }).waitFor();
  assert.equal(await page.getByLabel('Name (required)').inputValue(), '');
  assert.deepEqual(errors, []);
  await context.close();
});
