// The WordPress plugin in a real WordPress (distribution.md): Debian's wordpress, MariaDB and PHP
// (`make test-wordpress` installs them), started here; the plugin installed from its zip and
// activated; configured by an administrator in Chromium through Settings > PeerPath; a page with
// the shortcode completed by a visitor, with no request to another origin; an invalid config and
// a request without its nonce refused; `php -l` on every file of the plugin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeServer } from '../routes.mjs';
import { axe, launch, serve, wholeResult } from '../browser/harness.mjs';
import { counter, fillThreePrograms } from '../browser/three-programs.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const version = (await readFile(join(root, 'Cargo.toml'), 'utf8')).match(/^version = "(.+)"$/m)[1];
const WORDPRESS = '/usr/share/wordpress';
const PASSWORD = 'peerpath-Test-1';

const freePort = () => new Promise((resolve) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
});
const sh = (command, args, options = {}) => new Promise((resolve, reject) => {
  execFile(command, args, { encoding: 'utf8', ...options }, (error, stdout, stderr) => (error ? reject(new Error(`${command} ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout)));
});

let port;
let site;
let content;
let php;
let browser;
let pageId;

/** PHP with WordPress loaded, as the site (the host without its port picks the site's config); `before` runs before WordPress loads. */
const wpPhp = (code, before = '') => sh('php', ['-r', `${before} $_SERVER['HTTP_HOST'] = '127.0.0.1'; $_SERVER['REQUEST_URI'] = '/'; define('WP_ADMIN', true); require '${WORDPRESS}/wp-load.php'; require_once ABSPATH . 'wp-admin/includes/plugin.php'; ${code}`]);

before(async () => {
  port = await freePort();
  site = `http://127.0.0.1:${port}`;
  content = await mkdtemp(join(tmpdir(), 'peerpath-wp-'));
  // The database: MariaDB, started without systemd; a fresh database each run.
  spawn('mysqld_safe', ['--user=mysql'], { stdio: 'ignore', detached: true }).unref();
  for (let i = 0; i < 60; i++) {
    try { await sh('mysqladmin', ['ping']); break; } catch { await new Promise((r) => setTimeout(r, 500)); }
  }
  await sh('mysql', ['-e', "DROP DATABASE IF EXISTS peerpath_test; CREATE DATABASE peerpath_test; CREATE USER IF NOT EXISTS 'peerpath'@'localhost' IDENTIFIED BY 'peerpath'; GRANT ALL ON peerpath_test.* TO 'peerpath'@'localhost';"]);
  // WordPress's content (themes, plugins) in a folder of this run; Debian reads the site's config
  // from /etc/wordpress/config-<host>.php.
  await cp('/var/lib/wordpress/wp-content', content, { recursive: true, dereference: true });
  await writeFile('/etc/wordpress/config-127.0.0.1.php', `<?php
define('DB_NAME', 'peerpath_test'); define('DB_USER', 'peerpath'); define('DB_PASSWORD', 'peerpath'); define('DB_HOST', 'localhost');
define('WP_HOME', '${site}'); define('WP_SITEURL', '${site}');
define('WP_CONTENT_DIR', '${content}'); define('WP_CONTENT_URL', '${site}/wp-content');
define('FS_METHOD', 'direct');
`);
  // PHP's own server, with a router that serves the content folder (with wasm's type).
  const router = join(content, 'router.php');
  await writeFile(router, `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (strpos($path, '/wp-content/') === 0) {
  $file = realpath('${content}' . substr($path, strlen('/wp-content')));
  if ($file !== false && strpos($file, '${content}') === 0 && is_file($file)) {
    $types = ['wasm' => 'application/wasm', 'js' => 'text/javascript', 'css' => 'text/css', 'json' => 'application/json', 'html' => 'text/html', 'txt' => 'text/plain'];
    header('Content-Type: ' . ($types[pathinfo($file, PATHINFO_EXTENSION)] ?? 'application/octet-stream'));
    readfile($file);
    return true;
  }
}
return false;
`);
  // Four workers, as a real server has more than one: WordPress's own loopback requests (WP-Cron
  // spawned by a page view, a sync it runs) never hold up the page a test is waiting for.
  php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', WORDPRESS, router], { cwd: WORDPRESS, stdio: 'ignore', detached: true, env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
  for (let i = 0; i < 40; i++) {
    try { await fetch(site); break; } catch { await new Promise((r) => setTimeout(r, 250)); }
  }
  const install = await fetch(`${site}/wp-admin/install.php?step=2`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ weblog_title: 'Harbor Recovery Center', user_name: 'admin', admin_password: PASSWORD, admin_password2: PASSWORD, pw_weak: '1', admin_email: 'admin@example.com', blog_public: '0' }),
  });
  assert.match(await install.text(), /Success!/, 'WordPress installed');
  // The plugin's sync never fetches from this machine or a private network; the test's meeting
  // lists are served on 127.0.0.1, so this test's site allows that one address (and no other).
  await mkdir(join(content, 'mu-plugins'), { recursive: true });
  await writeFile(join(content, 'mu-plugins', 'allow-local.php'), `<?php
add_filter('peerpath_sync_allowed_address', function ($allowed, $ip) { return $allowed || $ip === '127.0.0.1'; }, 10, 2);
// This machine has no internet: WordPress's own calls out (the dashboard's news, update and PHP
// version checks) fail at once instead of each waiting out its timeout, which once held a
// sign-in past 30 seconds. Requests to the site itself go through.
add_filter('pre_http_request', function ($pre, $args, $url) {
  $host = parse_url($url, PHP_URL_HOST);
  return in_array($host, ['127.0.0.1', 'localhost'], true) ? $pre : new WP_Error('http_request_failed', 'no internet on this test machine');
}, 10, 3);
`);
  browser = await launch();
});

after(async () => {
  // A test that failed before closing its server would keep this file running until its timeout.
  for (const close of hostileServers) close();
  await browser?.close();
  // The server and its workers, a process group of their own.
  if (php) try { process.kill(-php.pid); } catch { /* already gone */ }
  await sh('mysqladmin', ['shutdown']).catch(() => {});
  await rm('/etc/wordpress/config-127.0.0.1.php', { force: true });
});

/**
 * A screenshot for readme.txt's "Screenshots" (the n-th there), as WordPress.org names them; made
 * here so they show the plugin as it is.
 */
async function screenshot(page, n) {
  await mkdir(join(root, 'target', 'screenshots', 'wordpress'), { recursive: true });
  await page.screenshot({ path: join(root, 'target', 'screenshots', 'wordpress', `screenshot-${n}.png`) });
}

/** Answers each screen of the questionnaire in `scope` (a page or a frame) for oneself, to the result. */
async function complete(scope) {
  await scope.locator('peer-path .pp:not([data-shell]) [data-action=start]').click();
  for (let guard = 0; guard < 20 && !(await scope.locator('peer-path .next-steps').count()); guard++) {
    const self = scope.locator('peer-path input[name=for_whom][value=self]');
    if (await self.count()) await self.check();
    await scope.locator('peer-path .screen [data-action=next]').click();
  }
  await wholeResult(scope);
  return scope.locator('peer-path .screen').innerText();
}

/** A browser context signed in as the administrator, and its page. */
async function signIn(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${site}/wp-login.php`);
  await page.locator('#user_login').fill('admin');
  await page.locator('#user_pass').fill(PASSWORD);
  await page.locator('#wp-submit').click();
  // Signed in once the dashboard's document is here; its load event can wait on widgets that
  // reach for the internet, which this machine does not have.
  await page.waitForURL(/wp-admin/, { waitUntil: 'domcontentloaded' });
  return { context, page };
}

test('the plugin installs from its zip through Plugins > Add New > Upload, and activates', async () => {
  const { context, page } = await signIn();
  await page.goto(`${site}/wp-admin/plugin-install.php?tab=upload`);
  await page.locator('#pluginzip').setInputFiles(join(root, 'release', `peerpath-wp-${version}.zip`));
  await page.locator('#install-plugin-submit').click();
  await page.getByText('Plugin installed successfully.').waitFor();
  await page.getByRole('link', { name: 'Activate Plugin' }).click();
  await page.waitForURL(/plugins\.php/);
  assert.match(await page.locator('#message, .notice').first().innerText(), /activated/i);
  assert.match(await wpPhp("echo is_plugin_active('peerpath/peerpath.php') ? 'active' : 'inactive';"), /active$/);
  // Settings > PeerPath is in the menu, and a Settings link sits beside Deactivate (issue 27).
  assert.equal(await page.locator('#adminmenu a[href="options-general.php?page=peerpath"]').count(), 1);
  const row = page.locator('tr[data-plugin="peerpath/peerpath.php"]');
  await row.locator('.row-actions a', { hasText: 'Settings' }).click();
  await page.waitForURL(/options-general\.php\?page=peerpath/);
  await context.close();
  pageId = Number(await wpPhp("echo wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Find support', 'post_content' => '[peer_path]']);"));
  assert.ok(pageId > 0);
});

test('every PHP file of the plugin passes php -l', async () => {
  const dir = join(content, 'plugins', 'peerpath');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.php'));
  assert.ok(files.includes('peerpath.php') && files.includes('uninstall.php'));
  for (const file of files) assert.match(await sh('php', ['-l', join(dir, file)]), /No syntax errors/, file);
});

test('an administrator sets up the center in Settings > PeerPath; an invalid config is refused field by field', async () => {
  const { context, page } = await signIn();
  await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
  await page.locator('#summary', { hasText: /error|ready/ }).waitFor();
  // Invalid (no name): not saved, and said beside the field.
  await page.locator('#save').click();
  await page.locator('#save-result', { hasText: /Not saved/ }).waitFor();
  assert.equal(await page.locator('[data-path="center.name"]').getAttribute('aria-invalid'), 'true');
  // One save, its result beside it and in sight: the bar stays at the bottom of the window.
  const inView = () => page.locator('#save-result').evaluate((p) => { const r = p.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  await page.locator('#add').scrollIntoViewIfNeeded();
  assert.ok(await inView(), 'the result is in view beside the save button');
  // Valid: saved to the site.
  await page.locator('[data-path="center.name"]').fill('Harbor Recovery Center');
  await page.locator('[data-path="center.phone"]').fill('+1-555-0100');
  await page.locator('#add').click();
  await page.locator('.resource [data-field=name]').fill('Evening IOP');
  await page.locator('.resource [data-field=kind]').selectOption('intensive_outpatient');
  await page.locator('.resource [data-field=center_program]').check();
  // Text that would end a script element or open a comment in one, kept as text.
  const hostile = 'Evenings </script><!--<script> <img src=x onerror=alert(1)> & "quotes"';
  await page.locator('.resource [data-field=description]').fill(hostile);
  await page.locator('#summary', { hasText: 'No problems' }).waitFor();
  // Leaving with changes not saved asks first.
  const asked = [];
  page.once('dialog', (d) => { asked.push(d.type()); d.dismiss(); });
  await page.close({ runBeforeUnload: true });
  await page.waitForTimeout(500);
  assert.deepEqual(asked, ['beforeunload'], 'leaving with unsaved changes asks first');
  assert.ok(!page.isClosed(), 'and stays when told to');
  await page.locator('#save').click();
  await page.locator('#save-result', { hasText: /^Saved/ }).waitFor();
  assert.ok(await inView());
  // The lines for a page elsewhere name the plugin's own files and the site's config route.
  const snippet = await page.locator('#snippet').inputValue();
  assert.match(snippet, /<script type="module" src="\/wp-content\/plugins\/peerpath\/widget\/peer-path\.js"><\/script>/);
  assert.match(snippet, /<peer-path config="\/((index\.php)?\?rest_route=|wp-json)\/peerpath\/v1\/config">/);
  await page.locator('#preview peer-path .pp:not([data-shell])').scrollIntoViewIfNeeded();
  await screenshot(page, 1);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.reload();
  await page.locator('#summary', { hasText: 'No problems' }).waitFor();
  assert.equal(await page.locator('.resource [data-field=description]').inputValue(), hostile);
  assert.deepEqual([dialogs, errors], [[], []]);
  const saved = await (await fetch(`${site}/?rest_route=/peerpath/v1/config`)).json();
  assert.equal(saved.center.name, 'Harbor Recovery Center');
  assert.equal(saved.resources[0].kind, 'intensive_outpatient');
  // The server refuses what the page would not send, field by field, and a request without the
  // page's nonce.
  const refused = await page.evaluate(async (url) => {
    const nonce = window.peerpathSettings.nonce;
    const post = (body, headers) => fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const invalid = await post(JSON.stringify({ center: {}, resources: [{ id: 'a' }] }), { 'X-WP-Nonce': nonce });
    const noNonce = await post(JSON.stringify({ center: { name: 'Evil' } }), {});
    return { invalid: [invalid.status, await invalid.json()], noNonce: noNonce.status };
  }, `${site}/?rest_route=/peerpath/v1/config`);
  assert.equal(refused.invalid[0], 400);
  assert.deepEqual(refused.invalid[1].data.problems.map((p) => p.path), ['center.name', 'resources[0].name', 'resources[0].kind']);
  assert.ok([401, 403].includes(refused.noNonce), `without a nonce: ${refused.noNonce}`);
  const anonymous = await fetch(`${site}/?rest_route=/peerpath/v1/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"center":{"name":"Evil"}}' });
  assert.equal(anonymous.status, 401);
  assert.equal((await (await fetch(`${site}/?rest_route=/peerpath/v1/config`)).json()).center.name, 'Harbor Recovery Center', 'nothing refused was saved');
  await context.close();
});

test('another site\'s meeting list is kept on this site, checked, and read by the widget from here', async () => {
  const meetings = [{ name: 'Pier AA', slug: 'pier', day: [0, 1, 2, 3, 4, 5, 6], time: '12:00', types: ['O'], formatted_address: '1 Pier St, Oceanside' }];
  let answer = JSON.stringify(meetings);
  const intergroup = createHttpServer((req, res) => res.end(answer));
  await new Promise((resolve) => intergroup.listen(0, '127.0.0.1', resolve));
  const source = `http://127.0.0.1:${intergroup.address().port}/meetings.json`;
  assert.match(await wpPhp(`update_option('peerpath_feed_source', '${source}'); echo peerpath_sync_feed();`), /saved: 1 meeting/);
  // A broken answer later keeps the last good copy.
  answer = '<!doctype html><title>Down for maintenance</title>';
  assert.match(await wpPhp('echo peerpath_sync_feed();'), /^.*kept/);
  intergroup.close();
  const copy = await (await fetch(`${site}/?rest_route=/peerpath/v1/meetings`)).json();
  assert.deepEqual(copy, meetings);
  const config = await (await fetch(`${site}/?rest_route=/peerpath/v1/config`)).json();
  assert.match(config.meeting_guide_url, /peerpath\/v1\/meetings/);
  assert.ok(!config.meeting_guide_url.startsWith('http'), 'a path on this site');
});

test('a visitor completes the questionnaire on a page with the shortcode, with no request to another origin', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site}/?page_id=${pageId}`);
  await page.locator('peer-path .pp:not([data-shell]) .screen h2').waitFor();
  await screenshot(page, 3);
  const result = await complete(page);
  assert.match(result, /Your next steps/);
  assert.match(result, /Harbor Recovery Center/);
  assert.match(result, /Pier AA/, 'a meeting from the copy of the meeting list');
  assert.deepEqual([...origins], [site]);
  assert.deepEqual(errors, []);
  // The widget's files load only where it is shown.
  const home = await (await fetch(`${site}/`)).text();
  assert.doesNotMatch(home, /peer-path\.js/);
  await context.close();
});

test('isolated mode: a frame from the isolated host the administrator sets, out of reach of the page\'s scripts', async () => {
  const isolatedPage = Number(await wpPhp("echo wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Private help', 'post_content' => '[peer_path isolated=\"1\"]']);"));
  // No isolated host yet: visitors see only the phone lines, never the widget inline.
  const early = await (await fetch(`${site}/?page_id=${isolatedPage}`)).text();
  assert.match(early, /call or text 988\. In an emergency, call 911\. To talk with us, call \+1-555-0100/);
  assert.doesNotMatch(early, /<peer-path|peer-path\.js|peer-path-frame/);
  assert.doesNotMatch(early, /needs an isolated host/, 'the note is for administrators');

  const { context, page } = await signIn();
  await page.goto(`${site}/?page_id=${isolatedPage}`);
  assert.match(await page.locator('.peerpath-notice').innerText(), /isolated mode needs an isolated host/);
  await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
  await page.locator('#summary', { hasText: /error|ready|No problems/ }).waitFor();
  // This site's own address is refused, beside the field.
  await page.getByLabel('Isolated host (a folder on another address)').fill(`${site}/peerpath/`);
  await page.locator('#save').click();
  await page.locator('#isolated-host-problem').waitFor();
  assert.match(await page.locator('#save-result').innerText(), /Not saved: the isolated host was refused/);
  assert.equal(await page.locator('#isolated-host').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#isolated-host-problem').innerText(), /another address than this site/);
  await axe(page, 'settings page with a problem', { within: '.peerpath-settings' });
  // Another origin (localhost, not 127.0.0.1): saved, and the config lists this site.
  const host = await serve({ root: join(content, 'plugins', 'peerpath', 'widget'), files: {} });
  const isolated = `http://localhost:${new URL(host.url).port}/`;
  await page.getByLabel('Isolated host (a folder on another address)').fill(isolated.slice(0, -1));
  await page.locator('#save').click();
  await page.locator('#save-result', { hasText: /^Saved\. .*Isolated host saved/ }).waitFor();
  assert.equal(await page.locator('#isolated-host').getAttribute('aria-invalid'), null);
  assert.equal(await page.locator('[data-path=embed_origins]').inputValue(), site);
  assert.match(await page.locator('#snippet-isolated').inputValue(), new RegExp(`<script src="${isolated}peer-path-frame\\.js" defer>`));
  const json = await page.locator('#json').inputValue();
  assert.deepEqual(JSON.parse(json).embed_origins, [site]);
  await context.close();

  // The web person copies the config to the isolated host.
  host.close();
  const frameHost = await serve({ root: join(content, 'plugins', 'peerpath', 'widget'), files: { '/center.json': { body: json } } });
  await wpPhp(`update_option('peerpath_isolated_host', 'http://localhost:${new URL(frameHost.url).port}/');`);
  const frameOrigin = `http://localhost:${new URL(frameHost.url).port}`;
  try {
    const visitor = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const view = await visitor.newPage();
    const origins = new Set();
    view.on('request', (r) => origins.add(new URL(r.url()).origin));
    await view.goto(`${site}/?page_id=${isolatedPage}`);
    assert.equal(await view.locator('peer-path').count(), 0, 'no widget in the page itself');
    const frame = await (await view.locator('peer-path-frame iframe').elementHandle()).contentFrame();
    const result = await complete(frame);
    assert.match(result, /Harbor Recovery Center/);
    // The page's scripts cannot read the frame.
    assert.equal(await view.evaluate(() => document.querySelector('peer-path-frame').shadowRoot.querySelector('iframe').contentDocument), null);
    assert.deepEqual([...origins].sort(), [site, frameOrigin].sort());
    await visitor.close();
    // The block's Isolated switch gives the same frame.
    const blockPage = Number(await wpPhp("echo wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Block', 'post_content' => '<!-- wp:peerpath/widget {\"isolated\":true,\"lang\":\"es\"} /-->']);"));
    const block = await (await fetch(`${site}/?page_id=${blockPage}`)).text();
    assert.match(block, new RegExp(`<peer-path-frame src="${frameOrigin}/embed\\.html" config="${frameOrigin}/center\\.json" lang="es">`));
    // The element's script is the plugin's own, from this site: nothing of the isolated host runs in the page.
    assert.match(block, new RegExp(`<script[^>]+src=["']${site}/wp-content/plugins/peerpath/widget/peer-path-frame\\.js`));
    assert.doesNotMatch(block, new RegExp(`<script[^>]+src=["']${frameOrigin}`));
    assert.doesNotMatch(block, /<peer-path[\s>]/);
  } finally {
    await frameHost.close();
    await wpPhp("delete_option('peerpath_isolated_host');");
  }
});

test('an editor places the PeerPath block on a page in the block editor; visitors see the widget there', async () => {
  const { context, page } = await signIn();
  await page.goto(`${site}/wp-admin/post-new.php?post_type=page`);
  // The editor's welcome guide, when it shows, is closed first.
  const guide = page.getByRole('dialog', { name: /Welcome to the block editor/ });
  if (await guide.waitFor({ timeout: 10000 }).then(() => true, () => false)) {
    await guide.getByRole('button', { name: 'Close' }).click();
  }
  await page.getByRole('textbox', { name: 'Add title' }).fill('Ayuda');
  await page.getByRole('button', { name: 'Toggle block inserter' }).click();
  await page.getByRole('searchbox', { name: /Search/ }).fill('PeerPath');
  await page.getByRole('option', { name: 'PeerPath' }).click();
  await page.locator('.peerpath-block').waitFor();
  // Its language, from the block's settings.
  await page.getByRole('button', { name: 'Toggle block inserter' }).click();
  const settings = page.getByRole('button', { name: 'Settings', exact: true });
  if ((await settings.getAttribute('aria-pressed')) !== 'true') await settings.click();
  await page.locator('.peerpath-block').click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  // In the editor the block is the widget itself: its brand shows as it is chosen.
  const start = page.locator('.peerpath-block peer-path [data-action=start]');
  await start.waitFor();
  await page.getByRole('textbox', { name: 'Accent color' }).fill('#5b2a86');
  await page.waitForFunction(() => {
    const b = document.querySelector('.peerpath-block peer-path')?.shadowRoot?.querySelector('[data-action=start]');
    return b && getComputedStyle(b).backgroundColor === 'rgb(91, 42, 134)';
  });
  await page.getByRole('combobox', { name: 'Light or dark' }).selectOption('dark');
  await page.waitForFunction(() => {
    const pp = document.querySelector('.peerpath-block peer-path')?.shadowRoot?.querySelector('.pp');
    return pp && getComputedStyle(pp).backgroundColor === 'rgb(20, 32, 31)';
  });
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.locator('.editor-post-publish-panel').getByRole('button', { name: 'Publish', exact: true }).click();
  await page.locator('.post-publish-panel__postpublish').waitFor();
  const id = await page.evaluate(() => window.wp.data.select('core/editor').getCurrentPostId());
  assert.match(await wpPhp(`echo get_post(${id})->post_content;`), /<!-- wp:peerpath\/widget \{"lang":"es","accent":"#5b2a86","scheme":"dark"\} \/-->/);
  await context.close();

  const visitor = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const view = await visitor.newPage();
  await view.goto(`${site}/?page_id=${id}`);
  await view.locator('peer-path .pp:not([data-shell]) [data-action=start]').waitFor();
  assert.equal(await view.locator('peer-path').getAttribute('lang'), 'es');
  assert.match(await view.locator('peer-path .screen').innerText(), /apoyo|ayuda/i);
  // The visitor sees the block's brand.
  assert.equal(await view.locator('peer-path').getAttribute('style'), '--pp-accent:#5b2a86;color-scheme:dark');
  // Dark, as chosen (the accent is the light scheme's; dark mode has its own, --pp-accent-dark).
  assert.equal(await view.locator('peer-path .pp').evaluate((pp) => getComputedStyle(pp).backgroundColor), 'rgb(20, 32, 31)');
  // A block's values are checked before they reach the page.
  const hostile = await wpPhp(`echo peerpath_theme_style(['accent' => 'red;background:url(//evil.example)', 'font' => 'x;}</style><script>', 'scheme' => 'midnight']);`);
  assert.equal(hostile.trim(), '');
  await visitor.close();
});

test('a site that runs 12 Step Meeting List is offered its own feed', async () => {
  const tsml = join(content, 'mu-plugins', 'tsml-present.php');
  await writeFile(tsml, "<?php define('TSML_VERSION', '3.14');\n");
  try {
    const { context, page } = await signIn();
    await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
    await page.locator('#summary', { hasText: /error|ready|No problems/ }).waitFor();
    await page.getByRole('button', { name: 'Use this site\'s 12 Step Meeting List' }).click();
    assert.equal(await page.locator('[data-path=meeting_guide_url]').inputValue(), '/wp-admin/admin-ajax.php?action=meetings');
    assert.match(await page.locator('#json').inputValue(), /"meeting_guide_url": "\/wp-admin\/admin-ajax\.php\?action=meetings"/);
    await context.close();
  } finally {
    await rm(tsml);
  }
  // Without it, no such offer.
  const { context, page } = await signIn();
  await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
  await page.locator('#summary', { hasText: /error|ready|No problems/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: /12 Step Meeting List/ }).count(), 0);
  await context.close();
});

// ---- Hostile input (issue 24): each attack reproduced against the real WordPress, then refused ----

/** How to close each server `hostile` started: `after` closes them all, whatever happened. */
const hostileServers = new Set();

/** A server for the attacks on the sync: `routes` maps a path to a handler. */
async function hostile(routes) {
  const server = await routeServer(routes);
  hostileServers.add(server.close);
  return server;
}

/** Runs the plugin's sync of `source` in PHP with a deadline of `seconds`: its sentence, the time taken, the memory it added. */
async function syncWith(source, seconds = 30) {
  const out = await wpPhp(`add_filter('peerpath_sync_seconds', function () { return ${seconds}; });
    update_option('peerpath_feed_source', '${source}');
    $base = memory_get_usage(); $t = microtime(true); $said = peerpath_sync_feed();
    echo json_encode(['said' => $said, 'seconds' => microtime(true) - $t, 'memory' => memory_get_peak_usage() - $base]);`);
  return JSON.parse(out.slice(out.indexOf('{')));
}

test('the sync stops a drip, an endless body and a compression bomb within its bounds, with or without php-curl', async () => {
  const { gzipSync } = await import('node:zlib');
  const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 32)); // 200 MiB of spaces, about 200 KiB compressed
  const site2 = await hostile({
    '/drip-head': (req, res) => { res.socket.write('HTTP/1.1 200 OK\r\n'); const t = setInterval(() => res.socket.write('X'), 500); res.on('close', () => clearInterval(t)); },
    '/drip': (req, res) => { res.write('['); const t = setInterval(() => res.write(' '), 500); res.on('close', () => clearInterval(t)); },
    '/endless': (req, res) => { res.write('['); const chunk = Buffer.alloc(64 * 1024, 32); const more = () => { while (res.write(chunk)); }; res.on('drain', more); more(); },
    '/bomb': (req, res) => { res.writeHead(200, { 'content-encoding': 'gzip' }); res.end(bomb); },
  });
  const before = await wpPhp("echo get_option('peerpath_feed');");
  for (const [path, why] of [['/drip-head', /did not finish within 3 seconds/], ['/drip', /did not finish within 3 seconds/],
    ['/endless', /larger than 50 MiB, as much as is read/], ['/bomb', /larger than 50 MiB once inflated/]]) {
    const result = await syncWith(`${site2.url}${path}`, 3);
    assert.match(result.said, /^kept: /, path);
    assert.match(result.said, why, `${path}: ${result.said}`);
    assert.ok(result.seconds < 5, `${path} took ${result.seconds} s`);
    // Bounded by what is read (50 MiB, the answer and its body), never by what is sent.
    assert.ok(result.memory < 2.5 * 50 * 1024 * 1024, `${path} took ${result.memory} bytes of PHP memory`);
  }
  assert.equal(await wpPhp("echo get_option('peerpath_feed');"), before, 'the last good copy is kept');
  site2.close();
});

test('the sync never reaches link-local, shared or other local addresses, directly or by a redirect', async () => {
  const site2 = await hostile({
    '/to-metadata': (req, res) => { res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); res.end(); },
    '/to-cgnat': (req, res) => { res.writeHead(301, { location: 'http://100.64.0.1/meetings.json' }); res.end(); },
    '/to-loopback': (req, res) => { res.writeHead(307, { location: `http://127.0.0.2:${new URL(site2.url).port}/x` }); res.end(); },
  });
  for (const source of [`${site2.url}/to-metadata`, `${site2.url}/to-cgnat`, `${site2.url}/to-loopback`, 'http://169.254.169.254/latest/meta-data/', 'http://100.64.0.1/']) {
    const { said } = await syncWith(source, 5);
    assert.match(said, /^kept: .*on this machine or a private network/, `${source}: ${said}`);
  }
  site2.close();
});

test('the fallback lines print the center\'s phone without direction controls', async () => {
  const saved = await wpPhp("echo get_option('peerpath_config');");
  await wpPhp(`update_option('peerpath_config', wp_json_encode(['center' => ['name' => 'Harbor', 'phone' => "+1-555-\u{202E}0010\u{202C}"]]));`);
  try {
    const page = Number(await wpPhp("echo wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Bidi', 'post_content' => '[peer_path isolated]']);"));
    const html = await (await fetch(`${site}/?page_id=${page}`)).text();
    assert.match(html, /call \+1-555-0010\./);
    assert.doesNotMatch(html, /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u);
  } finally {
    await wpPhp(`update_option('peerpath_config', ${JSON.stringify(saved)});`);
  }
});

test('the REST routes refuse what PHP would mangle: 1e400 in a config, an array for an address', async () => {
  const { context, page } = await signIn();
  await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
  await page.locator('#summary', { hasText: /error|ready|No problems|warning/ }).waitFor();
  const before = await wpPhp("echo get_option('peerpath_config');");
  const answer = await page.evaluate(async () => {
    const s = window.peerpathSettings;
    const post = (url, body) => fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-WP-Nonce': s.nonce }, body })
      .then(async (r) => ({ status: r.status, text: await r.text() }));
    return {
      huge: await post(s.save, '{"center": {"name": "Harbor", "lat": 1e400}}'),
      feed: await post(s.feedSourceUrl, '{"url": ["a", "b"]}'),
      host: await post(s.isolatedHostUrl, '{"url": {"x": 1}}'),
    };
  });
  assert.equal(answer.huge.status, 400, answer.huge.text);
  assert.match(answer.huge.text, /center\.lat/);
  assert.equal(await wpPhp("echo get_option('peerpath_config');"), before, 'nothing stored');
  for (const which of ['feed', 'host']) {
    assert.equal(answer[which].status, 400, answer[which].text);
    assert.match(answer[which].text, /must be text/);
    assert.doesNotMatch(answer[which].text, /Warning|Array to string/);
  }
  // With every PHP warning counted: none from the plugin's routes.
  const warnings = await wpPhp(`$count = 0; set_error_handler(function ($no, $text) use (&$count) { if (strpos($text, 'Array to string') !== false) $count++; return true; });
    wp_set_current_user(1); do_action('rest_api_init');
    foreach (['/peerpath/v1/feed-source', '/peerpath/v1/isolated-host'] as $route) { $r = new WP_REST_Request('POST', $route); $r->set_param('url', ['a']); rest_do_request($r); }
    echo $count;`);
  assert.equal(warnings.trim(), '0');
  await context.close();
});

test('each visitor gets the kept meeting list as stored, never decoded and encoded again', async () => {
  const saved = await wpPhp("echo get_option('peerpath_feed');");
  // As stored: spacing and key order that a decode and encode would change.
  const stored = '[ {"time": "12:00", "name": "Pier AA", "slug": "pier", "day": 1}   ]';
  await wpPhp(`update_option('peerpath_feed', ${JSON.stringify(stored)}, false);`);
  try {
    const response = await fetch(`${site}/?rest_route=/peerpath/v1/meetings`);
    assert.match(response.headers.get('content-type'), /application\/json/);
    assert.equal(await response.text(), stored);
  } finally {
    await wpPhp(`update_option('peerpath_feed', ${JSON.stringify(saved)}, false);`);
  }
});

test('an administrator without unfiltered_html cannot set the isolated host, and no page loads a script from it', async () => {
  const guard = join(content, 'mu-plugins', 'no-unfiltered-html.php');
  await writeFile(guard, "<?php define('DISALLOW_UNFILTERED_HTML', true);\n");
  try {
    const { context, page } = await signIn();
    await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
    await page.locator('#summary', { hasText: /error|ready|No problems|warning/ }).waitFor();
    assert.match(await page.locator('#isolated-host-who').innerText(), /unfiltered HTML/);
    assert.ok(await page.getByLabel('Isolated host (a folder on another address)').evaluate((input) => input.readOnly));
    const refused = await page.evaluate(async () => {
      const s = window.peerpathSettings;
      const r = await fetch(s.isolatedHostUrl, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-WP-Nonce': s.nonce }, body: JSON.stringify({ url: 'https://evil.example/x/' }) });
      return { status: r.status, text: await r.text() };
    });
    assert.equal(refused.status, 403, refused.text);
    assert.equal(await wpPhp("echo get_option('peerpath_isolated_host');"), '');
    await context.close();
    // A host stored some other way still loads no script of its own into the page.
    await wpPhp("update_option('peerpath_isolated_host', 'https://evil.example/x/');");
    const page2 = Number(await wpPhp("echo wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Iso', 'post_content' => '[peer_path isolated]']);"));
    const html = await (await fetch(`${site}/?page_id=${page2}`)).text();
    assert.doesNotMatch(html, /<script[^>]+evil\.example/);
    assert.match(html, /<peer-path-frame src="https:\/\/evil\.example\/x\/embed\.html"/);
  } finally {
    await rm(guard, { force: true });
    await wpPhp("delete_option('peerpath_isolated_host');");
  }
});

test('a BMLT server\'s meetings are synced, trimmed to the center\'s radius, and the sync is seen beside its field; a stale copy is noticed in the admin and Site Health', async () => {
  // The center's place and radius, as the configurator writes them.
  await wpPhp(`$c = json_decode(get_option('peerpath_config')); $c->center->lat = 33.1959; $c->center->lon = -117.3795; $c->feed_radius_miles = 40; update_option('peerpath_config', wp_json_encode($c));`);
  const bmlt = [
    { id_bigint: '17', meeting_name: 'Just for Today', weekday_tinyint: '3', start_time: '19:30:00', duration_time: '01:30:00', location_text: 'Church hall',
      location_street: '5 Hill St', location_municipality: 'Oceanside', location_province: 'CA', latitude: '33.19', longitude: '-117.37', formats: 'O,WC', time_zone: 'America/Los_Angeles' },
    { id_bigint: '18', meeting_name: 'Far Away', weekday_tinyint: '2', start_time: '12:00:00', duration_time: '01:00:00', latitude: '40.71', longitude: '-74.0', formats: 'C' },
    { id_bigint: '19', meeting_name: 'Online Noon', weekday_tinyint: '4', start_time: '12:00:00', duration_time: '01:00:00', latitude: '40.71', longitude: '-74.0', formats: 'VM', virtual_meeting_link: 'https://zoom.example/j/19' },
  ];
  const server = await hostile({ '/bmlt': (req, res) => res.end(JSON.stringify(bmlt)) });
  const { context, page } = await signIn();
  await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
  await page.locator('#summary', { hasText: /error|ready|No problems|warning/ }).waitFor();
  await page.getByLabel(/Meeting list from another site/).fill(`${server.url}/bmlt`);
  await page.locator('#save').click();
  await page.locator('#save-result', { hasText: /Meeting list: saved: 2 meeting\(s\); left out: 1 farther than the radius, 0 with no place/ }).waitFor();
  assert.match(await page.locator('#feed-status').innerText(), /^Last synced .* ago: 2 meetings kept\.$/);
  // A field focused is never under the save bar (WCAG 2.4.11).
  await page.locator('#feed-source').focus();
  const [field, bar] = await page.evaluate(() => [document.getElementById('feed-source').getBoundingClientRect().bottom, document.querySelector('.save-bar').getBoundingClientRect().top]);
  assert.ok(field <= bar, `the field ends at ${field}, the bar starts at ${bar}`);
  await screenshot(page, 2);
  const copy = await (await fetch(`${site}/?rest_route=/peerpath/v1/meetings`)).json();
  assert.deepEqual(copy.map((m) => m.slug), ['bmlt-17', 'bmlt-19']);
  assert.deepEqual(copy[0], { name: 'Just for Today', slug: 'bmlt-17', day: 2, time: '19:30', end_time: '21:00', location: 'Church hall',
    formatted_address: '5 Hill St, Oceanside, CA', latitude: 33.19, longitude: -117.37, timezone: 'America/Los_Angeles', types: ['O', 'X'] });
  // The source goes down: the copy stays, and the status says when it last synced and what went wrong.
  server.close();
  await wpPhp('peerpath_sync_feed();');
  await page.reload();
  assert.match(await page.locator('#feed-status').innerText(), /Last synced .* ago: 2 meetings kept\. The last try, .* ago, did not change the copy: could not connect/);
  assert.equal(await page.locator('#peerpath-stale').count(), 0, 'fresh: no notice');
  assert.match(await wpPhp('echo json_encode(peerpath_health_feed());'), /"status":"good"/);
  // Three days later: noticed on the dashboard and in Site Health.
  await wpPhp("$s = get_option('peerpath_feed_status'); $s['time'] = time() - 3 * 86400; update_option('peerpath_feed_status', $s);");
  await page.goto(`${site}/wp-admin/`);
  assert.match(await page.locator('#peerpath-stale').innerText(), /copy of your meeting list is more than two days old.*Last synced 3 days ago: 2 meetings kept/s);
  const health = JSON.parse((await wpPhp('echo json_encode(peerpath_health_feed());')).replace(/^[^{]*/, ''));
  assert.equal(health.status, 'recommended');
  assert.match(health.description, /Last synced 3 days ago/);
  await screenshot(page, 4);
  await context.close();
  await wpPhp("delete_option('peerpath_feed_source'); delete_option('peerpath_feed_status');");
});

test('a sync that PHP stops (a small host\'s memory_limit reached on a large list) is said beside the field, not lost', async () => {
  // A 20 MB list: well within the 50 MiB read, more than 48 MB of PHP memory once decoded.
  const meeting = (i) => ({ name: `Meeting ${i}`, slug: `m-${i}`, day: i % 7, time: '19:00', location: 'Hall', formatted_address: `${i} Main St, Springfield`, latitude: 40 + (i % 100) / 100, longitude: -75, types: ['O', 'D'], notes: 'x'.repeat(800) });
  const big = JSON.stringify(Array.from({ length: 20000 }, (_, i) => meeting(i)));
  const server = await hostile({ '/big': (req, res) => res.end(big) });
  const before = await wpPhp("echo get_option('peerpath_feed');");
  // What a small host allows (48 MB, which WordPress may not raise): PHP stops the sync with a
  // fatal error, which no code of the sync sees.
  const stopped = wpPhp(`update_option('peerpath_feed_source', '${server.url}/big'); delete_option('peerpath_feed_status'); peerpath_sync_feed();`,
    "ini_set('memory_limit', '48M'); define('WP_MAX_MEMORY_LIMIT', '48M');");
  await assert.rejects(stopped.finally(() => server.close()), /Allowed memory size/);
  const status = JSON.parse((await wpPhp("echo json_encode(get_option('peerpath_feed_status'));")).replace(/^[^{]*/, ''));
  assert.equal(status.source, `${server.url}/big`);
  assert.match(status.error, /ran out of memory for PHP while reading the list; ask your host to raise PHP's memory_limit, or keep the copy with peerpath-sync-feed/);
  assert.equal(await wpPhp("echo get_option('peerpath_feed');"), before, 'the last good copy is kept');
  const { context, page } = await signIn();
  await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
  assert.match(await page.locator('#feed-status').innerText(), /No copy of the meeting list has been kept yet\. The last try, .* ago, did not change the copy: the server ran out of memory/);
  await context.close();
  await wpPhp("delete_option('peerpath_feed_source'); delete_option('peerpath_feed_status');");
});

test('a REST API locked to signed-in users (a security plugin) is said on the settings page and in Site Health', async () => {
  const lock = join(content, 'mu-plugins', 'rest-login-only.php');
  // What such plugins do: every REST request without a signed-in user is refused.
  await writeFile(lock, `<?php
add_filter('rest_authentication_errors', function ($result) {
  if (!empty($result) || is_user_logged_in()) return $result;
  return new WP_Error('rest_not_logged_in', 'You are not currently logged in.', ['status' => 401]);
});
`);
  try {
    assert.equal((await fetch(`${site}/?rest_route=/peerpath/v1/config`)).status, 401, 'the lock works');
    const { context, page } = await signIn();
    await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
    await page.locator('#public-problem').waitFor();
    assert.match(await page.locator('#public-problem').innerText(), /Visitors cannot load your PeerPath config: .* answered HTTP 401, .* allow the routes under \/wp-json\/peerpath\/v1\//);
    await axe(page, 'settings page with the REST warning', { within: '.peerpath-settings' });
    await context.close();
    const health = JSON.parse((await wpPhp('echo json_encode(peerpath_health_public());')).replace(/^[^{]*/, ''));
    assert.equal(health.status, 'critical');
    assert.match(health.description, /answered HTTP 401 to a visitor who is not signed in/);
  } finally {
    await rm(lock, { force: true });
  }
  // Unlocked: nothing to say.
  const { context, page } = await signIn();
  await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
  await page.locator('#summary', { hasText: /error|ready|No problems|warning/ }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#public-problem').count(), 0);
  await context.close();
  assert.match(await wpPhp('echo json_encode(peerpath_health_public());'), /"status":"good"/);
});

test('the privacy-policy text is in Settings > Privacy > Policy Guide, for the center to paste', async () => {
  const { context, page } = await signIn();
  await page.goto(`${site}/wp-admin/privacy-policy-guide.php`);
  const guide = page.locator('.privacy-settings-accordion-trigger', { hasText: 'PeerPath' });
  await guide.click();
  const text = await page.locator('.privacy-settings-accordion-panel', { hasText: 'Your answers stay on your device' }).innerText();
  assert.match(text, /They are not sent to us or to anyone else/);
  assert.match(text, /call or text 988, or call 911/);
  await context.close();
});

test('an administrator who reads Spanish gets the plugin\'s admin in Spanish (its .mo): the Settings link, the privacy text and the settings page', async () => {
  await wpPhp("update_user_meta(1, 'locale', 'es_ES');");
  try {
    const { context, page } = await signIn();
    await page.goto(`${site}/wp-admin/plugins.php`);
    await page.locator('tr[data-plugin="peerpath/peerpath.php"] .row-actions a', { hasText: 'Ajustes' }).waitFor();
    await page.goto(`${site}/wp-admin/privacy-policy-guide.php`);
    await page.locator('.privacy-settings-accordion-trigger', { hasText: 'PeerPath' }).click();
    await page.locator('.privacy-settings-accordion-panel', { hasText: 'Sus respuestas se quedan en su dispositivo' }).waitFor();
    // The settings page (the configurator) in Spanish too: its text, its script's words, the catalog's names.
    await page.goto(`${site}/wp-admin/options-general.php?page=peerpath`);
    await page.getByRole('heading', { name: 'Configure PeerPath para su centro' }).waitFor();
    // The form is filled from the stored config once the page's module has loaded, and checked.
    await page.locator('#summary', { hasText: /Sin problemas|error\(es\)|aviso/ }).waitFor();
    assert.equal(await page.getByRole('group', { name: 'Su centro' }).getByLabel('Nombre (obligatorio)').inputValue(), 'Harbor Recovery Center');
    assert.equal(await page.locator('#save').innerText(), 'Guardar');
    assert.match(await page.locator('#hide').textContent(), /Programa ambulatorio intensivo \(IOP\)/);
    assert.equal(await page.locator('.resource').first().getByRole('button', { name: 'Copiar este programa' }).count(), 1);
    await page.getByRole('group', { name: 'Su centro' }).getByLabel('Nombre (obligatorio)').fill('Harbor Recovery Center ');
    assert.equal(await page.locator('#save-result').innerText(), 'Todavía no se ha guardado.');
    // A problem beside its field in the administrator's language too (the checker's sentences).
    const contact = page.locator('[data-path="center.url"]');
    await contact.fill('harbor.example/contacto');
    const problem = page.locator('#' + await contact.getAttribute('aria-describedby'));
    assert.equal(await problem.innerText(), 'Aviso: "harbor.example/contacto" parece una dirección web sin https://: tal como está, el navegador la abre como una página de su propio sitio. Escriba https:// delante.');
    await contact.fill('https://harbor.example/contacto');
    assert.equal(await contact.getAttribute('aria-invalid'), null);
    await axe(page, 'settings page in Spanish', { within: '.peerpath-settings' });
    await context.close();
  } finally {
    await wpPhp("delete_user_meta(1, 'locale');");
  }
});

test('readme.txt is in WordPress\'s format, and each screenshot it lists was made by these tests', async () => {
  const readme = await readFile(join(root, 'wordpress', 'peerpath', 'readme.txt'), 'utf8');
  const header = Object.fromEntries([...readme.matchAll(/^([A-Z][A-Za-z ]+): (.+)$/gm)].map((m) => [m[1], m[2]]));
  assert.match(readme, /^=== PeerPath ===\n/);
  assert.equal(header['Stable tag'], version);
  assert.equal(header['Requires at least'], '6.1');
  assert.equal(header['Requires PHP'], '7.4');
  const plugin = await readFile(join(root, 'wordpress', 'peerpath', 'peerpath.php'), 'utf8');
  assert.equal(plugin.match(/^ \* Version: (.+)$/m)[1], version, 'the plugin header agrees');
  const short = readme.split('\n\n')[1];
  assert.ok(short.length <= 150 && !short.includes('=='), `short description: ${short.length} characters`);
  for (const section of ['Description', 'Installation', 'Frequently Asked Questions', 'Screenshots', 'Changelog', 'Privacy']) {
    assert.match(readme, new RegExp(`^== ${section} ==$`, 'm'), section);
  }
  const listed = readme.slice(readme.indexOf('== Screenshots ==')).split('\n== ')[0].match(/^\d+\. /gm).length;
  const made = (await readdir(join(root, 'target', 'screenshots', 'wordpress'))).filter((f) => /^screenshot-\d+\.png$/.test(f));
  assert.equal(made.length, listed, made.join(', '));
});

test('a three-program center set up in Settings > PeerPath and placed with the block: the actions it took are counted', async () => {
  const meetings = [{ name: 'Pier AA', slug: 'pier', day: [0, 1, 2, 3, 4, 5, 6], time: '12:00', types: ['O'], formatted_address: '1 Pier St, Oceanside' }];
  const intergroup = await hostile({ '/meetings.json': (req, res) => res.end(JSON.stringify(meetings)) });
  await wpPhp("delete_option('peerpath_config');");
  const { context, page } = await signIn();
  const count = counter();
  await count.act(page.locator('#menu-settings > a'), 'click');
  await count.act(page.locator('#menu-settings a[href="options-general.php?page=peerpath"]'), 'click');
  await page.locator('#summary', { hasText: /error/ }).waitFor();
  await fillThreePrograms(page, count, { field: page.getByLabel(/Meeting list from another site/), value: `${intergroup.url}/meetings.json` });
  await page.locator('#summary', { hasText: 'No problems' }).waitFor();
  await count.act(page.locator('#save'), 'click');
  await page.locator('#save-result', { hasText: /^Saved\. .*Meeting list: saved: 1 meeting/ }).waitFor();
  await axe(page, 'settings page with three programs', { within: '.peerpath-settings' });
  // The page: a new page, its title, the block, publish.
  await count.act(page.locator('#menu-pages > a'), 'click');
  await page.goto(`${site}/wp-admin/post-new.php?post_type=page`); // the menu's "Add New"
  count.actions++;
  const guide = page.getByRole('dialog', { name: /Welcome to the block editor/ });
  if (await guide.waitFor({ timeout: 10000 }).then(() => true, () => false)) await guide.getByRole('button', { name: 'Close' }).click();
  await count.act(page.getByRole('textbox', { name: 'Add title' }), 'fill', 'Find support');
  await count.act(page.getByRole('button', { name: 'Toggle block inserter' }), 'click');
  await count.act(page.getByRole('searchbox', { name: /Search/ }), 'fill', 'PeerPath');
  await count.act(page.getByRole('option', { name: 'PeerPath' }), 'click');
  await count.act(page.getByRole('button', { name: 'Publish', exact: true }), 'click');
  await count.act(page.locator('.editor-post-publish-panel').getByRole('button', { name: 'Publish', exact: true }), 'click');
  await page.locator('.post-publish-panel__postpublish').waitFor();
  const id = await page.evaluate(() => window.wp.data.select('core/editor').getCurrentPostId());
  await context.close();
  console.log(`# a three-program center in WordPress (Settings > PeerPath, then the block on a new page): ${count.actions} actions, ${count.fields.size} fields filled`);
  // What a visitor finds there: the center's programs and the meeting list's copy.
  const visitor = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const view = await visitor.newPage();
  await view.goto(`${site}/?page_id=${id}`);
  await view.locator('peer-path .pp:not([data-shell]) [data-action=meetings]').click();
  // The meeting list's copy joins the screen once it has loaded (after the first screen).
  await view.locator('peer-path .screen', { hasText: 'Pier AA' }).waitFor();
  const listed = await view.locator('peer-path .screen').innerText();
  assert.match(listed, /Evening IOP/);
  assert.doesNotMatch(listed, /…/);
  await visitor.close();
  intergroup.close();
});

test('uninstalling removes what the plugin stored', async () => {
  assert.match(await wpPhp("echo get_option('peerpath_config') ? 'stored' : 'none';"), /stored$/);
  assert.match(await wpPhp("deactivate_plugins('peerpath/peerpath.php'); uninstall_plugin('peerpath/peerpath.php'); echo get_option('peerpath_config') === false ? 'gone' : 'left';"), /gone$/);
});
