// The module's allocator (talc, src/support/heap.rs) gives freed memory back out: checking the
// same large config again and again must not keep growing the WebAssembly memory, and a feed of
// about 2,000 meetings fits in a cheap phone's share (talc measured 5.3 MB; the bound leaves room).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import init, * as peerpath from '../../www/api/peerpath.js';

const wasm = await readFile(new URL('../../www/api/peerpath_bg.wasm', import.meta.url));
const exports = await init({ module_or_path: wasm });
const feed = JSON.parse(await readFile(new URL('../../www/meetings.json', import.meta.url), 'utf8'));

test('memory stops growing when the same work is done again', () => {
  const meetings = [];
  for (let copy = 0; copy < 6; copy++) meetings.push(...feed.map((m) => ({ ...m, slug: `${m.slug}-${copy}` })));
  const config = { center: { name: 'Memory Test' }, meeting_guide: meetings };
  const answers = { for_whom: 'self', substances: ['alcohol'], auditc_1: 2, auditc_2: 1, auditc_3: 0, approach: 'spiritual' };
  const size = () => exports.memory.buffer.byteLength;
  let settled = 0;
  for (let run = 0; run < 40; run++) {
    assert.deepEqual(peerpath.checkConfig(config), []);
    const result = peerpath.evaluate(answers, { config, now: { day: 2, minutes: 600 } });
    assert.ok(result.local.length > 0);
    if (run === 9) settled = size();
  }
  assert.equal(size(), settled, `memory grew from ${settled} to ${size()} bytes over 30 more runs`);
  console.log(`wasm memory after 10 and 40 runs: ${settled} bytes`);
  assert.ok(settled < 8 * 1024 * 1024, `${settled} bytes for ${meetings.length} meetings`);
});
