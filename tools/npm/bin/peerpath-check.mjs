#!/usr/bin/env node
// peerpath-check CONFIG [FEED]: checks a center's PeerPath config (and a Meeting Guide feed) as
// the widget reads them, with Node.js only: the scoring API module (api/) does the check, the
// same rules and sentences as the widget and `check-config`. Every problem is printed with its
// place in the file; the exit status is 1 when there are errors (warnings alone give 0), 2 when
// a file cannot be read or is not JSON.
import { loadApi, readBounded, visible } from '../lib/common.mjs';

const args = process.argv.slice(2);
if (args.length < 1 || args.length > 2 || args.some((a) => a === '-h' || a === '--help')) {
  console.error('usage: peerpath-check CENTER.json [MEETING_GUIDE_FEED.json]');
  process.exit(2);
}

/** A file's JSON, or a sentence that says why not (a regular file of at most 2 MiB only). */
async function read(path) {
  const bytes = await readBounded(path);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new Error(`${path}: is not valid JSON: ${error.message}`);
  }
}

let config;
let feed = null;
try {
  config = await read(args[0]);
  if (args[1]) feed = await read(args[1]);
} catch (error) {
  console.error(visible(error.message));
  process.exit(2);
}
const api = await loadApi();
const problems = api.checkConfig(config, feed);
for (const p of problems) console.log(`${p.level}: ${visible(p.path || '(the whole file)')}: ${visible(p.message)}`);
const errors = problems.filter((p) => p.level === 'error').length;
console.log(`${args.map(visible).join(' + ')}: ${errors} error(s), ${problems.length - errors} warning(s).`);
process.exit(errors > 0 ? 1 : 0);
