// `make bench`: measures the widget and writes BENCHMARKS.md.
//   - every file a visitor downloads, raw and gzip -9, and the totals (English and Spanish);
//   - time from navigation to the first question being interactive (the welcome screen's Start
//     pressed the moment it exists), headless Chromium on loopback, median of 20 cold loads
//     (new context) and 20 warm loads (cached);
//   - on an emulated cheap phone (Chromium's DevTools protocol: CPU 4x slower, 150 ms round
//     trip, 1.6 Mbps down), the shipped files (dist/): navigation to the first control (the
//     welcome's Start), to the first question, and each screen change, medians of cold loads;
//   - screens and taps to a first result for a visitor on each path, the result's length in
//     screens, the pages whose Next is far down, and taps to a meeting tonight;
//   - Lighthouse performance, accessibility and best-practices scores of the demo page;
//   - peak JS heap during a full run (sampled), the heap after it, and the module's memory;
//   - `evaluate` natively (cargo bench) and in wasm, and 5,000 Meeting Guide meetings (node).
import { execFileSync, spawn } from 'node:child_process';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir, cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, DIST } from '../tests/browser/harness.mjs';
import { complete } from '../tests/browser/keyboard.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => join(root, path);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

// ---- Sizes -------------------------------------------------------------------------------------
// What ships: dist/ (`make dist`, JavaScript and CSS minified). Every visitor gets the one
// module, its glue, the shell and the stylesheet, and the first part of their language's strings
// before the first question; the rest of the strings after the first screen.
const files = ['dist/pkg/peerpath_bg.wasm', 'dist/pkg/peerpath.js', 'dist/peer-path.js', 'dist/peer-path.css', 'dist/pkg/strings/en.txt'];
const spanish = ['dist/pkg/strings/es.txt'];
const later = ['dist/pkg/strings/en.more.txt', 'dist/pkg/strings/es.more.txt'];
const size = async (path) => {
  const bytes = await readFile(at(path));
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const sizes = await Promise.all(files.map(size));
const spanishSizes = await Promise.all(spanish.map(size));
const laterSizes = await Promise.all(later.map(size));
const total = sizes.reduce((sum, f) => sum + f.gzip, 0);
const spanishTotal = total - sizes[4].gzip + spanishSizes[0].gzip;
console.log(`sizes: ${kb(total)} gzip for an English visitor, ${kb(spanishTotal)} for a Spanish one`);

// ---- Time to the first question ----------------------------------------------------------------
/**
 * Records when the Start button of the widget exists (the welcome screen is interactive), then
 * presses it at once and records when the first question's answers exist (the first question
 * is interactive): both from navigation, in the page, with no automation in between.
 */
const marker = () => {
  const root = () => document.querySelector('peer-path')?.shadowRoot;
  const question = () => {
    if (root()?.querySelector('.screen input')) window.__question = performance.now();
    else requestAnimationFrame(question);
  };
  const look = () => {
    const start = root()?.querySelector('[data-action=start]');
    if (!start) return requestAnimationFrame(look);
    window.__interactive = performance.now();
    start.click();
    question();
  };
  requestAnimationFrame(look);
};

const browser = await launch();
const chromiumVersion = browser.version();
const cached = await serve({ headers: { 'cache-control': 'max-age=3600' } });
const loads = async (warm) => {
  const times = [];
  const questions = [];
  const context = warm ? await browser.newContext() : null;
  for (let i = 0; i < 21; i++) {
    const ctx = context ?? await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript(marker);
    await page.goto(`${cached.url}/`);
    await page.waitForFunction(() => window.__question !== undefined, null, { timeout: 20000 });
    const [t, q] = await page.evaluate(() => [window.__interactive, window.__question]);
    if (!(warm && i === 0)) { // the first warm load fills the cache
      times.push(t);
      questions.push(q);
    }
    await page.close();
    if (!context) await ctx.close();
  }
  if (context) await context.close();
  return { welcome: times.slice(0, 20), question: questions.slice(0, 20) };
};
const { welcome: cold, question: coldQuestion } = await loads(false);
const { welcome: warm, question: warmQuestion } = await loads(true);
console.log(`first question interactive: cold ${median(coldQuestion).toFixed(0)} ms, warm ${median(warmQuestion).toFixed(0)} ms`);

// ---- The cheap phone ------------------------------------------------------------------------------
// quality.md: first control at or under 800 ms (median), each screen change under 50 ms, on
// Chromium throttled to a cheap phone on Slow 4G, against a local server, with what ships.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
// The bare embed a center pastes (quality.md v3): one script tag and the element, no preload
// hints; the files sent gzip-compressed, as a center's web server sends them.
const phoneHost = `<!doctype html><html lang="en"><title>Center</title><link rel="icon" href="data:,">
  <script type="module" src="/peer-path.js"></script>
  <main><h1>Harbor Recovery Center</h1>
  <peer-path config="/center.json"><p>Call us at 555-0100.</p></peer-path></main>`;
const phoneSite = await serve({ root: DIST, gzip: true, pages: { '/phone.html': phoneHost }, files: {
  '/center.json': { body: await readFile(at('www/center.json')) },
  // The config's Meeting Guide feed, as a center with one serves it (fetched after the first screen).
  '/meetings.json': { body: await readFile(at('www/meetings.json')) },
} });
/** A page on the emulated phone, cache off, with `script` run before the page's own. */
const onPhone = async (script) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  await session.send('Network.emulateNetworkConditions', SLOW_4G);
  await session.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (script) await page.addInitScript(script);
  return { context, page };
};
const phone = { control: [], question: [], change: [], frame: [], bytes: [] };
for (let i = 0; i < 11; i++) {
  const { context, page } = await onPhone(marker);
  await page.goto(`${phoneSite.url}/phone.html`);
  await page.waitForFunction(() => window.__question !== undefined, null, { timeout: 60000 });
  const [t, q] = await page.evaluate(() => [window.__interactive, window.__question]);
  phone.control.push(t);
  phone.question.push(q);
  // Bytes over the network until the first question (the page, the widget's files, the config).
  phone.bytes.push(await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .filter((entry) => entry.responseEnd <= window.__question).reduce((sum, entry) => sum + entry.transferSize, 0)));
  // Screen changes: Next pressed in the page, timed to the new screen drawn (the handler runs
  // synchronously) and to the next frame's callback (the result's rest comes in a task after it).
  const changes = await page.evaluate(async () => {
    const root = document.querySelector('peer-path').shadowRoot;
    const out = [];
    // A visitor whose result is among the longest: alcohol and opioids, asking about medication
    // (safety notices, care, groups, medication, the center's programs and meetings).
    const pick = (name, value) => root.querySelector(`input[name=${name}][value="${value}"]:not(:checked)`)?.click();
    for (let n = 0; n < 12 && root.querySelector('.screen [data-action=next]'); n++) {
      pick('for_whom', 'self');
      pick('substances', 'alcohol');
      pick('substances', 'opioids');
      pick('medication', 'interested');
      const start = performance.now();
      root.querySelector('.screen [data-action=next]').click();
      const drawn = performance.now();
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      out.push([drawn - start, performance.now() - start]);
    }
    return out;
  });
  phone.change.push(...changes.map(([drawn]) => drawn));
  phone.frame.push(...changes.map(([, frame]) => frame));
  await context.close();
}
console.log(`cheap phone: first control ${median(phone.control).toFixed(0)} ms, first question ${median(phone.question).toFixed(0)} ms, screen change ${median(phone.change).toFixed(1)} ms (max ${Math.max(...phone.change).toFixed(1)})`);

// ---- Screens to a first result ---------------------------------------------------------------------
const VISITORS = [
  ['a man who drinks daily and wants to stop', { for_whom: 'self', age_group: '26_64', sex: 'male', substances: ['alcohol'], auditc_1: 4, auditc_2: 2, auditc_3: 3, last_use: 'today', withdrawal: 'uncomfortable', medication: 'interested', goal: 'stop' }],
  ['a woman using opioids after an overdose who wants medication', { for_whom: 'self', sex: 'female', substances: ['opioids'], use_freq_opioids: 'daily', last_use: 'today', overdose: 'yes', pregnant: 'no', medication: 'interested' }],
  ['a person who uses every substance asked about', { for_whom: 'self', substances: ['alcohol', 'opioids', 'stimulants', 'cannabis', 'sedatives', 'other'], stage: 'changing' }],
  ['a person with thoughts of self-harm', { for_whom: 'self', self_harm: 'nearly_every_day', substances: ['stimulants'] }],
  ['a person who uses nothing', { for_whom: 'self', substances: ['none'] }],
  ['one who skips every question', {}],
  ['a mother worried about her son', { for_whom: 'loved_one', lo_danger: 'no', lo_relationship: 'parent', substances: ['opioids'], lo_stage: 'not_ready' }],
  ['a partner in danger at home', { for_whom: 'loved_one', lo_safety: 'yes', phq2_1: 3, phq2_2: 3, self_harm: 'several_days' }],
  ['a veteran just out of jail with thoughts of self-harm', { for_whom: 'self', age_group: '26_64', sex: 'male', self_harm: 'several_days', substances: ['opioids', 'alcohol'], use_freq_opioids: 'weekly', auditc_1: 2, auditc_2: 1, auditc_3: 1, last_use: '1_3_months', overdose: 'yes', injection: 'no', justice: 'recently_released', stage: 'changing' }],
];
const screensTo = [];
{
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  for (const [who, plan] of VISITORS) {
    const page = await context.newPage();
    await page.goto(`${phoneSite.url}/phone.html`);
    // Taps: each answer chosen, each "continue" of a crisis panel, each Next, and Start.
    await page.locator('peer-path .pp:not([data-shell]) [data-action=start]').click();
    let screens = 0;
    let taps = 1;
    const far = [];
    while (!(await page.locator('peer-path .next-steps').count())) {
      screens++;
      // Where Next is on the page as it opened, in screens from its top (quality.md v3: Next
      // without hunting; a page is counted when Next is more than 1.5 screens down).
      const next = await page.evaluate(() => {
        const root = document.querySelector('peer-path').shadowRoot;
        const top = root.querySelector('.screen').getBoundingClientRect().top;
        return (root.querySelector('.screen [data-action=next]').getBoundingClientRect().bottom - top) / innerHeight;
      });
      const items = await page.locator('peer-path fieldset[data-item]').evaluateAll((f) => f.map((e) => e.dataset.item));
      if (next > 1.5) far.push(`${items[0]} (${next.toFixed(1)})`);
      for (const id of items) {
        for (const value of [].concat(plan[id] ?? [])) {
          await page.locator(`peer-path input[name="${id}"][value="${value}"]`).check();
          taps++;
          const back = page.locator('peer-path .moment [data-action=continue]');
          if (await back.count()) {
            await back.click();
            taps++;
          }
        }
      }
      await page.locator('peer-path .screen [data-action=next]').click();
      taps++;
    }
    // The result before any "show more", in screens of 360 x 740 (quality.md v3: at most 4).
    await page.waitForFunction(() => !document.querySelector('peer-path').shadowRoot.querySelector('.screen[data-more]'));
    const result = await page.evaluate(() => document.querySelector('peer-path').shadowRoot.querySelector('.screen').getBoundingClientRect().height / innerHeight);
    screensTo.push({ who, screens, taps, result, far });
    await page.close();
  }
  await context.close();
}
// A meeting tonight, no question asked: "Find a meeting now" on the welcome, then the first
// meeting's own control (its link, or "Add to calendar").
const tonight = await (async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${phoneSite.url}/phone.html`);
  await page.locator('peer-path [data-action=meetings]').click();
  const first = page.locator('peer-path [data-list=meetings] .card').first();
  await first.waitFor();
  const seen = await first.evaluate((card) => {
    const control = card.querySelector('a, button');
    const box = control?.getBoundingClientRect();
    return { name: card.querySelector('h3')?.textContent, when: card.querySelector('.next')?.textContent ?? '', control: control?.textContent, onScreen: !!box && box.bottom <= innerHeight };
  });
  await context.close();
  return { taps: seen.onScreen ? 2 : 3, ...seen };
})();
await phoneSite.close();
console.log(`screens to a first result: ${screensTo.map((v) => v.screens).join(', ')}; taps: ${screensTo.map((v) => v.taps).join(', ')}`);
console.log(`result screens: ${screensTo.map((v) => v.result.toFixed(1)).join(', ')}; a meeting tonight in ${tonight.taps} taps`);

// ---- JS heap and module memory over a full run ----------------------------------------------------
const heapContext = await browser.newContext();
const heapPage = await heapContext.newPage();
await heapPage.goto(`${cached.url}/`);
await heapPage.locator('peer-path .screen h2').waitFor();
const cdp = await heapContext.newCDPSession(heapPage);
await cdp.send('Performance.enable');
const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
// The peak: the used heap sampled every 20 ms while a visitor goes from the first question to
// the result (the run's own steps take longer than that, so no step goes unsampled).
const heapSamples = [await metric('JSHeapUsedSize')];
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    heapSamples.push(await metric('JSHeapUsedSize'));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
})();
await complete(heapPage, { for_whom: 'self', substances: ['alcohol', 'opioids'], auditc_1: 3, auditc_2: 2, auditc_3: 1, approach: 'spiritual', times: ['weekday_evening'] });
sampling = false;
await sampler;
const peakUsed = Math.max(...heapSamples);
const heap = await metric('JSHeapTotalSize');
const used = await metric('JSHeapUsedSize');
// The module's linear memory only grows, so its size after the run is its peak. The page's own
// instance: importing the glue URL the shell loaded gives the same module, whose init returns it.
const wasmMemory = await heapPage.evaluate(async () => {
  const glue = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/pkg\/(es\/)?peerpath\.js$/.test(n));
  const exports = await (await import(glue)).default();
  return Object.values(exports).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength;
});
await heapContext.close();
await browser.close();

// ---- Lighthouse --------------------------------------------------------------------------------
let lighthouse = 'not run (tools/bench has no lighthouse)';
const lighthouseBin = at('tools/bench/node_modules/.bin/lighthouse');
try {
  const out = join(await mkdtemp(join(tmpdir(), 'lh-')), 'report.json');
  // Asynchronous: this process also serves the page Lighthouse loads.
  const run = await new Promise((resolve) => {
    const child = spawn(lighthouseBin, [`${cached.url}/`, '--quiet', '--output=json', `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill(), 240000);
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stderr }); });
    child.on('error', (error) => { clearTimeout(timer); resolve({ status: -1, stderr: error.message }); });
  });
  if (run.status === 0) {
    const report = JSON.parse(await readFile(out, 'utf8'));
    const score = (id) => Math.round(report.categories[id].score * 100);
    lighthouse = `performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}`;
  } else {
    lighthouse = `failed: ${run.stderr.split('\n').filter(Boolean).slice(-3).join(' ')}`;
  }
} catch (error) {
  lighthouse = `failed: ${error.message}`;
}
await cached.close();
console.log(`lighthouse: ${lighthouse}`);

// ---- evaluate ----------------------------------------------------------------------------------
const native = execFileSync('cargo', ['bench', '--bench', 'evaluate', '--quiet'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }); // cargo's stderr in the error, if it fails
const wasm = execFileSync('node', [at('tests/js/bench.mjs')], { cwd: root, encoding: 'utf8' });

// ---- BENCHMARKS.md -----------------------------------------------------------------------------
const row = (f) => `| \`${f.path.replace('dist/', '')}\` | ${f.raw.toLocaleString('en-US')} B | ${f.gzip.toLocaleString('en-US')} B |`;
const md = `# Benchmarks

Written by \`make bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, node ${process.version}, Chromium ${chromiumVersion}.
Medians, with the range of all runs. Timings vary with the machine; sizes do not.

## What a visitor downloads

| file | raw | gzip -9 |
| --- | ---: | ---: |
${sizes.map(row).join('\n')}
| **total, English visitor** | ${sizes.reduce((s, f) => s + f.raw, 0).toLocaleString('en-US')} B | **${total.toLocaleString('en-US')} B (${kb(total)})** |
${spanishSizes.map(row).join('\n')}
| **total, Spanish visitor** (the same, with \`es.txt\` for \`en.txt\`) | | **${spanishTotal.toLocaleString('en-US')} B (${kb(spanishTotal)})** |
${laterSizes.map(row).join('\n')}

Ceiling (quality.md, "Speed and size"): 120,000 B gzip for what the first question needs, in
any language (version 3; 90,000 B before); \`make test\` holds it for each language
(tests/js/size.test.mjs). The rest of the strings (\`<tag>.more.txt\`, the result's and the
meetings screen's words) come after the first screen is drawn. A center's config and Meeting
Guide feed are the center's own files and come on top.
The scoring API module (\`api/\`) is not part of a visitor's download: a center's own tools load
it, and the widget only when the center's config has a problem to write to the console.

## Speed

| measure | median | range |
| --- | ---: | ---: |
| navigation to the first question interactive, cold cache (20 loads) | ${median(coldQuestion).toFixed(0)} ms | ${spread(coldQuestion)} ms |
| navigation to the first question interactive, warm cache (20 loads) | ${median(warmQuestion).toFixed(0)} ms | ${spread(warmQuestion)} ms |
| of which the welcome screen (its Start button) interactive, cold | ${median(cold).toFixed(0)} ms | ${spread(cold)} ms |
| of which the welcome screen (its Start button) interactive, warm | ${median(warm).toFixed(0)} ms | ${spread(warm)} ms |
| peak JS heap used during a full run (${heapSamples.length} samples, every 20 ms) | ${kb(peakUsed)} | |
| JS heap after the run (used / total) | ${kb(used)} / ${kb(heap)} | |
| WebAssembly memory after the run (it only grows: this is its peak) | ${kb(wasmMemory)} | |

Lighthouse (demo page, headless Chromium): ${lighthouse}.

## On a cheap phone

Chromium's DevTools protocol emulates a cheap phone: CPU 4x slower, Slow 4G (150 ms round trip,
1.6 Mbps down, 750 kbps up), 360 x 740, cache off; the bare embed a center pastes (one script
tag and the element, no preload hints), the shipped files (\`dist/\`) sent gzip-compressed from
a local server as a center's web server sends them, the center's config a separate file
(\`www/center.json\`). 11 cold loads.

| measure | median | range | goal (quality.md) |
| --- | ---: | ---: | ---: |
| navigation to the first control (the welcome's Start, drawn by the shell before the module arrives) | ${median(phone.control).toFixed(0)} ms | ${spread(phone.control)} ms | 800 ms |
| navigation to the first question, Start pressed at once | ${median(phone.question).toFixed(0)} ms | ${spread(phone.question)} ms | 1,300 ms |
| bytes over the network to the first question (page, widget, config; gzip as served) | ${median(phone.bytes).toLocaleString('en-US')} B | ${spread(phone.bytes)} B | |
| a screen change (Next pressed to the new screen drawn; a visitor who uses alcohol and opioids and asks about medication; ${phone.change.length} changes) | ${median(phone.change).toFixed(1)} ms | ${spread(phone.change)} ms | 50 ms |
| the same, to the next frame | ${median(phone.frame).toFixed(1)} ms | ${spread(phone.frame)} ms | |

## Screens to a first result

Question screens from the first question to the first result (quality.md: 12 at most on every
path) and taps from the welcome (Start, each answer, each "continue" of a crisis panel, each
Next), going through by pointer at 360 x 740 with these answers and skipping the rest; the
result's length before any "show more", in screens of 360 x 740 (quality.md v3: at most 4);
and the pages whose Next is more than 1.5 screens down as the page opens (quality.md v3: Next
without hunting; 7 of 11 on the own path before issue 25):

| visitor | screens | taps | result, screens | pages with Next over 1.5 screens down |
| --- | ---: | ---: | ---: | --- |
${screensTo.map((v) => `| ${v.who} | ${v.screens} | ${v.taps} | ${v.result.toFixed(1)} | ${v.far.length ? `${v.far.length}: ${v.far.join(', ')}` : 'none'} |`).join('\n')}

**A meeting tonight, no question asked: ${tonight.taps} taps.** "Find a meeting now" on the
welcome, then the first card's own control ("${tonight.control}") on the first screen: the
first card was ${tonight.name} (${tonight.when}) on the demo center's config at the time of the
run.

## evaluate

\`\`\`
${native.trim()}
${wasm.trim()}
\`\`\`

## Size history (wasm, gzip -9; here KB is 1,000 bytes)

| change | wasm gzip |
| --- | ---: |
| first widget build (serde, serde-wasm-bindgen, both languages built in) | 163.2 KB |
| no serde in the module: JSON text at the boundary, read and written by hand | 155.8 KB |
| an infallible DOM builder | 150.3 KB |
| no float formatting or trigonometry | 137.7 KB |
| one language per visitor (Spanish a separate file) | 125.6 KB |
| one small stable sort instead of std's sorts per type | 117.9 KB |
| a small decimal reader instead of std's exact f64 parser (its tables are 10 KB of noise) | 103.7 KB |
| a heap sort of packed keys for the finder instead of \`sort_unstable\` | 101.7 KB |
| robustness (issue 7): the panic guard, \`addFeed\` for a late Meeting Guide feed, quick exit from a frame | 103.5 KB |
| short import and export names between module and glue (\`tools/shorten-names.mjs\`; the glue went from 5.4 to 3.7 KB) | 100.5 KB |
| a size-class allocator (\`src/heap.rs\`) instead of dlmalloc; more memory: a 2,000-meeting config checked over and over settles at 13.8 MB against 5.1 MB | 97.7 KB |
| no_std for the shipped module, with a panic handler that stops it (std's panic runtime out; \`engine::num\` for the float operations core lacks) | 96.3 KB |
| no \`format!\` or integer \`to_string\` in the module (\`json_text::int\`; core's formatter stays, for panic messages) | 95.6 KB |
| no substring search (\`str::replace\`, \`split_once(" = ")\`, and \`contains(char)\`, which searches a substring for a non-ASCII char) | 94.0 KB |
| the widget's module without the scoring API (\`evaluate\`, \`questionnaire\`, \`checkConfig\` and the JSON writers behind them; the \`api\` feature, built into \`api/\`) | 85.5 KB |
| a pinned nightly with \`-Cpanic=immediate-abort\` and core rebuilt: a panic traps at once, and core's formatting, which every bounds check kept alive, is gone | 78.6 KB |
| English compacted at compile time, an own small-integer reader, no \`from_utf8\` in the JSON reader | 77.6 KB |
| config problem sentences only in the API module, which the shell loads when there is a problem to explain; ASCII trims | 75.2 KB |
| an own \`cat\`/\`join\` instead of std's general \`join\` | 74.8 KB |
| English keys replaced by 16-bit hashes at compile time (the keyed families whose strings may be absent excepted) | 74.0 KB |
| \`window\` and \`Intl.DateTimeFormat\` imported by name (no \`js_sys::global\`, no \`Reflect\` chains) | 73.1 KB |
| unreadable config text described only where a sentence is wanted; languages deduplicated without \`Vec::dedup\` | 72.8 KB |
| byte-wise \`cut\` and \`pieces\` for ASCII separators instead of core's char searchers; byte checks for phone numbers, time zones and links | 71.9 KB |
| no source locations in the module (\`-Zlocation-detail=none\`); the glue without \`initSync\` | 71.8 KB |
| a module per language: Spanish built into \`pkg/es/\` (73.3 KB), so a Spanish visitor's total went from 93.5 KB (English module and \`es.txt\`) to 81.5 KB | 71.8 KB |
| language negotiation in the shell, which must choose the module before it loads; \`negotiateLanguage\` only in the API module | 71.5 KB |
| keys written in the code checked and hashed at compile time (\`text!\`): no key text and no hashing for them in the module | 71.0 KB |
| built-in texts in the order of their keys' hashes, the hashes stored as one-byte differences (they were 1.3 KB of incompressible data) | 70.6 KB |
| a feed's meetings moved, not copied, into the check; Shift presses in an array; answer slots collected, not \`vec![None; n]\` | 70.4 KB |
| the finder copies only the resources it shows into the result (ranking 5,000 meetings about twice as fast; 80 B more) | 70.5 KB |
| resources shared (\`Arc\`) between the config and the result instead of copied | 70.0 KB |
| the widget's state made with \`Rc::new\` instead of \`new_cyclic\`; the finder's "because" items deduplicated as gathered | 69.7 KB |
| the Meeting Guide reader returns shared resources; the flow finds a page without consuming the list | 69.6 KB |
| problem paths, like their sentences, only with \`explain\`: the widget counts problems and builds no path strings | 69.2 KB |
| \`because\` lists (the answers behind each reason) only in the scoring API: the widget shows the sentences | 68.3 KB |
| the ceiling becomes 90,000 B per language (quality.md); more work since (crisis lines, finder, isolation) | 70.5 KB |
| safety rules of screening.md v2 (lo_emergency, domestic violence, lower tolerance, mixing depressants, naloxone by substance, withdrawal with current use) | 73.2 KB |
| the crisis panel in the moment and the bar with call and text 988 on every screen | 74.7 KB |
| clinical v2: severity from signs, care by need, harm reduction, finder priorities, ranking pins | 78.1 KB |
| serde at the boundary (issue 15): derived \`Serialize\`, answers and configs as JS values, the page parses JSON once; the JSON text reader and writer gone; a js-sys walk of the config in the widget (serde-wasm-bindgen there: 93.0 KB) | 76.6 KB |
| config problems as types (\`Problem { level, path, kind }\`, sentences by \`Display\`) | 77.3 KB |
| layers in folders, module cycles broken | 77.4 KB |
| the built-in language packed by a build script, every key in the code checked at build | 77.3 KB |
| talc instead of the crate's own allocator (+619 B, less memory; ARCHITECTURE.md) | 77.9 KB |
| undone below 500 B: std's \`concat\`/\`join\`, \`str::parse\` for integers, \`web_sys::window()\`; the finder's options in one argument | 79.1 KB |

Spanish built in (\`pkg/es/\`) is 1.3 to 1.6 KB larger at each step (80.7 KB now).

### Issue 17: the visitor's time within the ceiling

Totals a visitor downloads (\`dist/\`: module, glue, shell, stylesheet; gzip -9), English / Spanish,
in the order the work was done. The features of issue 17 first took the widget 4.4 KB over the
ceiling; what came out, and why:

| step | English | Spanish |
| --- | ---: | ---: |
| after issue 16 (bounded reading of hostile input) | 88,373 B | 89,983 B |
| next steps, sharpen sections, times in the center's zone, miles, the center's translations | 92,787 B | 94,517 B |
| the nine-area profile and its strings only in the scoring API (the widget's result starts with what to do) | 90,066 B | 91,683 B |
| the welcome drawn by the shell, before the module (both languages' words in the shell) | 92,333 B | 93,956 B |
| the scores only in the scoring API too | 91,135 B | 92,668 B |
| the readiness rulers and BARC-10 not asked by the widget (they feed only the profile and scores) | 90,752 B | 92,255 B |
| the welcome's words in each language's glue instead of both in the shell | 90,587 B | 92,208 B |
| a saved copy with the next steps, programs and meetings | 90,809 B | 92,398 B |
| no review screen: the last question page leads to the result (its button says so) | 89,549 B | 91,187 B |
| one clock: \`Intl.DateTimeFormat\` for the visitor's time and the saved copy's date | 89,475 B | 91,108 B |
| plain loops instead of iterator chains that \`collect\` (the JS value walk, the list pieces) | 89,154 B | 90,807 B |
| the same in the engine, the finder and the Meeting Guide reader (each chain was a function of its own) | 87,402 B | 89,048 B |
| the time formats made once and kept (\`Clock\`: the result on a cheap phone drew 60 to 100 ms sooner), "listed by" and distance in the next steps, focus without the browser's own scroll | 88,397 B | 90,068 B |
| more plain loops (scores, the local list, ids, audiences, a reason's values) | 88,061 B | 89,734 B |
| the configurator ships beside the widget (not part of a visitor's download); three more loops | 87,932 B | 89,605 B |
| the result's top drawn at once, the rest in a task of its own (a closure and a timer, +500 B); five more loops (-276 B) | 88,207 B | 89,856 B |

The last two rows are the lesson: an iterator chain that collects into a \`Vec\` becomes its own
monomorphized function in the module, and the engine had dozens; the loops read as plainly and
took about 2.1 KB gzip out. The profile, the scores, BARC-10 and the readiness rulers stay in the
scoring API (\`evaluate\`), with their tests.

### Issue 26: one module, strings as data, readable by default

What a visitor downloads before the first question (\`dist/\`: module, glue, shell, stylesheet,
and from this issue on the first part of their language's strings; gzip -9), English / Spanish,
in the order the work was done. The ceiling is now 120,000 B and the rule 2,000 B (quality.md v3).

| step | English | Spanish |
| --- | ---: | ---: |
| after issue 25 (a meeting in two taps, the calendar, the saved copy; one language built into each module) | 113,429 B | 114,956 B |
| one module for every language, each language a file read at run time with its keys (no 16-bit hashes, no seed search, no \`text!\`), the shell's words bundled into the shell, the glue as wasm-bindgen writes it (no name shortening: +4.6 KB) | 125,966 B | 127,581 B |
| the strings in two parts: what the questions need, and the result's and meetings screen's words fetched after the first screen | 119,630 B | 120,516 B |
| the table filled with \`BTreeMap::extend\` rather than \`collect\`, which sorts first with a stable sort of its own (-1,819 B) | 117,811 B | 118,697 B |
| \`Clock\` in its own module, its formats made after the first screen; the stylesheet's link kept in place | 117,874 B | 118,731 B |
| readable by default: a \`BTreeSet\` of ids for the FNV hash list and \`chars().count()\` (+1,223 B), nine iterator chains back for loops written for bytes (+890 B): over the ceiling for a moment | 119,987 B | 120,844 B |
| the safety notices shown only on the result moved to the result's part (the crisis notices shown at once stay with the questions) | 118,366 B | 119,083 B |
| six more iterator chains back (+442 B) | 118,808 B | 119,525 B |
| the scoring API's exports in \`api.rs\`, the scores and profile in \`screening::full_result\` (one cfg'd mod line each) | 118,843 B | 119,560 B |
| \`split_once\` and \`split\` for the byte-wise \`cut\` and \`pieces\` (core's searchers were in the module already) | 119,011 B | 119,728 B |
| a schedule's days as a \`BTreeSet\` (a sorted, deduplicated \`Vec\` brought core's sort for \`u8\`: -192 B), five more iterator chains back (+437 B) | 119,269 B | 119,976 B |
| the console's problem report (its worker and Trusted Types policy) in \`peer-path-problems.js\`, loaded only for a config with problems (-259 B; with the three problem kinds of issue 27, +13 B) | 119,023 B | 119,730 B |
| issue 27: v3 fields known, \`theme\` applied by the shell, the center's lines shown when its config cannot be read (+227 B) | 119,250 B | 119,957 B |

Measures weighed against the 2,000 B rule (wasm gzip -9 of the widget's module, after wasm-bindgen):

| measure | figure | decision |
| --- | ---: | --- |
| the pinned nightly with \`-Cpanic=immediate-abort\` and core and alloc rebuilt (build-std), against stable | 99,498 B / 111,232 B (-11,734 B) | **kept** |
| no_std, against std rebuilt the same way | -3,268 B | **kept** |
| the strings in two parts | about -7 KB before the first question | **kept** |
| short names between module and glue (\`tools/shorten-names.mjs\`, rewrote generated files) | -4,627 B | **gone** (generated files used as generated) |
| 16-bit hashed keys with a seed search, a module per language, the welcome's words appended to the glue | -3.1 KB of key text | **gone** |
| an FNV hash list for duplicate ids; counting UTF-8 lead bytes for \`chars().count()\` | -1,223 B together | **undone** |
| plain loops for iterator chains that collect (20 of them) | about -90 B each | **undone**; the loops left read a list index by index from JavaScript (\`boundary\`), or do more than collect (dedupe, set checkboxes, report problems) |
| the shell's words bundled into the shell (every language's, ~570 B each) rather than read from the first part of the visitor's strings | +506 B (Spanish) | **kept**: from the strings file the first control came at ~810 ms (median of 8 cold loads on the emulated cheap phone) against ~700 ms, over the 800 ms goal, as the 5.9 KB file shares the line with the module; a separate words file of ~0.7 KB came at ~780 ms and queued the first part behind the browser's six connections (first question ~1,350 ms) |
| byte-wise \`cut\` and \`pieces\` for ASCII separators | -153 B | **undone** |

## Size measures weighed again (issue 15)

quality.md's rule: code that is harder to read for less than 500 B is not worth it. Each
measure still in the code was undone, one at a time, on the English widget module at 77.9 KB
(79.1 KB for the last rows), and the module measured again (wasm, gzip -9, after wasm-bindgen):

| measure | the ordinary way | cost of the ordinary way | decision |
| --- | --- | ---: | --- |
| own sorts (\`support::sort\`) | \`sort\`, \`sort_by_key\` at every call site | +9,156 B | kept |
| heap sort of packed keys in the finder | \`sort_by_key\` on a tuple / \`sort_unstable_by_key\` | +1,773 B / +1,213 B | kept |
| own decimal reader (\`numtext::number\`) | \`str::parse::<f64>\` | +14,102 B | kept |
| own fixed decimals (\`numtext::fixed\`) | \`format!("{:.1}")\` | +6,974 B | kept |
| own integer writer (\`numtext::int\`) | \`to_string\` | +500 B | kept (at the line; tested against std) |
| own integer reader (\`num::digits\`, \`whole\`) | \`str::parse\` | +191 B | **undone** |
| own \`cat\`/\`join\` | \`[..].concat()\`, \`.join(sep)\` | +296 B | **undone** |
| \`cut\`/\`pieces\` at ASCII bytes | \`split\`, \`split_once\` with chars | +814 B (+782 B with closures) | kept |
| \`fill\` in one pass | \`str::replace\` per value | +1,192 B | kept (also never refills a value) |
| own \`sqrt\` (\`num\`) | libm \`sqrt\` (core's is not stable) | +623 B | kept |
| own cosine (finder) | libm \`cos\` | +2,598 B | kept |
| \`window\` imported by name | \`web_sys::window()\` | +448 B | **undone** |
| \`Intl.DateTimeFormat\` imported | js-sys's binding | n/a | kept: js-sys's constructor does not catch a bad time zone |
| item ids found by a search of \`ALL\` | a \`match\` on the strings | +427 B | kept (no harder to read; the comment's 1.4 KB claim removed) |
| keys as 16-bit hashes | the key text in the module | +3,053 B | kept |
| hashes as one-byte differences | \`[u16]\` | +822 B | kept |
| \`cite!\` empty in the widget | the sources in the module | +1,101 B | kept |
| \`because\` lists only in the API | in the widget too | +784 B | kept |
| lean js-sys JSON walk in the widget | serde-wasm-bindgen | +16,452 B | kept |
| the crate's own allocator | talc / dlmalloc | +619 B / +2,638 B | **replaced by talc** (memory, tests; ARCHITECTURE.md) |
| the glue without \`initSync\` (a \`sed\` over generated code) | the glue as generated | +63 B | **undone** |
| short names between module and glue | the names as generated | +4,627 B | kept |

Minifying the JavaScript glue, the shell and the stylesheet with esbuild (\`make dist\`) took
the rest from 13.1 KB to 8.7 KB gzip; the shell's calm failure message (English and Spanish)
and the stylesheet's defences against host CSS then added about 1 KB back.

\`wasm-opt\` (npm binaryen 132) made this module smaller raw but larger gzipped at -Oz, -Os
and -O2 (for example 397,668 B / 155,843 B gzip became 369,868 B / 159,258 B at -Oz; tried again
at 101.7 KB with \`--all-features\`: -Oz 102.9 KB, -Os 102.4 KB, -Oz --converge 102.7 KB; and at
85.0 KB on nightly: -Oz 86.6 KB, -Os 86.3 KB, only duplicate-function elimination and
merge-similar-functions 86.2 KB), so the build does not use it. Nightly \`-Zbuild-std-features=
optimize_for_size\`, \`-Zmir-opt-level=1\`, \`-Zinline-mir=no\` and \`-Zmerge-functions\` changed nothing
or grew it; wasm-ld has no symbol ordering file to group similar functions for gzip. \`opt-level = "s"\` gave 129.6 KB gzip against 117.9 KB for \`"z"\`.

Writing the tables' answer-value lists as one space-separated string instead of a slice of
strings (no pointer per value) saved 7 B gzip, so the tables keep their slices.

Where the bytes are now (at 68.3 KB): code 47.3 KB gzip (rendering about 13 KB, the engine about
11 KB, the config checker and Meeting Guide reader about 10 KB, wasm-bindgen's closures, glue
imports and monomorphized \`Vec\` and iterator code most of the rest) and read-only data 19.1 KB
(the English strings about 9 KB, the tables with their pointers the rest). Removing the 48
closure shims js-sys keeps alive through the function table would save about 0.4 KB, not
worth a wasm rewriting step. At 117.9 KB a build without the rendering code was 97.0 KB gzip.

### Issue 27: what a center's web person does

The center of issue 27 (three programs, one in Spanish, and its intergroup's meeting list),
filled by keyboard and pointer as a person would, every action and field counted by the tests
(\`tests/browser/three-programs.mjs\`; the counts are in the tests' logs):

| path | actions | fields filled | besides |
| --- | ---: | ---: | --- |
| static configurator (\`configure.html\`) | 20, then Download center.json and the lines copied into a page: 22 | 13 | copying the folder and center.json to the site |
| WordPress (Settings > PeerPath, Save, then the block on a new page) | 31 | 15 | uploading and activating the plugin (3 actions) |

What brought them down: a program copied from another (the Spanish one: its schedule, kind and
settings come with it), common schedules (weekday evenings: five rows in one action), the
rarely used fields folded, one Save. At a few seconds an action and half a minute a field when
thinking, both paths fit in the 10 minutes issue 27 asks for.
`;
await writeFile(at('BENCHMARKS.md'), md);
console.log('wrote BENCHMARKS.md');
