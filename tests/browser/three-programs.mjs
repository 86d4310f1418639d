// The center of issue 27, as a web person fills it in the configurator (static or Settings >
// PeerPath): three programs, one of them in Spanish, and the intergroup's meeting list. Every
// action a person takes and every field they fill is counted (the goal: ten minutes for a
// person), so BENCHMARKS.md can say what each path asks.
import assert from 'node:assert/strict';

/** Counts actions and the fields filled; `act(locator, 'fill' | 'click' | ..., ...args)` takes one. */
export function counter() {
  const count = { actions: 0, fields: new Set() };
  count.act = async (locator, how, ...args) => {
    count.actions++;
    if (['fill', 'selectOption', 'check'].includes(how)) count.fields.add(await locator.evaluate((el) => el.id || el.dataset.field || el.name));
    return locator[how](...args);
  };
  count.key = async (page, key) => {
    count.actions++;
    await page.keyboard.press(key);
  };
  count.type = async (page, text) => {
    count.actions++;
    await page.keyboard.type(text);
  };
  return count;
}

/**
 * Fills the center: its name, phone and zone, the meeting list, an evening IOP from a common
 * schedule, a copy of it in Spanish (by keyboard), and a Saturday family group. `feed` is the
 * field for the meeting list (the static page's path on the site, or WordPress's other site).
 */
export async function fillThreePrograms(page, count, feed) {
  const { act } = count;
  await act(page.getByLabel('Name (required)'), 'fill', 'Harbor Recovery Center');
  await act(page.getByLabel('Admissions phone'), 'fill', '+1-760-555-0100');
  await act(page.getByLabel('Time zone of your schedules'), 'selectOption', 'America/Los_Angeles');
  await act(feed.field, 'fill', feed.value);
  await act(page.locator('#add'), 'click');
  const first = page.locator('.resource').nth(0);
  await act(first.locator('[data-field=name]'), 'fill', 'Evening IOP');
  await act(first.locator('[data-field=kind]'), 'selectOption', 'intensive_outpatient');
  await act(first.locator('[data-field=center_program]'), 'check');
  await act(first.getByLabel('Or start from a common schedule'), 'selectOption', 'weekday_evenings');
  await act(first.getByRole('button', { name: 'Add these times' }), 'click');
  // The Spanish program: a copy of the first, by keyboard from its button.
  await first.getByRole('button', { name: 'Copy this program' }).focus();
  await count.key(page, 'Enter');
  const second = page.locator('.resource').nth(1);
  // The copy is named as one, its name focused and selected, so typing replaces it.
  assert.equal(await second.locator('[data-field=name]').inputValue(), 'Evening IOP (copy)');
  assert.ok(await second.locator('[data-field=name]').evaluate((el) => el === document.activeElement && el.selectionEnd - el.selectionStart === el.value.length));
  await count.type(page, 'IOP en español');
  await act(second.getByText('More about this program'), 'click');
  await act(second.locator('[data-field=languages] input[value=es]'), 'check');
  await act(second.locator('[data-field=es_name]'), 'fill', 'IOP en español');
  await act(page.locator('#add'), 'click');
  const third = page.locator('.resource').nth(2);
  await act(third.locator('[data-field=name]'), 'fill', 'Family Saturday group');
  await act(third.locator('[data-field=kind]'), 'selectOption', 'family_program');
  await act(third.getByLabel('Or start from a common schedule'), 'selectOption', 'saturday');
  await act(third.getByRole('button', { name: 'Add these times' }), 'click');
  return { first, second, third };
}
