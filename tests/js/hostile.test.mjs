// Hostile input to the scoring API module (issue 16): whatever a config, a feed or a caller
// gives, the module answers with named problems, does bounded work and keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import peerpath from './load.mjs';

const answers = { for_whom: 'self', substances: ['alcohol'], auditc_1: 2, auditc_2: 1, auditc_3: 0 };

test('negotiateLanguage without a window (node) answers, and the module keeps working', () => {
  assert.equal(typeof window, 'undefined');
  assert.equal(peerpath.negotiateLanguage({ center: { name: 'H' }, languages: ['es'] }, undefined), 'es');
  assert.equal(peerpath.negotiateLanguage(undefined, undefined), 'en');
  assert.equal(peerpath.evaluate(answers, { lang: 'en' }).lang, 'en');
});

test('evaluate in Spanish answers in Spanish: the scoring API module holds every language', () => {
  const es = peerpath.evaluate(answers, { lang: 'es' });
  const en = peerpath.evaluate(answers, { lang: 'en' });
  assert.equal(es.lang, 'es');
  assert.notEqual(es.care.title, en.care.title);
  assert.match(es.not_diagnosis ?? JSON.stringify(es), /diagn[oó]stico/i);
  assert.match(peerpath.questionnaire('es').prefer_not, /Prefiero no/);
});

test('nesting 100,000 deep is cut at a bound and the rest of the config used', () => {
  const deep = `${'['.repeat(100_000)}0${']'.repeat(100_000)}`;
  const config = JSON.parse(`{"center": {"name": "Harbor", "phone": "+1 555 0100"}, "quick_exit_url": "https://example.com/", "x": ${deep}}`);
  const problems = peerpath.checkConfig(config, null);
  assert.deepEqual(problems.map((p) => [p.path, p.kind]), [['x', 'unknown_field']]);
  const result = peerpath.evaluate(answers, { config });
  assert.ok(result.contacts.some((c) => c.tel === '+15550100'), JSON.stringify(result.contacts));
  // A value nested too deep where the widget reads is named.
  const named = peerpath.checkConfig(JSON.parse(`{"center": {"name": ${deep}}}`), null);
  assert.deepEqual(named.map((p) => [p.path, p.kind]), [['center.name', 'wrong_type']]);
});

test('a number JSON cannot hold (1e400) is named as it is, and the rest of the config used', () => {
  const config = JSON.parse('{"center": {"name": "Harbor", "phone": "+1 555 0100"}, "quick_exit_url": "https://example.com/", "resources": [{"id": "a", "name": "A", "kind": "outpatient", "lat": 1e400}, {"id": "b", "name": "B", "kind": "outpatient", "lat": 1e308}]}');
  const problems = peerpath.checkConfig(config, null);
  assert.deepEqual(problems.map((p) => p.path), ['resources[0].lat', 'resources[1].lat']);
  assert.match(problems[0].message, /^∞ is out of range/);
  assert.match(problems[1].message, /^1e308 is out of range/);
  const result = peerpath.evaluate(answers, { config });
  assert.ok(result.contacts.some((c) => c.tel === '+15550100'));
});

test('floods are bounded: a million zeros, 690,000 empty resources, a million fields', () => {
  const zeros = JSON.parse(`[${Array(1_000_000).fill('0').join(',')}]`);
  let problems = peerpath.checkConfig(null, zeros);
  assert.ok(problems.length <= 101, `${problems.length} problems`);
  assert.equal(problems.at(-1).kind, 'more_problems');
  assert.ok(problems.some((p) => p.kind === 'not_read' && p.path === 'meeting_guide_url'), JSON.stringify(problems.slice(0, 3)));

  const empties = JSON.parse(`{"center": {"name": "Harbor", "phone": "+1 555 0100"}, "resources": [${Array(690_000).fill('{}').join(',')}]}`);
  problems = peerpath.checkConfig(empties, null);
  assert.equal(problems.length, 101);
  assert.match(problems.at(-1).message, /^29901 more problem/);
  assert.ok(peerpath.evaluate(answers, { config: empties }).contacts.some((c) => c.tel === '+15550100'));

  const wide = {};
  for (let i = 0; i < 200_000; i++) wide[`f${i}`] = i;
  problems = peerpath.checkConfig({ center: { name: 'Harbor' }, x: wide }, null);
  assert.deepEqual(problems.map((p) => p.kind), ['unknown_field']);
  problems = peerpath.checkConfig({ ...wide, center: { name: 'Harbor' } }, null);
  assert.ok(problems.some((p) => p.kind === 'not_read' && p.path === ''), JSON.stringify(problems.slice(-3)));
});

test('long values are cut in messages, so a console or terminal is not flooded', () => {
  const long = 'A'.repeat(1_500_000);
  const problems = peerpath.checkConfig({ center: { name: 'Harbor', address: long }, [long]: 1 }, null);
  assert.ok(problems.length > 0);
  for (const p of problems) assert.ok(p.message.length + p.path.length < 400, `${p.kind}: ${p.message.length + p.path.length} characters`);
});
