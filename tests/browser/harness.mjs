// Shared by the browser tests: a static server for www/ on loopback that records every request,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const WWW = fileURLToPath(new URL('../../www/', import.meta.url));
/** What ships (`make dist`): minified, as a center copies it. */
export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain',
};

/** A host page at the site's top embedding the widget with `config` inline (`<` escaped, so no config ends the script). */
export function embedding(config) {
  return `<!doctype html><html lang="en"><title>Center</title><link rel="icon" href="data:,">
    <script type="module" src="peer-path.js"></script><main><h1>Center</h1>
    <peer-path config="#c"><p>Call us</p></peer-path></main>
    <script type="application/json" id="c">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;
}

/**
 * Serves `root` on 127.0.0.1. `options.headers` are added to every response (e.g. a CSP),
 * `options.missing` lists paths answered with 404, `options.pages` maps paths to HTML strings,
 * `options.files` maps paths to `{ body, type?, status?, delay? }` (delay in ms before the
 * answer; `hang: true` never answers; `stream(res)` writes the answer itself). With
 * `options.gzip`, files are sent gzip-compressed to a browser that accepts it, as a center's
 * web server does. Every request path is recorded in `server.requests`, and method, URL, body
 * and headers in `server.log`.
 */
export async function serve(options = {}) {
  const root = options.root ?? WWW;
  const requests = [];
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    log.push({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
    const headers = { 'cache-control': 'no-store', ...(options.headers ?? {}) };
    if (options.pages?.[path]) {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] });
      return res.end(options.pages[path]);
    }
    const given = options.files?.[path];
    if (given) {
      if (given.hang) return; // never answered: the connection stays open until the server closes
      if (given.stream) return given.stream(res);
      if (given.delay) await new Promise((resolve) => setTimeout(resolve, given.delay));
      const type = given.type ?? TYPES[extname(path)] ?? 'application/octet-stream';
      if (options.gzip && given.body && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(given.status ?? 200, { ...headers, 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        return res.end(gzipSync(given.body));
      }
      res.writeHead(given.status ?? 200, { ...headers, 'content-type': type });
      return res.end(given.body);
    }
    if (options.missing?.includes(path)) {
      res.writeHead(404, headers);
      return res.end('not found');
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403);
      return res.end();
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (options.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { ...headers, 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        return res.end(gzipSync(body));
      }
      res.writeHead(200, { ...headers, 'content-type': type });
      res.end(body);
    } catch {
      res.writeHead(404, headers);
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    log,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

/** Debian's Chromium, headless, with background networking off (this machine has no internet). */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps'],
  });
}

const AXE = await readFile(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/**
 * Runs axe-core on the page (or only `within`, a selector, on a page that is not ours, such as
 * WordPress's admin) and fails on any violation, naming the screen. Other `options` go to
 * axe.run (for example rules a bare test host page cannot meet).
 */
export async function axe(page, label, { within, ...options } = {}) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async ([within, options]) => {
    const result = await window.axe.run(within ? { include: [within] } : document, { resultTypes: ['violations'], ...options });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, [within, options]);
  assert.deepEqual(violations, [], `axe on the ${label} screen`);
}

/**
 * Waits until the result is drawn whole: it draws its top (the next steps) at once and the rest
 * a frame later, with `data-more` on the screen until then. `scope` is a page, a frame or anything with their `evaluate`.
 */
export async function wholeResult(scope) {
  for (let i = 0; i < 200; i++) {
    if (await scope.evaluate(() => !document.querySelector('peer-path')?.shadowRoot?.querySelector('.screen[data-more]'))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the result was never drawn whole');
}

/**
 * Walks a visitor from the welcome to the first result, answering each question on the way as
 * `plan` says (item id to a value or a list; unlisted items are skipped) and continuing past any
 * crisis panel; returns the step line of each page.
 */
export async function walk(page, plan) {
  await page.locator('peer-path [data-action=start]').click();
  const steps = [];
  for (let guard = 0; guard < 40; guard++) {
    const state = await page.evaluate(() => {
      const root = document.querySelector('peer-path').shadowRoot;
      return {
        result: !!root.querySelector('.next-steps'),
        items: [...root.querySelectorAll('fieldset[data-item]')].map((f) => f.dataset.item),
        progress: root.querySelector('.progress')?.textContent,
      };
    });
    if (state.result) {
      await wholeResult(page);
      return steps;
    }
    steps.push(state.progress);
    for (const id of state.items) {
      for (const value of [].concat(plan[id] ?? [])) {
        await page.locator(`peer-path input[name="${id}"][value="${value}"]`).check();
        const panel = page.locator('peer-path .moment [data-action=continue]');
        if (await panel.count()) await panel.click();
      }
    }
    await page.locator('peer-path .screen [data-action=next]').click();
  }
  throw new Error('no result');
}

/**
 * Opens the result's "All suggestions" (the group types, aftercare and local lists folded under
 * one summary, quality.md v3: a result read in a minute) as a visitor would, by its summary.
 * `scope` is a page or a frame.
 */
export async function openAllSuggestions(scope) {
  await wholeResult(scope);
  const all = scope.locator('peer-path details.all-suggestions');
  if (!(await all.evaluate((d) => d.open))) await all.locator(':scope > summary').click();
}
