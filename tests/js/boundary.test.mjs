// The shipped module (release build, wasm-bindgen's generated glue) seen from JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import peerpath from './load.mjs';

const sample = {
  for_whom: 'self', age_group: '26_64', substances: ['alcohol'], auditc_1: 3, auditc_2: 2,
  auditc_3: 1, sex: 'female', phq2_1: 2, phq2_2: 1, housing: 'stable_sober', approach: 'secular',
  format: 'either', group_comfort: 'nervous_willing', stage: 'preparing', goal: 'stop',
};

test('evaluate returns the result shape of screening.md', () => {
  const result = peerpath.evaluate(sample, { lang: 'en' });
  assert.equal(result.version, peerpath.version());
  assert.equal(result.lang, 'en');
  assert.deepEqual(Object.keys(result).slice(0, 9),
    ['version', 'lang', 'urgent', 'care', 'groups', 'aftercare', 'local', 'scores', 'profile']);
  assert.deepEqual(result.urgent, []);
  assert.equal(result.care.level, 'peer_support');
  assert.equal(result.groups[0].id, 'smart_recovery');
  for (const entry of [...result.groups, ...result.aftercare]) {
    assert.equal(typeof entry.score, 'number');
    assert.ok(entry.reasons.length > 0, entry.id);
    for (const reason of entry.reasons) {
      assert.equal(typeof reason.text, 'string');
      for (const item of reason.because) assert.ok(item in sample, `${entry.id} names ${item}`);
    }
  }
  assert.deepEqual(result.scores.auditc, { score: 6, max: 12, positive: true, complete: true, high_risk: false });
  assert.deepEqual(result.scores.phq2, { score: 3, max: 6, positive: true, complete: true });
  assert.equal(result.scores.gad2, null);
  assert.equal(result.profile.domains.length, 9);
});

test('errors are Error objects with code, item and message', () => {
  assert.throws(() => peerpath.evaluate({ auditc_2: 7 }), (error) => {
    assert.ok(error instanceof Error);
    assert.equal(error.code, 'invalid_value');
    assert.equal(error.item, 'auditc_2');
    assert.match(error.message, /auditc_2.*0 to 4/);
    assert.equal(error.errors.length, 1);
    return true;
  });
  assert.throws(() => peerpath.evaluate({ nope: 1 }), { code: 'unknown_item', item: 'nope' });
  assert.throws(() => peerpath.evaluate({ times: 'weekend' }), { code: 'wrong_type', item: 'times' });
  assert.throws(() => peerpath.evaluate(null), { code: 'invalid_answers' });
  // Still works afterwards.
  assert.equal(peerpath.evaluate(sample).care.level, 'peer_support');
});

test('questionnaire gives every item with labels and skip logic', () => {
  const q = peerpath.questionnaire('en');
  const ids = q.items.map((item) => item.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.includes('lo_danger') && ids.includes('barc_10'));
  const freq = q.items.find((item) => item.id === 'use_freq_cannabis');
  assert.deepEqual(freq.show_when.all[1], { item: 'substances', has: ['cannabis'] });
  assert.equal(q.prefer_not, 'I prefer not to say');
});
