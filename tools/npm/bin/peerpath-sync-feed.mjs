#!/usr/bin/env node
// peerpath-sync-feed URL OUT [--allow-local]: keeps a copy of another site's meeting list on the
// center's own site, for the widget's `meeting_guide_url` (center-config.md, "Feeds from other
// sites": the visitor's browser never fetches another site). Run it from cron:
//
//     17 3 * * * peerpath-sync-feed https://aa-intergroup.example/wp-admin/admin-ajax.php?action=meetings /var/www/peerpath/meetings.json
//
// URL is a Meeting Guide JSON feed, or a BMLT server's search results
// (`.../client_interface/json/?switcher=GetSearchResults&...`), which are converted to Meeting
// Guide entries. The answer is read up to 2 MiB (after inflating a compressed answer) and 30
// seconds in all, checked as the widget checks a feed, and written to OUT (in one step, through
// a new file beside it) only when it holds at least one meeting the widget can show; otherwise
// OUT keeps the last good copy. It never fetches from this machine or its private network, by
// the address or by a redirect, unless --allow-local is given (a list kept on an intranet). Exit
// status: 0 when OUT was replaced, 1 when it was kept (the reason on stderr), 2 for wrong
// arguments.
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fetchBounded, loadApi, MAX_BYTES, visible, writeBeside } from '../lib/common.mjs';

/** How long the source has to answer in full (PEERPATH_SYNC_TIMEOUT_MS, for tests). */
const TIMEOUT_MS = Number(process.env.PEERPATH_SYNC_TIMEOUT_MS) || 30000;

const args = process.argv.slice(2);
const allowLocal = args.includes('--allow-local');
const [url, out, ...rest] = args.filter((a) => a !== '--allow-local');
if (!url || !out || rest.length || !/^https?:\/\//i.test(url)) {
  console.error('usage: peerpath-sync-feed URL OUT [--allow-local]   (URL: a Meeting Guide feed or a BMLT search, http or https)');
  process.exit(2);
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

/** BMLT's format keys, as Meeting Guide type codes where they mean the same. */
const BMLT_FORMATS = { O: 'O', C: 'C', WC: 'X', VM: 'ONL', TC: 'TC', W: 'W', M: 'M', GL: 'LGBTQ', Y: 'Y', BT: 'B', ST: 'ST', D: 'D', SP: 'SP', ES: 'S', Sp: 'S' };

const hhmm = (time) => (typeof time === 'string' && /^\d{1,2}:\d{2}/.test(time) ? time.slice(0, 5).padStart(5, '0') : undefined);

/** One BMLT meeting as a Meeting Guide entry (BMLT's weekdays run 1 = Sunday to 7). */
function fromBmlt(m) {
  const start = hhmm(m.start_time);
  let end;
  const duration = hhmm(m.duration_time);
  if (start && duration) {
    const minutes = (Number(start.slice(0, 2)) + Number(duration.slice(0, 2))) * 60 + Number(start.slice(3)) + Number(duration.slice(3));
    end = `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  const address = [m.location_street, m.location_municipality, m.location_province, m.location_postal_code_1].filter((p) => typeof p === 'string' && p.trim()).join(', ');
  // Own keys only: a format named `constructor` or `__proto__` is not one of them.
  const types = String(m.formats ?? '').split(',').map((f) => f.trim()).filter((f) => Object.hasOwn(BMLT_FORMATS, f)).map((f) => BMLT_FORMATS[f]);
  const entry = {
    name: m.meeting_name,
    slug: `bmlt-${m.id_bigint}`,
    day: Number(m.weekday_tinyint) - 1,
    time: start,
    end_time: end,
    location: m.location_text || undefined,
    formatted_address: address || undefined,
    latitude: m.latitude === undefined ? undefined : Number(m.latitude),
    longitude: m.longitude === undefined ? undefined : Number(m.longitude),
    conference_url: m.virtual_meeting_link || undefined,
    conference_phone: m.phone_meeting_number || undefined,
    timezone: m.time_zone || undefined,
    types,
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}

let text;
try {
  ({ text } = await fetchBounded(url, { limit: MAX_BYTES, timeoutMs: TIMEOUT_MS, allowLocal }));
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

const api = await loadApi();
const { problems, meetings } = api.checkFeed(feed);
for (const p of problems.slice(0, 20)) console.error(`${p.level}: ${visible(p.path)}: ${visible(p.message)}`);
if (problems.length > 20) console.error(`… and ${problems.length - 20} more problem(s).`);
if (meetings === 0) keep(`holds no meeting the widget can show (${problems.length} problem(s))`);

// Written beside OUT, then renamed over it: a reader never sees half a file.
try {
  await writeBeside(out, JSON.stringify(feed));
} catch (error) {
  keep(`was fetched, but ${visible(out)} could not be written (${error.message})`);
}
console.log(`${visible(out)}: ${meetings} meeting(s) from ${bmlt ? 'a BMLT server' : 'a Meeting Guide feed'}, ${problems.length} problem(s) left out.`);
