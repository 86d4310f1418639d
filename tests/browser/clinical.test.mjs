// Screening and catalog version 3 in the widget (issue 23), in Debian's Chromium: what a visitor
// sees first is the action a notice asks for (never "Call 911" for a habit), each phone line once
// in the body of a result, safety at home asked on the visitor's own path, and a copy someone
// could find asked about before it is made, with a copy without the safety section.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, axe, walk, DIST } from './harness.mjs';

const PHONE = { width: 360, height: 740 };
let browser;
let site;
before(async () => {
  browser = await launch();
  site = await serve({ root: DIST, pages: { '/': await readFile(new URL('../../www/index.html', import.meta.url), 'utf8') } });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function open() {
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url + '/');
  await page.locator('peer-path .pp:not([data-shell]) [data-action=start]').waitFor();
  return { context, page, errors };
}

/** The result's body: the first next step's links, and every call and text link in it. */
const body = (page) => page.evaluate(() => {
  const screen = document.querySelector('peer-path').shadowRoot.querySelector('.screen');
  const hrefs = [...screen.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')].map((a) => a.getAttribute('href'));
  const first = screen.querySelector('.next-steps li');
  return {
    firstStep: first?.dataset.step,
    firstButton: first?.querySelector('a')?.getAttribute('href'),
    hrefs,
    linesAbove: screen.querySelectorAll('.lines-above').length,
    text: screen.innerText,
  };
});

const MARIA = { for_whom: 'self', age_group: '26_64', sex: 'female', substances: ['alcohol'], auditc_1: 4, auditc_2: 1,
  auditc_3: 1, last_use: 'today', withdrawal: 'not_stopped', overdose: 'no', injection: 'no', pregnant: 'no', goal: 'not_sure' };
const VETERAN = { for_whom: 'self', age_group: '26_64', sex: 'male', self_harm: 'several_days', substances: ['opioids', 'alcohol'],
  use_freq_opioids: 'weekly', auditc_1: 2, auditc_2: 1, auditc_3: 1, last_use: '1_3_months', overdose: 'yes', injection: 'no',
  justice: 'recently_released', stage: 'changing' };

test('Maria, who drinks most nights and has not tried to stop, is first offered the center\'s line, never Call 911', async () => {
  const { context, page, errors } = await open();
  await walk(page, MARIA);
  const result = await body(page);
  assert.equal(result.firstStep, 'safety');
  assert.equal(result.firstButton, 'tel:+15550100', 'the center\'s admissions line leads');
  assert.match(result.text, /call 911/i, '911 stays in the words, for a seizure or confusion');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a veteran just out of jail with thoughts of self-harm reads each phone line once in the result', async () => {
  const { context, page, errors } = await open();
  await walk(page, VETERAN);
  const result = await body(page);
  assert.equal(result.firstButton, 'tel:988', 'the crisis line leads');
  const twice = result.hrefs.filter((href, i) => result.hrefs.indexOf(href) !== i);
  assert.deepEqual(twice, [], `given twice: ${twice}`);
  for (const line of ['tel:911', 'tel:+18006624357', 'tel:+15550100']) assert.ok(result.hrefs.includes(line), line);
  assert.ok(result.linesAbove >= 1, 'a notice that shares a line says so');
  assert.match(result.text, /838255/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('own path: afraid of someone at home brings the hotline at once; save and print ask first and offer a copy without it', async () => {
  const { context, page, errors } = await open();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.locator('peer-path [data-action=start]').click();
  // The safety page asks it beside the self-harm question.
  for (let guard = 0; guard < 12; guard++) {
    if (await page.locator('peer-path input[name=own_safety]').count()) break;
    await page.locator('peer-path input[name=for_whom][value=self]').check().catch(() => {});
    await page.locator('peer-path .screen [data-action=next]').click();
  }
  await page.locator('peer-path input[name=own_safety][value=yes]').check();
  const moment = await page.evaluate(() => [...document.querySelector('peer-path').shadowRoot.querySelectorAll('.moment [data-notice]')].map((n) => n.dataset.notice));
  assert.deepEqual(moment, ['domestic_violence'], 'the hotline comes before Next');
  await page.locator('peer-path .moment [data-action=continue]').click();
  // On to the result, skipping the rest.
  for (let guard = 0; guard < 15 && !(await page.locator('peer-path .next-steps').count()); guard++) {
    await page.locator('peer-path .screen [data-action=next]').click();
  }
  await page.locator('peer-path .screen:not([data-more]) .actions').waitFor();
  assert.equal((await body(page)).firstButton, 'tel:+18007997233');

  // Save: the question first, with focus on it, and nothing written yet.
  await page.locator('peer-path .actions [data-action=save]').click();
  const question = page.locator('peer-path .copy-question');
  await question.waitFor();
  assert.match(await question.innerText(), /could find this copy/);
  const focused = await page.evaluate(() => document.querySelector('peer-path').shadowRoot.activeElement?.closest('.copy-question') !== null);
  assert.ok(focused, 'focus moves to the question');
  await axe(page, 'copy question');
  assert.equal(downloads, 0, 'nothing is saved before the visitor chooses');
  const [download] = await Promise.all([page.waitForEvent('download'), question.locator('[data-safety=without]').click()]);
  const plain = await readFile(await download.path(), 'utf8');
  for (const hotline of ['7233', '88788', 'Your safety comes first']) assert.ok(!plain.includes(hotline), `${hotline} in the copy`);
  assert.match(plain, /not a diagnosis/);
  assert.equal(await question.count(), 0, 'the question closes');

  // The whole copy, when asked for, holds the hotline.
  await page.locator('peer-path .actions [data-action=save]').click();
  const [whole] = await Promise.all([page.waitForEvent('download'), page.locator('peer-path .copy-question [data-safety=with]').click()]);
  assert.match(await readFile(await whole.path(), 'utf8'), /7233/);

  // Print without the safety section: the print styles hide the notices while it prints.
  await page.evaluate(() => {
    window.printed = [];
    window.print = () => {
      const frame = document.querySelector('peer-path').shadowRoot.querySelector('.pp');
      window.printed.push(frame.getAttribute('data-print'));
    };
  });
  await page.locator('peer-path .actions [data-action=print]').click();
  await page.locator('peer-path .copy-question [data-safety=without]').click();
  assert.deepEqual(await page.evaluate(() => window.printed), ['no-safety']);
  await page.evaluate(() => document.querySelector('peer-path').shadowRoot.querySelector('.pp').setAttribute('data-print', 'no-safety'));
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    return [...root.querySelectorAll('.urgent, [data-step=safety]')].every((n) => getComputedStyle(n).display === 'none');
  });
  assert.ok(hidden, 'the safety section is not printed');
  // "Do not save or print" leaves nothing behind.
  await page.emulateMedia({ media: 'screen' });
  await page.locator('peer-path .actions [data-action=save]').click();
  await page.locator('peer-path .copy-question [data-action=no_copy]').click();
  assert.equal(await page.locator('peer-path .copy-question').count(), 0);
  assert.equal(downloads, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without the hotline in the result, save writes at once as before', async () => {
  const { context, page } = await open();
  await walk(page, { for_whom: 'self', substances: ['cannabis'], use_freq_cannabis: 'weekly' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('peer-path .actions [data-action=save]').click()]);
  assert.ok(download);
  assert.equal(await page.locator('peer-path .copy-question').count(), 0);
  await context.close();
});

test('the loved-one path asks the visitor about self-harm with low mood answers too', async () => {
  const { context, page } = await open();
  await walk(page, { for_whom: 'loved_one', lo_danger: 'no', lo_safety: 'no', phq2_1: 0, phq2_2: 0, self_harm: 'several_days' });
  const notices = await page.evaluate(() => [...document.querySelector('peer-path').shadowRoot.querySelectorAll('.screen [data-notice]')].map((n) => n.dataset.notice));
  assert.deepEqual(notices, ['crisis_988']);
  await context.close();
});
