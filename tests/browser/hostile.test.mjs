// Hostile configs and feeds (issue 16), with the files that ship (dist/): floods of entries,
// a config that never arrives, a feed far over the size bound, text in other scripts, direction
// controls, a long unbroken string, numbers JSON cannot hold, nesting past the bound. Each ends
// in a working widget that used the rest, with a bounded console, and a quick exit that is not
// held up. Large inputs are generated here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, DIST } from './harness.mjs';

const CENTER = { name: 'Lakeside Recovery', phone: '+1 (555) 010-2000' };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A host page with the widget reading `/c.json` (or the inline config `inline`). */
const host = (inline) => `<!doctype html><html lang="en"><title>Center</title><link rel="icon" href="data:,">
  <script type="module" src="/peer-path.js"></script><h1>Center</h1>
  <peer-path config="${inline ? '#c' : '/c.json'}"><p>Call us: 555-0100</p></peer-path>
  ${inline ? `<script type="application/json" id="c">${inline}</script>` : ''}`;

/** Serves dist/ with `config` (text) at /c.json and `feed` (text) at /feed.json. */
function site({ config, feed, inline } = {}) {
  const files = { '/left.html': { body: '<!doctype html><title>Weather</title>', type: 'text/html' } };
  if (config !== undefined) files['/c.json'] = typeof config === 'string' ? { body: config } : config;
  if (feed !== undefined) files['/feed.json'] = { body: feed };
  return serve({ root: DIST, files, pages: { '/t.html': host(inline) } });
}

async function open(server) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}/t.html`);
  // The module running (it took over the shell's frame); the lists may still be read in pieces.
  await page.locator('peer-path .pp:not([data-shell]) [data-action=exit]').waitFor();
  return { context, page, messages };
}

/** Presses "Exit this page" and gives the milliseconds until the safe page's address commits. */
async function exitTime(page, server) {
  const started = Date.now();
  await Promise.all([
    page.waitForURL(`${server.url}/left.html`, { waitUntil: 'commit', timeout: 20000 }),
    page.locator('peer-path [data-action=exit]').click({ noWaitAfter: true }),
  ]);
  return Date.now() - started;
}

const exitTo = (server) => `${server.url}/left.html`;

test('a flood of entries is bounded work: quick exit is not held up, the console is not flooded', async () => {
  const floods = [
    // 690,000 empty resources in a 2 MB config.
    ['resources', (url) => `{"center": ${JSON.stringify(CENTER)}, "quick_exit_url": "${url}", "resources": [${Array(690_000).fill('{}').join(',')}]}`],
    // A million zeros as the Meeting Guide feed.
    ['feed', (url) => JSON.stringify({ center: CENTER, quick_exit_url: url, meeting_guide_url: '/feed.json' }), `[${Array(1_000_000).fill('0').join(',')}]`],
    // 110,000 fields in one object (1.8 MB).
    ['fields', (url) => JSON.stringify({ center: CENTER, quick_exit_url: url, x: Object.fromEntries(Array.from({ length: 110_000 }, (_, i) => [`f${i}`, i])) })],
  ];
  for (const [name, config, feed] of floods) {
    const files = {};
    const server = await serve({ root: DIST, files, pages: { '/t.html': host() } });
    files['/c.json'] = { body: config(exitTo(server)) };
    files['/left.html'] = { body: '<!doctype html><title>Weather</title>', type: 'text/html' };
    if (feed) files['/feed.json'] = { body: feed };
    const { context, page, messages } = await open(server);
    // The exit is pressed while the lists are still being read.
    const ms = await exitTime(page, server).catch((error) => assert.fail(`${name}: ${error.message} ${messages.join('\n')}`));
    console.log(`${name}: quick exit in ${ms} ms`);
    assert.ok(ms < 1000, `${name}: quick exit took ${ms} ms`);
    const written = messages.join('\n').length;
    assert.ok(written < 50_000, `${name}: ${written} characters in the console`);
    await context.close();
    await server.close();
  }
});

test('a flood leaves the center usable: its phone and exit page stay, the rest of the config is used', async () => {
  const files = {};
  const server = await serve({ root: DIST, files, pages: { '/t.html': host() } });
  files['/c.json'] = { body: `{"center": ${JSON.stringify(CENTER)}, "quick_exit_url": "${exitTo(server)}", "resources": [${Array(200_000).fill('{}').join(',')}, {"id": "late", "name": "Never read", "kind": "outpatient"}]}` };
  files['/left.html'] = { body: '<!doctype html><title>Weather</title>', type: 'text/html' };
  const { context, page, messages } = await open(server);
  assert.match(await page.locator('peer-path .crisis-lines').innerText(), /Lakeside Recovery/);
  await expect(() => messages.some((m) => /center config has \d+ problem/.test(m)));
  const report = messages.find((m) => /center config has/.test(m));
  assert.match(report, /resources: has more than 10000 entries; only the first 10000 are read/);
  assert.match(report, /more problem\(s\) like those above are not listed/);
  assert.ok(report.split('\n').length <= 103, `${report.split('\n').length} lines`);
  await exitTime(page, server);
  await context.close();
  await server.close();
});

test('a config that never arrives: the widget starts on its defaults after 10 seconds and says why', async () => {
  const server = await site({ config: { hang: true } });
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.goto(`${server.url}/t.html`);
  // The welcome shows at once (the shell draws it); the module takes it over after 10 seconds.
  await page.locator('peer-path [data-action=exit]').waitFor();
  await page.locator('peer-path .pp:not([data-shell])').waitFor({ timeout: 20000 });
  assert.ok(messages.some((m) => /center config "\/c\.json" could not be used \(the config did not arrive within 10 seconds\); the widget runs with its built-in suggestions only/.test(m)), messages.join('\n'));
  await context.close();
  await server.close();
});

test('a feed far over 2 MiB is not downloaded whole, and the widget works without it', async () => {
  // The feed would be 200 MB, sent a chunk at a time; the server counts what it got to send.
  let sent = 0;
  let closed;
  const gone = new Promise((resolve) => { closed = resolve; });
  const chunk = Buffer.from('{"name": "M", "slug": "s", "day": 1, "time": "19:00"},'.repeat(1000));
  const stream = (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.on('close', closed);
    res.write('[');
    const more = () => {
      while (sent < 200e6 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', more);
      }
      res.end('0]');
    };
    more();
  };
  const server = await serve({ root: DIST, files: { '/feed.json': { stream }, '/c.json': { body: JSON.stringify({ center: CENTER, meeting_guide_url: '/feed.json' }) } }, pages: { '/t.html': host() } });
  const { context, messages } = await open(server);
  await expect(() => messages.some((m) => /Meeting Guide feed is larger than 2 MiB/.test(m)));
  await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5000))]);
  assert.ok(sent < 50e6, `${(sent / 1e6).toFixed(1)} MB were sent`);
  await context.close();
  await server.close();
});

test('the 2 MiB bound counts UTF-8 bytes: 1 million CJK characters (3 MB) are refused, inline or fetched', async () => {
  const text = JSON.stringify({ center: { ...CENTER, hours: '營'.repeat(1_000_000) } });
  assert.ok(text.length < 2 * 1024 * 1024, 'under the bound in UTF-16 units');
  for (const server of [await site({ config: text }), await site({ inline: text })]) {
    const { context, page, messages } = await open(server);
    assert.ok(messages.some((m) => /config is larger than 2 MiB \(2097152 bytes\)/.test(m)), messages.join('\n'));
    assert.doesNotMatch(await page.locator('peer-path .crisis-lines').innerText(), /Lakeside/);
    await context.close();
    await server.close();
  }
});

test('direction controls cannot make the number shown differ from the number dialled', async () => {
  // A right-to-left override in the name would show the phone that follows it reversed.
  const config = JSON.stringify({ center: { name: 'Lakeside \u202e', phone: '+1 555 010 \u202e2000' } });
  const server = await site({ config });
  const { context, page } = await open(server);
  const links = await page.locator('peer-path a[href^="tel:+1"]').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  assert.ok(links.length > 0);
  for (const [href, text] of links) {
    assert.doesNotMatch(text, /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/, text);
    assert.equal(href, 'tel:+15550102000');
    assert.ok(text.replace(/\D/g, '').endsWith('15550102000'), `${text} dials ${href}`);
  }
  await context.close();
  await server.close();
});

test('a long unbroken string and numbers JSON cannot hold are left out; the rest works', async () => {
  const resource = { id: 'iop', name: 'Evening IOP', kind: 'intensive_outpatient', address: 'A'.repeat(100_000), lat: '1e400' };
  const text = JSON.stringify({ center: CENTER, quick_exit_url: 'https://www.weather.gov/', resources: [resource] }).replace('"1e400"', '1e400');
  const deep = `${'['.repeat(5000)}0${']'.repeat(5000)}`;
  for (const config of [text, text.replace('"center"', `"x": ${deep}, "center"`)]) {
    const server = await site({ config });
    const { context, page, messages } = await open(server);
    assert.match(await page.locator('peer-path .crisis-lines').innerText(), /Lakeside Recovery/);
    await expect(() => messages.some((m) => /center config has \d+ problem/.test(m)));
    const report = messages.find((m) => /center config has/.test(m));
    assert.match(report, /resources\[0\]\.address: is 100000 characters long; at most \d+ are read/);
    assert.match(report, /resources\[0\]\.lat: ∞ is out of range/);
    assert.ok(report.length < 5000, `${report.length} characters`);
    await context.close();
    await server.close();
  }
});

/** Waits (up to 10 s) until `condition()` holds. */
async function expect(condition) {
  for (let waited = 0; !condition(); waited += 50) {
    assert.ok(waited < 10000, 'timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
