// `make bench`: evaluate in WebAssembly under node, median of repeated batches.
import os from 'node:os';
import peerpath from './load.mjs';

const visitors = {
  'own use, every item': {
    for_whom: 'self', age_group: '26_64', self_harm: 'not_at_all', harm_others: 'no',
    substances: ['alcohol', 'opioids'], auditc_1: 4, auditc_2: 3, auditc_3: 2, sex: 'male',
    use_freq_opioids: 'weekly', last_use: 'past_week', dep_control: 'yes', dep_craving: 'yes',
    dep_consequences: 'no', dep_quit_failed: 'yes', withdrawal: 'uncomfortable', overdose: 'no',
    phq2_1: 2, phq2_2: 1, gad2_1: 1, gad2_2: 2, mh_diagnosis: 'unsure', physical_health: 'fair',
    treatment_history: ['detox'], medication: 'interested', importance: 8, confidence: 5,
    stage: 'preparing', goal: 'stop', housing: 'stable_use_around', support: 'one_or_two',
    family_involved: 'maybe', justice: 'none', work: 'looking', group_comfort: 'nervous_willing',
    one_on_one: 'maybe', barriers: ['transport'], approach: 'no_preference', format: 'either',
    times: ['weekday_evening'], language: 'en', audience: ['none'],
  },
  'loved one': {
    for_whom: 'loved_one', age_group: '26_64', lo_relationship: 'parent', lo_danger: 'no',
    substances: ['opioids'], lo_stage: 'not_ready', lo_wants: ['learn_to_help', 'support_for_me'],
    phq2_1: 1, phq2_2: 1, approach: 'no_preference', format: 'either', times: ['weekend'],
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`evaluate in wasm, through the scoring API module api/ (the same engine as the widget; node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores)`);
for (const [name, answers] of Object.entries(visitors)) {
  for (let i = 0; i < 200; i++) peerpath.evaluate(answers); // warm up
  const perCall = [];
  for (let batch = 0; batch < 30; batch++) {
    const n = 100;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) peerpath.evaluate(answers);
    perCall.push(Number(process.hrtime.bigint() - start) / n / 1000);
  }
  const sorted = [...perCall].sort((a, b) => a - b);
  console.log(`  ${name}: median ${median(perCall).toFixed(1)} µs per evaluate (min ${sorted[0].toFixed(1)}, max ${sorted.at(-1).toFixed(1)}; 30 batches of 100)`);
}

// Checking and ranking 5,000 Meeting Guide meetings, in wasm (what a visitor's browser does
// when a center lists a whole region's meetings).
const { makeMeetings } = await import('../../tools/make-meetings.mjs');
const meetings = makeMeetings(5000);
const config = { center: { name: 'Harbor Recovery Center', phone: '+1-555-0100' }, meeting_guide: meetings };
const visitor = { ...visitors['own use, every item'], approach: 'spiritual' };
const options = { config, now: { day: 2, minutes: 1110 }, near: { lat: 33.2, lon: -117.36 } };
for (let i = 0; i < 3; i++) peerpath.evaluate(visitor, options);
const runs = [];
for (let i = 0; i < 15; i++) {
  const start = process.hrtime.bigint();
  const result = peerpath.evaluate(visitor, options);
  runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (result.local.length === 0) throw new Error('no local matches');
}
const checks = [];
for (let i = 0; i < 15; i++) {
  const start = process.hrtime.bigint();
  peerpath.checkConfig(config);
  checks.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const sortedRuns = [...runs].sort((a, b) => a - b);
console.log(`5,000 Meeting Guide meetings in wasm (node): check and rank with evaluate median ${median(runs).toFixed(1)} ms (min ${sortedRuns[0].toFixed(1)}, max ${sortedRuns.at(-1).toFixed(1)}; 15 runs); checkConfig alone median ${median(checks).toFixed(1)} ms`);
