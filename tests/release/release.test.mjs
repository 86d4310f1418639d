// The release as a center's web person gets it (distribution.md): each artifact installed from
// the file alone into a clean directory, and its commands run with Node.js and nothing else.
// `make release` builds release/ first (`make test` does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeServer } from '../routes.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const version = (await readFile(join(root, 'Cargo.toml'), 'utf8')).match(/^version = "(.+)"$/m)[1];
const release = join(root, 'release');
const exists = (path) => stat(path).then(() => true, () => false);

let installed; // the npm package, installed into a clean directory
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-npm-'));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--prefix', dir, join(release, `peerpath-${version}.tgz`)], { stdio: 'ignore' });
  installed = dir;
});

/**
 * Runs an installed command with Node.js on PATH and nothing else (no cargo, no Rust), without
 * blocking this process (its test servers answer meanwhile).
 */
function run(command, args, env = {}) {
  const bin = join(installed, 'node_modules', '.bin', command);
  return new Promise((resolve) => {
    execFile(bin, args, { encoding: 'utf8', env: { PATH: dirname(process.execPath), ...env }, timeout: 60000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (error.code ?? -1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

test('the zip holds the widget, the docs with every catalog id, an example config that checks clean, a license and a one-screen README', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-zip-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', join(release, `peerpath-${version}.zip`), dir]);
  // One folder, named as every snippet names it.
  assert.deepEqual(await readdir(dir), ['peerpath']);
  const top = join(dir, 'peerpath');
  for (const file of ['peer-path.js', 'peer-path.css', 'pkg/peerpath.js', 'pkg/peerpath_bg.wasm', 'pkg/strings/en.txt', 'pkg/strings/en.more.txt', 'pkg/strings/es.more.txt',
    'pkg/strings/es.txt', 'api/peerpath.js', 'api/peerpath_bg.wasm', 'embed.html', 'embed.js', 'peer-path-frame.js',
    'peer-path-explain.js', 'peer-path-problems.js', 'configure.html', 'configure.js', 'configure.css', 'docs/README.md', 'center.example.json',
    'LICENSE', 'LICENSE-MIT', 'LICENSE-APACHE', 'README.txt']) {
    assert.ok(await exists(join(top, file)), file);
  }
  const readme = await readFile(join(top, 'README.txt'), 'utf8');
  assert.ok(readme.split('\n').length <= 25, 'one screen');
  const docs = await readFile(join(top, 'docs', 'README.md'), 'utf8');
  const english = (await readFile(join(root, 'src', 'strings', 'en.txt'), 'utf8')).match(/^g\.[a-z0-9_]+\.name = .*$/gm);
  assert.ok(english.length >= 30);
  for (const line of english) {
    const [, id, name] = line.match(/^g\.([a-z0-9_]+)\.name = (.*)$/);
    assert.ok(docs.includes(`| \`${id}\` | ${name} |`), id);
  }
  assert.match(docs, /wasm-unsafe-eval/);
  assert.match(docs, /frame-ancestors/);
  // Their brand: the theme, every custom property and every part (README.md's tables, which
  // tests/js/brand-docs.test.mjs checks against the code).
  const brand = docs.slice(docs.indexOf('## Your brand'));
  for (const row of ['| `--pp-accent` |', '| `--pp-urgent-soft` |', '| `--pp-radius` |', '| `crisis` |', '| `failure` |', '"scheme": "auto"']) {
    assert.ok(brand.includes(row), `docs/README.md "Your brand" has ${row}`);
  }
  // What a center's staff ask for (distribution.md v3), each file where README.txt says it is.
  for (const file of ['PRIVACY.md', 'ACCESSIBILITY.md', 'CLINICAL-SUMMARY.md', 'UPDATING.md', 'CHANGELOG.md', 'SECURITY.md']) {
    assert.ok(readme.includes(`docs/${file}`), `README.txt names docs/${file}`);
    assert.ok((await readFile(join(top, 'docs', file), 'utf8')).length > 500, file);
  }
  // Where to report a security or safety problem: the maintainers' contact (Cargo.toml) in each
  // place a center looks, or, while none is named, a release that says so rather than point to
  // a file the center does not have.
  const contact = (await readFile(join(root, 'Cargo.toml'), 'utf8')).match(/^security-contact = "(.*)"$/m)[1];
  const reportTo = contact || 'its maintainers have not named a security contact for this release yet';
  const security = await readFile(join(top, 'docs', 'SECURITY.md'), 'utf8');
  assert.match(security, /## Reporting a problem\n\nPlease report privately, not in a public issue, to /);
  const wpDir = await mkdtemp(join(tmpdir(), 'peerpath-wp-zip-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', join(release, `peerpath-wp-${version}.zip`), wpDir]);
  const wpReadme = await readFile(join(wpDir, 'peerpath', 'readme.txt'), 'utf8');
  for (const [file, text] of [['README.txt', readme.replace(/\n/g, ' ')], ['docs/SECURITY.md', security.replace(/\n/g, ' ')], ['the plugin\'s readme.txt', wpReadme]]) {
    assert.ok(text.includes(reportTo), `${file} says: ${reportTo}`);
    assert.doesNotMatch(text, /Cargo\.toml|security-contact/, `${file} names no file a center does not have`);
  }
  // The clinical summary has every question the widget asks, with its source, and every safety rule.
  const clinical = await readFile(join(top, 'docs', 'CLINICAL-SUMMARY.md'), 'utf8');
  for (const id of ['for_whom', 'self_harm', 'auditc_1', 'phq2_1', 'lo_danger', 'own_safety', 'withdrawal', 'format']) {
    assert.match(clinical, new RegExp(`\\(\`${id}\`; [^)]+`), id);
  }
  assert.doesNotMatch(clinical, /`barc_1`/, 'the full profile\'s questions are not the widget\'s');
  assert.match(clinical, /AUDIT-C \(Bush et al\., Arch Intern Med 1998\)/);
  for (const rule of ['crisis_988', 'lo_emergency', 'domestic_violence', 'withdrawal_medical', 'naloxone']) assert.match(clinical, new RegExp(`\`${rule}\``), rule);
});

test('peerpath-check, installed from the npm package with no cargo on PATH, names every problem of a bad config by field', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-check-'));
  const bad = join(dir, 'center.json');
  await writeFile(bad, JSON.stringify({
    center: { phone: '555-0100', timezone: 'Pacific Time' },
    resources: [
      { id: 'a', name: 'Evening group', kind: 'family program', schedule: [{ day: 7, start: '7pm' }] },
      { id: 'b', name: 'Outpatient', kind: 'outpatient' },
      { id: 'b', name: 'Twice', kind: 'outpatient' },
    ],
  }));
  const { status, out } = await run('peerpath-check', [bad]);
  assert.equal(status, 1, out);
  for (const path of ['center.name', 'center.timezone', 'resources[0].kind', 'resources[0].schedule[0].day', 'resources[0].schedule[0].start', 'resources[2].id']) {
    assert.match(out, new RegExp(`error: ${path.replace(/[[\].]/g, '\\$&')}: `), `${path}\n${out}`);
  }
  assert.match(out, /6 error\(s\)/);
  const good = join(dir, 'good.json');
  await writeFile(good, JSON.stringify({ center: { name: 'Harbor' } }));
  assert.equal((await run('peerpath-check', [good])).status, 0);
  assert.equal((await run('peerpath-check', [join(dir, 'missing.json')])).status, 2);
  const example = join(installed, 'node_modules', 'peerpath', 'center.example.json');
  const checked = await run('peerpath-check', [example]);
  assert.equal(checked.status, 0, checked.out);
  assert.match(checked.out, /0 error\(s\), 0 warning\(s\)/);
  // "Ready" means it works: what reads well but would fail on the live page is a warning, by field.
  const live = join(dir, 'live.json');
  await writeFile(live, JSON.stringify({ center: { name: 'Harbor', url: 'www.harbor.example/contact' },
    meeting_guide_url: 'https://aa-intergroup.example/meetings.json', embed_origins: ['https://www.harbor.example'] }));
  const warned = await run('peerpath-check', [live]);
  assert.equal(warned.status, 0, 'warnings only');
  assert.match(warned.out, /warning: meeting_guide_url: .*reads a feed only from the site it runs on/);
  assert.match(warned.out, /warning: center\.url: .*without https:\/\//);
  assert.match(warned.out, /warning: embed_origins\[0\]: lists https:\/\/www\.harbor\.example but not https:\/\/harbor\.example/);
});

// ---- peerpath-sync-feed, against local servers that are good, slow, huge, wrong or down -----------

const MEETINGS = [
  { name: 'Sunrise AA', slug: 'sunrise', day: 1, time: '07:00', types: ['O'], formatted_address: '1 Main St, Oceanside' },
  { name: 'Night Owls', slug: 'owls', day: [5, 6], time: '22:00', types: ['ONL'], conference_url: 'https://zoom.example/j/1' },
];
const BMLT = [
  { id_bigint: '17', meeting_name: 'Just for Today', weekday_tinyint: '3', start_time: '19:30:00', duration_time: '01:30:00',
    location_text: 'Church hall', location_street: '5 Hill St', location_municipality: 'Oceanside', location_province: 'CA',
    latitude: '33.19', longitude: '-117.37', formats: 'O,WC', time_zone: 'America/Los_Angeles' },
];

let server;
let base;
before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/meetings.json') return res.end(JSON.stringify(MEETINGS));
    if (path === '/bmlt') return res.end(JSON.stringify(BMLT));
    if (path === '/slow') return setTimeout(() => res.end('[]'), 5000);
    if (path === '/huge') {
      // Three megabytes of distinct meetings, a chunk at a time, as long as the client reads.
      res.write('[');
      let sent = 0;
      const chunk = () => Buffer.from(Array.from({ length: 1000 }, () => JSON.stringify({ ...MEETINGS[0], slug: `m${sent++}` })).join(',') + ',');
      const more = () => { while (sent < 30000 && res.write(chunk())); if (sent >= 30000) res.end(JSON.stringify(MEETINGS[0]) + ']'); };
      res.on('drain', more);
      return more();
    }
    if (path === '/html') return res.end('<!doctype html><title>Meetings</title>');
    if (path === '/nothing') return res.end(JSON.stringify([{ name: 'No day or time' }]));
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => { server?.closeAllConnections(); server?.close(); });

/** Runs the sync into a file that holds `before`; gives the status, the output and the file after. */
async function sync(path, env) {
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-sync-'));
  const out = join(dir, 'meetings.json');
  await writeFile(out, 'the last good copy');
  const { status, out: text } = await run('peerpath-sync-feed', [`${base}${path}`, out, '--allow-local'], env);
  return { status, text, after: await readFile(out, 'utf8'), left: await readdir(dir) };
}

test('peerpath-sync-feed keeps a good Meeting Guide feed, converts a BMLT server\'s meetings, and checks both', async () => {
  const feed = await sync('/meetings.json');
  assert.equal(feed.status, 0, feed.text);
  assert.deepEqual(JSON.parse(feed.after), MEETINGS);
  assert.match(feed.text, /2 meeting\(s\) from a Meeting Guide feed/);
  assert.deepEqual(feed.left, ['meetings.json'], 'no temporary file left');
  const bmlt = await sync('/bmlt');
  assert.equal(bmlt.status, 0, bmlt.text);
  const [meeting] = JSON.parse(bmlt.after);
  assert.deepEqual(meeting, {
    name: 'Just for Today', slug: 'bmlt-17', day: 2, time: '19:30', end_time: '21:00', location: 'Church hall',
    formatted_address: '5 Hill St, Oceanside, CA', latitude: 33.19, longitude: -117.37, timezone: 'America/Los_Angeles', types: ['O', 'X'],
  });
});

test('peerpath-sync-feed keeps the last good copy when the source is slow, huge, wrong or down', async () => {
  const cases = [
    ['/slow', { PEERPATH_SYNC_TIMEOUT_MS: '1000' }, /did not finish within 1 seconds/],
    ['/huge', {}, /copy would be .* MiB, larger than the 2 MiB the widget reads: give --config center.json/],
    ['/html', {}, /is not JSON/],
    ['/nothing', {}, /holds no meeting the widget can show/],
    ['/missing', {}, /HTTP 404/],
  ];
  for (const [path, env, why] of cases) {
    const result = await sync(path, env);
    assert.equal(result.status, 1, `${path}: ${result.text}`);
    assert.match(result.text, why, path);
    assert.equal(result.after, 'the last good copy', path);
  }
  // Down: nothing listens on the port.
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-sync-'));
  const out = join(dir, 'meetings.json');
  await writeFile(out, 'the last good copy');
  const down = await run('peerpath-sync-feed', [`http://127.0.0.1:${port}/meetings.json`, out, '--allow-local']);
  assert.equal(down.status, 1, down.out);
  assert.match(down.out, /could not be fetched/);
  assert.equal(await readFile(out, 'utf8'), 'the last good copy');
});

// ---- Hostile input for the npm commands (issue 24): each attack reproduced, then refused -----------

/** The installed package's shared library, for what its commands do underneath. */
const library = () => import(join(installed, 'node_modules', 'peerpath', 'lib', 'common.mjs'));

test('peerpath-sync-feed --config trims a 20,000-meeting intergroup feed (21 MB, gzip) to a copy under 1 MB of the meetings near the center and online in its languages', async (t) => {
  const { gzipSync } = await import('node:zlib');
  const { bigFeed, CENTER } = await import('../fixtures/big-feed.mjs');
  const body = gzipSync(JSON.stringify(bigFeed(20000)));
  const site = await routeServer({ '/meetings.json': (req, res) => { res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' }); res.end(body); } });
  t.after(() => site.close());
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-sync-'));
  const out = join(dir, 'meetings.json');
  const config = join(dir, 'center.json');
  await writeFile(config, JSON.stringify({ center: { name: 'Harbor', ...CENTER }, feed_radius_miles: 40, languages: ['en', 'es'] }));
  const result = await run('peerpath-sync-feed', [`${site.url}/meetings.json`, out, '--config', config, '--allow-local']);
  assert.equal(result.status, 0, result.out);
  const copy = await readFile(out);
  assert.ok(copy.length < 1e6, `${copy.length} B`);
  assert.match(result.out, /: 1869 meeting\(s\) from a Meeting Guide feed \(\d+ KB\), 0 problem\(s\) left out; left out: 17037 farther than 40 miles, 1094 with no place and no way to join online\./);
  assert.equal(JSON.parse(copy).length, 1869);
  // A config that does not place the center: said, and nothing trimmed by place (too big here).
  await writeFile(config, JSON.stringify({ center: { name: 'Harbor' } }));
  const unplaced = await run('peerpath-sync-feed', [`${site.url}/meetings.json`, out, '--config', config, '--allow-local']);
  assert.equal(unplaced.status, 1);
  assert.match(unplaced.out, /gives no center\.lat and center\.lon/);
  assert.equal((await readFile(out)).length, copy.length, 'the last good copy is kept');
  // A config that cannot be read stops before anything is fetched.
  const missing = await run('peerpath-sync-feed', [`${site.url}/meetings.json`, out, '--config', join(dir, 'nope.json'), '--allow-local']);
  assert.equal(missing.status, 2);
  assert.match(missing.out, /--config .*nope\.json: cannot be read/);
});

test('peerpath-sync-feed refuses this machine and private networks, by address, by name and by redirect, unless --allow-local', async () => {
  const site = await routeServer({
    '/meetings.json': (req, res) => res.end(JSON.stringify(MEETINGS)),
    '/to-metadata': (req, res) => { res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); res.end(); },
    '/to-cgnat': (req, res) => { res.writeHead(301, { location: 'http://100.64.0.1/meetings.json' }); res.end(); },
    '/to-other-loopback': (req, res) => { res.writeHead(307, { location: `http://127.0.0.2:${new URL(site.url).port}/meetings.json` }); res.end(); },
  });
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-sync-'));
  const out = join(dir, 'meetings.json');
  await writeFile(out, 'the last good copy');
  // Without --allow-local: 127.0.0.1 and localhost are this machine.
  for (const source of [`${site.url}/meetings.json`, `http://localhost:${new URL(site.url).port}/meetings.json`]) {
    const refused = await run('peerpath-sync-feed', [source, out]);
    assert.equal(refused.status, 1, refused.out);
    assert.match(refused.out, /this machine or a private network/);
  }
  assert.equal(await readFile(out, 'utf8'), 'the last good copy');
  // Redirects are checked hop by hop: here the first address is allowed (as a public one would
  // be) and the redirect's is not.
  const { fetchBounded } = await library();
  const firstOnly = (address) => address === '127.0.0.1';
  for (const path of ['/to-metadata', '/to-cgnat', '/to-other-loopback']) {
    await assert.rejects(fetchBounded(`${site.url}${path}`, { allowed: firstOnly, timeoutMs: 5000 }), /redirected to .*(private network|this machine)/, path);
  }
  assert.equal((await fetchBounded(`${site.url}/meetings.json`, { allowed: firstOnly })).text, JSON.stringify(MEETINGS));
  site.close();
});

test('peerpath-sync-feed stops a drip, an endless body and a compression bomb within its bounds', async () => {
  const { gzipSync } = await import('node:zlib');
  const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 32)); // 200 MiB of spaces: about 200 KiB compressed
  const site = await routeServer({
    // A byte every second, for ever.
    '/drip': (req, res) => { res.write('['); const t = setInterval(() => res.write(' '), 1000); res.on('close', () => clearInterval(t)); },
    '/endless': (req, res) => {
      res.write('[');
      const chunk = Buffer.alloc(64 * 1024, 32);
      const more = () => { while (res.write(chunk)); };
      res.on('drain', more);
      more();
    },
    '/bomb': (req, res) => { res.writeHead(200, { 'content-encoding': 'gzip' }); res.end(bomb); },
  });
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-sync-'));
  const out = join(dir, 'meetings.json');
  await writeFile(out, 'the last good copy');
  for (const [path, env, why, seconds] of [
    ['/drip', { PEERPATH_SYNC_TIMEOUT_MS: '3000' }, /did not finish within 3 seconds/, 10],
    ['/endless', {}, /larger than 50 MiB/, 20],
    ['/bomb', {}, /larger than 50 MiB/, 20],
  ]) {
    const started = Date.now();
    const result = await run('peerpath-sync-feed', [`${site.url}${path}`, out, '--allow-local'], env);
    assert.equal(result.status, 1, `${path}: ${result.out}`);
    assert.match(result.out, why, path);
    assert.ok(Date.now() - started < seconds * 1000, `${path} took ${Date.now() - started} ms`);
    assert.equal(await readFile(out, 'utf8'), 'the last good copy', path);
  }
  // The bomb was stopped at the bound of inflated bytes, not inflated whole (here 2 MiB).
  const { fetchBounded } = await library();
  const before = process.memoryUsage().rss;
  await assert.rejects(fetchBounded(`${site.url}/bomb`, { allowLocal: true }), /larger than 2 MiB/);
  assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'memory stays bounded');
  site.close();
});

test('peerpath-sync-feed never writes through a planted symlink, and says plainly when OUT is a folder', async () => {
  const { symlink, mkdir } = await import('node:fs/promises');
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-sync-'));
  const victim = join(dir, 'victim.txt');
  await writeFile(victim, 'precious');
  const out = join(dir, 'meetings.json');
  // Every name the writer tries first is a symlink to the victim, as someone who can write in
  // the folder would plant one for a cron job run as root.
  const { writeBeside } = await library();
  const names = [];
  for (let i = 0; i < 3; i++) {
    names.push(join(dir, `.planted.${i}.tmp`));
    await symlink(victim, names[i]);
  }
  let tried = 0;
  await writeBeside(out, 'the new copy', () => names[tried++] ?? join(dir, '.fresh.tmp'));
  assert.equal(tried, 4, 'the three planted names were refused, a fourth used');
  assert.equal(await readFile(victim, 'utf8'), 'precious');
  assert.equal(await readFile(out, 'utf8'), 'the new copy');
  // When every name is taken, it gives up without writing anything.
  const all = names.slice();
  await assert.rejects(writeBeside(out, 'never', () => all[0]), /no temporary file/);
  assert.equal(await readFile(victim, 'utf8'), 'precious');
  // OUT a folder: a sentence, no stack trace, nothing left behind.
  const folder = join(dir, 'meetings');
  await mkdir(folder);
  const before = await readdir(dir);
  const result = await run('peerpath-sync-feed', [`${base}/meetings.json`, folder, '--allow-local']);
  assert.equal(result.status, 2, result.out);
  assert.match(result.out, /is not a file \(a folder\?\)/);
  assert.doesNotMatch(result.out, /at .*\.mjs:\d+/);
  assert.deepEqual(await readdir(dir), before);
});

test('peerpath-sync-feed reads BMLT format keys as data: constructor and __proto__ are not formats', async () => {
  const site = await routeServer({
    '/bmlt': (req, res) => res.end(JSON.stringify([{ ...BMLT[0], formats: 'O,constructor,__proto__,toString,WC' }])),
  });
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-sync-'));
  const out = join(dir, 'meetings.json');
  const result = await run('peerpath-sync-feed', [`${site.url}/bmlt`, out, '--allow-local']);
  assert.equal(result.status, 0, result.out);
  assert.deepEqual(JSON.parse(await readFile(out, 'utf8'))[0].types, ['O', 'X']);
  site.close();
});

test('peerpath-check prints hostile file names escaped and refuses a device such as /dev/zero at once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'peerpath-check-'));
  const name = join(dir, 'center\u001b]0;pwned\u0007\u001b[2J.json');
  await writeFile(name, JSON.stringify({ center: { name: 'Harbor' } }));
  const checked = await run('peerpath-check', [name]);
  assert.equal(checked.status, 0, checked.out);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(checked.out), JSON.stringify(checked.out));
  assert.match(checked.out, /\\u\{1b\}/);
  const started = Date.now();
  const zero = await run('peerpath-check', ['/dev/zero']);
  assert.equal(zero.status, 2, zero.out);
  assert.match(zero.out, /is not a file/);
  assert.ok(Date.now() - started < 10000);
});
