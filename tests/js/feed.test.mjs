// The feed sync's trimming (tools/npm/lib/feed.mjs, distribution.md v3 "Big feeds, small
// copies"): a 20,000-meeting intergroup feed, generated, becomes a copy under 1 MB that holds
// exactly the meetings the center's visitors can reach, each with only the fields the widget reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { trimFeed, miles, MEETING_FIELDS, LANGUAGE_CODES, BMLT_FORMATS, DEFAULT_RADIUS_MILES } from '../../tools/npm/lib/feed.mjs';
import { bigFeed, CENTER } from '../fixtures/big-feed.mjs';

const config = { center: { name: 'Harbor', ...CENTER }, feed_radius_miles: 40, languages: ['en', 'es'] };

test('a 20,000-meeting feed becomes a copy under 1 MB of the meetings within the radius and the online ones in the center\'s languages', () => {
  const feed = bigFeed(20000);
  const source = Buffer.byteLength(JSON.stringify(feed));
  assert.ok(source > 15e6, `the generated feed is ${source} B, as large as real ones`);
  const { meetings, left } = trimFeed(feed, config);
  const copy = Buffer.byteLength(JSON.stringify(meetings));
  console.log(`# ${feed.length} meetings, ${source} B -> ${meetings.length} meetings, ${copy} B; left out ${JSON.stringify(left)}`);
  assert.ok(copy < 1e6, `the copy is ${copy} B`);
  // Against a plain reading of the rule, meeting by meeting.
  const online = (m) => m.types.includes('ONL') || Boolean(m.conference_url);
  const spoken = (m) => (m.types.includes('S') ? ['es'] : m.types.includes('POL') ? ['pl'] : ['en']);
  const expected = feed.filter((m) => {
    const near = m.latitude !== undefined && miles(CENTER, { lat: Number(m.latitude), lon: Number(m.longitude) }) <= 40;
    return near || (online(m) && spoken(m).some((tag) => config.languages.includes(tag)));
  });
  assert.deepEqual(meetings.map((m) => m.slug), expected.map((m) => m.slug));
  assert.ok(meetings.some((m) => !online(m)) && meetings.some((m) => m.types.includes('S') && online(m)));
  assert.ok(!meetings.some((m) => m.types.includes('POL') && !m.latitude), 'online in Polish, far away: left out');
  assert.equal(left.far + left.unplaced, feed.length - meetings.length);
  for (const meeting of meetings) assert.deepEqual(Object.keys(meeting).filter((k) => !MEETING_FIELDS.includes(k)), []);
});

test('the radius\'s boundary, its default, coordinates as text, and no config at all', () => {
  // About 0.0145 degrees of latitude per mile.
  const at = (dLat, slug, extra = {}) => ({ name: slug, slug, day: 1, time: '19:00', types: ['O'], latitude: CENTER.lat + dLat, longitude: CENTER.lon, ...extra });
  const feed = [at(0.575, 'inside'), at(0.59, 'outside'), at(0.7, 'in-default'), at(0.2, 'text', { latitude: String(CENTER.lat + 0.2) }),
    { name: 'nowhere', slug: 'nowhere', day: 1, time: '19:00', types: ['O'] }, at(0.1, 'inside'), 'not a meeting'];
  assert.ok(miles(CENTER, { lat: CENTER.lat + 0.575, lon: CENTER.lon }) < 40 && miles(CENTER, { lat: CENTER.lat + 0.59, lon: CENTER.lon }) > 40);
  const forty = trimFeed(feed, config);
  assert.deepEqual(forty.meetings.map((m) => m.slug), ['inside', 'text']);
  assert.deepEqual(forty.left, { far: 2, unplaced: 1, duplicates: 1, notMeetings: 1 });
  const fallback = trimFeed(feed, { center: CENTER });
  assert.equal(fallback.radius, DEFAULT_RADIUS_MILES);
  assert.deepEqual(fallback.meetings.map((m) => m.slug), ['inside', 'outside', 'in-default', 'text']);
  // Without a place (or a config), nothing is trimmed by place: only fields and duplicates.
  assert.deepEqual(trimFeed(feed, undefined).meetings.map((m) => m.slug), ['inside', 'outside', 'in-default', 'text', 'nowhere']);
  assert.deepEqual(trimFeed(feed, { center: { name: 'No place' } }).left.far, 0);
});

test('the sync reads a meeting\'s languages with the widget\'s own codes (src/center/meeting_guide.rs)', async () => {
  const rust = await readFile(new URL('../../src/center/meeting_guide.rs', import.meta.url), 'utf8');
  const table = rust.slice(rust.indexOf('const LANGUAGE_CODES'), rust.indexOf('];', rust.indexOf('const LANGUAGE_CODES')));
  const pairs = Object.fromEntries([...table.matchAll(/\("([A-Z]+)", "([a-z]+)"\)/g)].map((m) => [m[1], m[2]]));
  assert.ok(Object.keys(pairs).length > 20);
  assert.deepEqual(LANGUAGE_CODES, pairs);
  // And the fields it keeps are the fields the widget reads.
  const read = new Set([...rust.matchAll(/(?:get|text|required_text|link|phone|number|list)\((?:meeting, )?"([a-z_]+)"/g)].map((m) => m[1]));
  for (const field of read) assert.ok(MEETING_FIELDS.includes(field), `${field} is read by the widget but not kept`);
});

test('the WordPress plugin trims and converts with the same tables (peerpath.php)', async () => {
  const php = await readFile(new URL('../../wordpress/peerpath/peerpath.php', import.meta.url), 'utf8');
  const table = (name) => php.match(new RegExp(`const ${name} = \\[([^\\]]*)\\];`))[1];
  const list = (name) => [...table(name).matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const map = (name) => Object.fromEntries([...table(name).matchAll(/'([^']*)' => '([^']*)'/g)].map((m) => [m[1], m[2]]));
  assert.deepEqual(list('PEERPATH_MEETING_FIELDS'), MEETING_FIELDS);
  assert.deepEqual(map('PEERPATH_LANGUAGE_CODES'), LANGUAGE_CODES);
  assert.deepEqual(map('PEERPATH_BMLT_FORMATS'), BMLT_FORMATS);
  assert.match(php, new RegExp(`const PEERPATH_DEFAULT_RADIUS_MILES = ${DEFAULT_RADIUS_MILES};`));
});
