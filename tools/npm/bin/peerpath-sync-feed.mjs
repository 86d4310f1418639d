#!/usr/bin/env node
// peerpath-sync-feed URL OUT [--config center.json] [--allow-local]: keeps a copy of another
// site's meeting list on the center's own site, for the widget's `meeting_guide_url`
// (center-config.md, "Feeds from other sites": the visitor's browser never fetches another
// site). Run it from cron:
//
//     17 3 * * * peerpath-sync-feed https://aa-intergroup.example/wp-admin/admin-ajax.php?action=meetings /var/www/peerpath/meetings.json --config /var/www/peerpath/center.json
//
// URL is a Meeting Guide JSON feed, or a BMLT server's search results
// (`.../client_interface/json/?switcher=GetSearchResults&...`), which are converted to Meeting
// Guide entries. The answer is read up to 50 MiB (after inflating a compressed answer) and 30
// seconds in all, then trimmed (lib/feed.mjs): only the fields the widget reads, and with the
// center's config, only the meetings within its `feed_radius_miles` of `center.lat`/`lon` and
// the online meetings in its languages. The copy is checked as the widget checks a feed and
// written to OUT (in one step, through a new file beside it) only when it holds at least one
// meeting the widget can show and fits the widget's 2 MiB; otherwise OUT keeps the last good
// copy. It never fetches from this machine or its private network, by
// the address or by a redirect, unless --allow-local is given (a list kept on an intranet). Exit
// status: 0 when OUT was replaced, 1 when it was kept (the reason on stderr), 2 for wrong
// arguments.
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fetchBounded, loadApi, MAX_BYTES, readBounded, visible, writeBeside } from '../lib/common.mjs';
import { fromBmlt, trimFeed } from '../lib/feed.mjs';

/** How much of a source is read: real intergroup feeds run to several MB (distribution.md v3). */
const SOURCE_MAX_BYTES = 50 * 1024 * 1024;

/** How long the source has to answer in full (PEERPATH_SYNC_TIMEOUT_MS, for tests). */
const TIMEOUT_MS = Number(process.env.PEERPATH_SYNC_TIMEOUT_MS) || 30000;

const args = process.argv.slice(2);
const allowLocal = args.includes('--allow-local');
const configAt = args.indexOf('--config');
const configPath = configAt >= 0 ? args[configAt + 1] : undefined;
const [url, out, ...rest] = args.filter((a, i) => a !== '--allow-local' && (configAt < 0 || (i !== configAt && i !== configAt + 1)));
if (!url || !out || rest.length || !/^https?:\/\//i.test(url) || (configAt >= 0 && !configPath)) {
  console.error('usage: peerpath-sync-feed URL OUT [--config center.json] [--allow-local]   (URL: a Meeting Guide feed or a BMLT search, http or https)');
  process.exit(2);
}
// The center's config, for its place, radius and languages: read before anything is fetched.
let config;
if (configPath) {
  try {
    config = JSON.parse((await readBounded(configPath)).toString('utf8'));
  } catch (error) {
    console.error(`peerpath-sync-feed: --config ${visible(error instanceof SyntaxError ? `${configPath}: is not JSON (${error.message})` : error.message)}.`);
    process.exit(2);
  }
  if (!Number.isFinite(config?.center?.lat) || !Number.isFinite(config?.center?.lon)) {
    console.error(`peerpath-sync-feed: ${visible(configPath)} gives no center.lat and center.lon, so meetings are not trimmed by place (the configurator's "Where your center is").`);
  }
}
// OUT must be a file in a folder that exists: said before anything is fetched.
const folder = await stat(dirname(out)).catch(() => null);
const existing = await stat(out).catch(() => null);
if (!folder?.isDirectory() || (existing && !existing.isFile())) {
  console.error(`peerpath-sync-feed: ${visible(out)} ${folder?.isDirectory() ? 'is not a file (a folder?): give the file to write, such as meetings.json' : 'is in a folder that does not exist'}.`);
  process.exit(2);
}

/** Stops with the reason, OUT untouched. */
function keep(reason) {
  console.error(`peerpath-sync-feed: ${visible(url)}: ${visible(reason)}; ${visible(out)} is kept as it was.`);
  process.exit(1);
}

let text;
try {
  ({ text } = await fetchBounded(url, { limit: SOURCE_MAX_BYTES, timeoutMs: TIMEOUT_MS, allowLocal }));
} catch (error) {
  keep(error.message);
}
let feed;
try {
  feed = JSON.parse(text);
} catch (error) {
  keep(`is not JSON (${error.message})`);
}
if (!Array.isArray(feed)) keep('is not a list of meetings (a Meeting Guide feed or BMLT search results)');
const bmlt = feed.length > 0 && feed.every((m) => m && typeof m === 'object' && 'meeting_name' in m && 'weekday_tinyint' in m);
if (bmlt) feed = feed.map(fromBmlt);

const { meetings: kept, left, place, radius } = trimFeed(feed, config);
const api = await loadApi();
const { problems, meetings } = api.checkFeed(kept);
for (const p of problems.slice(0, 20)) console.error(`${p.level}: ${visible(p.path)}: ${visible(p.message)}`);
if (problems.length > 20) console.error(`… and ${problems.length - 20} more problem(s).`);
if (meetings === 0) keep(`holds no meeting the widget can show (${problems.length} problem(s))`);

const copy = JSON.stringify(kept);
const bytes = Buffer.byteLength(copy);
if (bytes > MAX_BYTES) {
  keep(`the copy would be ${(bytes / 1048576).toFixed(1)} MiB, larger than the 2 MiB the widget reads: ${place
    ? `make feed_radius_miles (${radius}) smaller`
    : 'give --config center.json with the center\'s lat and lon (and feed_radius_miles) to keep only nearby meetings'}`);
}
// Written beside OUT, then renamed over it: a reader never sees half a file.
try {
  await writeBeside(out, copy);
} catch (error) {
  keep(`was fetched, but ${visible(out)} could not be written (${error.message})`);
}
const trimmed = [
  place && `${left.far} farther than ${radius} miles`, place && `${left.unplaced} with no place and no way to join online`,
  left.duplicates && `${left.duplicates} listed twice`, left.notMeetings && `${left.notMeetings} not meetings`,
].filter(Boolean);
console.log(`${visible(out)}: ${meetings} meeting(s) from ${bmlt ? 'a BMLT server' : 'a Meeting Guide feed'} (${(bytes / 1024).toFixed(0)} KB), ${problems.length} problem(s) left out${trimmed.length ? `; left out: ${trimmed.join(', ')}` : ''}.`);
