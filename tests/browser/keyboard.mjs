// Drives the widget with the keyboard alone: Tab, arrow keys, Space and Enter. The DOM is read
// only to decide which key to press next and to check where focus is.
import { wholeResult } from './harness.mjs';

/** What has focus inside the widget's shadow root (or the page when focus is outside it). */
export function active(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      name: el.getAttribute('name'),
      value: el.getAttribute('value'),
      action: el.getAttribute('data-action'),
      section: el.getAttribute('data-section') ?? undefined,
      focusHeading: el.hasAttribute('data-focus'),
      checked: el.checked ?? null,
      text: el.textContent?.trim().slice(0, 80),
    };
  });
}

/** Presses Tab until the focused element matches `want` (its fields), at most `limit` times. */
export async function tabTo(page, want, limit = 80) {
  for (let i = 0; i < limit; i++) {
    const now = await active(page);
    if (now && Object.entries(want).every(([k, v]) => now[k] === v)) return now;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${JSON.stringify(want)}`);
}

/** The current screen: its kind and, on a question page, its items with their inputs. */
export async function screen(page) {
  await wholeResult(page);
  return page.evaluate(() => {
    const root = document.querySelector('peer-path').shadowRoot;
    const items = [...root.querySelectorAll('fieldset[data-item]')].map((fieldset) => ({
      id: fieldset.dataset.item,
      inputs: [...fieldset.querySelectorAll('input')].map((i) => ({ type: i.type, value: i.value })),
    }));
    const has = (action) => !!root.querySelector(`[data-action="${action}"]`);
    const kind = root.querySelector('.urgent, .care') ? 'result'
      : root.querySelector('dl.review') ? 'review'
        : items.length ? 'page' : has('start') ? 'welcome' : 'other';
    return { kind, items };
  });
}

/** Chooses `value` (a string, a number, or a list for multi-choice) for one item. */
async function choose(page, item, value) {
  const values = (Array.isArray(value) ? value : [value]).map(String);
  const checkbox = item.inputs[0]?.type === 'checkbox';
  if (checkbox) {
    for (const v of values) {
      await tabTo(page, { name: item.id, value: v });
      await page.keyboard.press('Space');
    }
    return;
  }
  const target = values[0];
  await tabTo(page, { name: item.id });
  for (let i = 0; i <= item.inputs.length + 1; i++) {
    let now = await active(page);
    if (now.value === target) break;
    await page.keyboard.press('ArrowDown');
    now = await active(page);
    // A crisis answer on the way brought its help at once and took focus: if it was this
    // answer, the choice is made; if the arrow only passed through it, continue, which puts
    // focus back on that answer, and go on from there.
    if (now.name !== item.id && (await inPanel(page))) {
      if (await isChecked(page, item.id, target)) return;
      await tabTo(page, { action: 'continue' });
      await page.keyboard.press('Enter');
    }
  }
  const now = await active(page);
  if (now.value !== target) throw new Error(`could not reach ${item.id}=${target}`);
  if (!now.checked) await page.keyboard.press('Space');
}

/** Whether focus is in the crisis panel shown at once. */
function inPanel(page) {
  return page.evaluate(() => !!document.querySelector('peer-path').shadowRoot.querySelector('.moment')?.contains(document.querySelector('peer-path').shadowRoot.activeElement));
}

function isChecked(page, name, value) {
  return page.evaluate(([name, value]) => !!document.querySelector('peer-path').shadowRoot.querySelector(`input[name="${name}"][value="${value}"]`)?.checked, [name, value]);
}

/** The "sharpen your results" sections the result offers now, by `data-section`. */
function sections(page) {
  return page.evaluate(() => [...document.querySelector('peer-path').shadowRoot.querySelectorAll('[data-action=sharpen]')].map((b) => b.dataset.section));
}

/**
 * Answers the questionnaire from the welcome screen with `plan` (item id to value; items not in
 * the plan are skipped) up to the first result, then, when the plan answers items of the
 * optional sections after it, opens each such section from the result and answers it too.
 * Returns the number of question pages before the first result. After every move, focus must
 * be on the new screen's heading.
 */
export async function complete(page, plan, each = async () => {}) {
  await tabTo(page, { action: 'start' });
  await page.keyboard.press('Enter');
  const first = await answerPages(page, plan, each);
  const opened = new Set();
  for (;;) {
    const section = (await sections(page)).find((s) => !opened.has(s));
    if (!section) return first;
    opened.add(section);
    await tabTo(page, { action: 'sharpen', section });
    await page.keyboard.press('Enter');
    await answerPages(page, plan, each);
  }
}

/** Answers pages until the result shows; gives the number of pages. */
async function answerPages(page, plan, each) {
  let pages = 0;
  for (let guard = 0; guard < 80; guard++) {
    await each();
    const now = await screen(page);
    const focused = await active(page);
    if (!focused?.focusHeading) throw new Error(`focus is not on the heading of the ${now.kind} screen: ${JSON.stringify(focused)}`);
    if (now.kind === 'result') return pages;
    if (now.kind === 'page') {
      pages++;
      for (const item of now.items) {
        if (item.id in plan) await choose(page, item, plan[item.id]);
      }
    }
    await tabTo(page, { action: 'next' });
    await page.keyboard.press('Enter');
  }
  throw new Error('the questionnaire never ended');
}
