// <peer-path>: the PeerPath widget's shell. Rust draws everything; this file only defines the
// element (Rust cannot), attaches its shadow root, loads the module and the center's config,
// and shows the element's own children (the center's fallback) whenever the module cannot run.
//
//   <script type="module" src="peer-path.js"></script>
//   <peer-path config="#center-config" lang="en">Call us: 555-0100</peer-path>
//
// `config` is the id of a <script type="application/json"> on the page ("#id"), or a
// same-origin URL of a JSON file. Nothing the visitor answers is ever sent anywhere.
//
// One module serves every language; each language is a strings file (pkg/strings/<tag>.txt),
// fetched beside the module, and the words drawn before the module has loaded come from
// pkg/languages.js (both written from src/strings/ by tools/languages.py; the release bundles
// languages.js into this file).

import { LANGUAGES } from './pkg/languages.js';

const here = new URL('.', import.meta.url);
/** Config and feed text past this size is not read (center-config.md: 2 MiB), counted in UTF-8 bytes. */
const MAX_BYTES = 2 * 1024 * 1024;
/** A config slower than this is given up: the widget starts on its built-in suggestions. */
const CONFIG_TIMEOUT_MS = 10000;
/** A Meeting Guide feed slower than this is given up (the questionnaire never waits for it). */
const FEED_TIMEOUT_MS = 30000;
/** Elements on the page now, so a failure of the module reaches each of them. */
const live = new Set();
let modulePromise;
/** The module once instantiated, for `halt` after a trap. */
let loaded;
/** Set when the module stopped after an internal error; it takes no more work then. */
let stopped = false;

/** The module's folder. */
const pkg = new URL('pkg/', here).href;

/** Stops every widget on the page after an internal error of the module; once. */
function stop() {
  if (stopped) return;
  stopped = true;
  // After a trap no panic hook ran: tell the module itself to take no more work.
  try { loaded?.halt(); } catch { /* it has stopped either way */ }
  console.error('PeerPath stopped after an internal error and shows its fallback. Please report it (SECURITY.md); no answer is in this message.');
  for (const element of live) element.fail();
}

/**
 * A trap of the module that no panic announced (out of memory, out of stack) reaches the page
 * as an uncaught RuntimeError from an event handler; one thrown through the glue is ours.
 */
addEventListener('error', (event) => {
  if (event.error instanceof WebAssembly.RuntimeError && String(event.error.stack).includes(pkg)) stop();
});

/** The languages the widget speaks: those there is a strings file for. */
const SPOKEN = Object.keys(LANGUAGES);
/** Each language in its own name, for the module's language switcher. */
const NAMES = Object.fromEntries(SPOKEN.map((tag) => [tag, LANGUAGES[tag]['lang.name']]));

/**
 * The visitor's language, as Rust's `strings::negotiate` decides it: the element's `lang`, else
 * the first of the browser's languages that the center offers (its config's `languages` the
 * widget speaks, or all it speaks), else the center's first, else English.
 */
function negotiate(lang, config) {
  const primary = (tag) => String(tag ?? '').split(/[-_]/)[0].toLowerCase();
  const listed = (Array.isArray(config.languages) ? config.languages : []).map(primary).filter((l) => SPOKEN.includes(l));
  const offered = listed.length ? listed : SPOKEN;
  if (SPOKEN.includes(primary(lang))) return primary(lang);
  return navigator.languages.map(primary).find((l) => offered.includes(l)) ?? offered[0];
}

/**
 * Loads and instantiates the WebAssembly module once per page: the module's download starts at
 * once, beside its glue, and compiles as it arrives (a server that sends it without the
 * `application/wasm` type gets it fetched again, the glue's own way).
 */
function loadModule() {
  modulePromise ??= (() => {
    const url = new URL('peerpath_bg.wasm', pkg);
    const compiled = WebAssembly.compileStreaming(fetch(url)).catch(() => url);
    return import(new URL('peerpath.js', pkg).href).then(async (module) => {
      await module.default({ module_or_path: await compiled });
      module.onFailure(stop);
      loaded = module;
      return module;
    });
  })();
  return modulePromise;
}

/**
 * Writes every problem of the center's config (or feed) to the console, one sentence each, with
 * `peer-path-problems.js`, loaded only when the widget found a problem: the sentences are for the
 * center's web person, so a visitor of a well-configured center never downloads them. `config`
 * and `feed` are the texts the widget read.
 */
function explain(what, count, config, feed) {
  import(new URL('peer-path-problems.js', here).href).then(
    (problems) => problems.explain(what, count, config, feed),
    (error) => console.warn(`PeerPath: the ${what} has ${count} problem(s); the widget uses the rest. Their descriptions could not be loaded (${error.message}); run check-config on the file to read them.`),
  );
}

/** The error for a config or feed past the size limit. */
const tooBig = (what) => new Error(`the ${what} is larger than 2 MiB (${MAX_BYTES} bytes), which is as much as is read`);

/**
 * JSON text read once, here (Rust receives the value, never the text), refused past the size
 * limit (counted in UTF-8 bytes, not UTF-16 units). Rust checks the value and reports every
 * problem in it. The text is kept to explain problems (`explain`).
 */
function readJson(text, what, bytes = new TextEncoder().encode(text).length) {
  if (bytes > MAX_BYTES) throw tooBig(what);
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    throw new Error(`the ${what} is not valid JSON (${error.message})`);
  }
}

/**
 * A response's text, read only as far as the size limit: a larger one is stopped there, not
 * downloaded whole.
 */
async function readText(response, what) {
  const reader = response.body.getReader();
  const chunks = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_BYTES) {
      reader.cancel();
      throw tooBig(what);
    }
    chunks.push(value);
  }
  return { text: await new Blob(chunks).text(), bytes };
}

/** The config's lists of resources, handed to the widget a piece at a time. */
const LISTS = ['resources', 'meeting_guide'];

/**
 * Hands a list (of the config, or the feed) to the widget a piece at a time, letting the page
 * run between pieces, so a long list never holds up the visitor or a quick exit. False when the
 * widget went away meanwhile.
 */
async function inPieces(mounted, field, list, alive) {
  let next = 0;
  do {
    if (!alive()) return false;
    next = mounted.addEntries(field, list, next);
    await new Promise((resolve) => setTimeout(resolve));
  } while (next < (Array.isArray(list) ? list.length : 0));
  return alive();
}

/** The value if it is an object, else {} (for the little the shell reads itself). */
const asObject = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});

/**
 * Fetches same-origin JSON only, and reads it: nothing is ever requested from another site. Gives
 * up after `ms` milliseconds, the download included.
 */
async function fetchJson(source, what, ms) {
  const url = new URL(source, document.baseURI);
  if (url.origin !== location.origin) throw new Error(`the ${what} must come from this site, not ${url.origin}`);
  try {
    const response = await fetch(url, { credentials: 'same-origin', signal: AbortSignal.timeout(ms) });
    if (!response.ok) throw new Error(`the ${what} could not be loaded from ${url.pathname} (HTTP ${response.status})`);
    const { text, bytes } = await readText(response, what);
    return readJson(text, what, bytes);
  } catch (error) {
    if (error.name === 'TimeoutError') throw new Error(`the ${what} did not arrive within ${ms / 1000} seconds`);
    throw error;
  }
}

/**
 * The center config named by the `config` attribute, read (`{ value, text }`): inline JSON by
 * id, or a same-origin URL. A config that cannot be had never stops the widget: it runs with its built-in
 * suggestions, and the console says why (center-config.md).
 */
async function loadConfig(element) {
  const source = element.getAttribute('config');
  if (!source) return undefined;
  try {
    if (source.startsWith('#')) {
      const script = document.getElementById(source.slice(1));
      if (!script) throw new Error(`there is no element with id "${source.slice(1)}"`);
      return readJson(script.textContent, 'config');
    }
    return await fetchJson(source, 'config', CONFIG_TIMEOUT_MS);
  } catch (error) {
    console.error(`PeerPath: the center config "${source}" could not be used (${error.message}); the widget runs with its built-in suggestions only.`);
    return undefined;
  }
}

/** The Meeting Guide feed the config names, fetched once, read; undefined when missing or broken. */
async function loadFeed(config) {
  const source = config.meeting_guide_url;
  if (typeof source !== 'string' || !source) return undefined;
  try {
    return await fetchJson(source, 'Meeting Guide feed', FEED_TIMEOUT_MS);
  } catch (error) {
    console.warn(`PeerPath: continuing without the Meeting Guide feed (${error.message}).`);
    return undefined;
  }
}

/**
 * A part of a language's strings, the same for every visitor, as text: `<tag>.txt`, what the
 * questions need, or `<tag>.more.txt`, what the result and the meetings screen need.
 */
async function fetchPart(name) {
  const response = await fetch(new URL(`pkg/strings/${name}.txt`, here));
  if (!response.ok) throw new Error(`the ${name} strings could not be loaded (HTTP ${response.status})`);
  return response.text();
}

/** Both parts of a language's strings, for a visitor who switches to it. */
const fetchWholeLanguage = (lang) => Promise.all([fetchPart(lang), fetchPart(`${lang}.more`)]).then((parts) => parts.join('\n'));

/** The visitor's language and its strings: English's when that file could not be had. */
async function loadStrings(lang) {
  try {
    return [lang, await fetchPart(lang)];
  } catch (error) {
    if (lang === 'en') throw error;
    console.warn(`PeerPath: continuing in English; the ${lang} strings did not load.`, error);
    return ['en', await fetchPart('en')];
  }
}

/** The widget's stylesheet, as a same-origin link inside the shadow root (allowed by a strict CSP). */
function stylesheet() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('peer-path.css', here).href;
  const done = new AbortController(); // whichever fires first removes both listeners
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener('load', resolve, { signal: done.signal });
    link.addEventListener('error', () => reject(new Error('the stylesheet could not be loaded')), { signal: done.signal });
  }).finally(() => done.abort());
  return { link, loaded };
}

/** Characters that change the direction of text around them (as the config check removes them). */
const DIRECTION_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A phone number as written in a config: digits, spaces, dots, dashes, brackets, a leading +. */
const PHONE = /^\+?[\d\s().-]*\d[\d\s().-]*$/;

/**
 * The calm message, with 988, 911 and the center's phone from its config (as text only: the
 * number shown is the number dialled, and the center's name cannot turn it around).
 */
function sorry(lang, config) {
  const w = LANGUAGES[lang] ?? LANGUAGES.en;
  const [cannot, help, lifeline, also] = ['cannot', 'help', 'lifeline', 'also'].map((key) => w[`ui.sorry.${key}`]);
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.setAttribute('part', 'failure');
  box.className = 'failure';
  const lines = [document.createElement('p'), document.createElement('p')];
  lines[0].textContent = cannot;
  lines[1].append(`${help} `, link('tel:988', '988'), ` ${lifeline} `, link('tel:911', '911'), '.');
  const center = asObject(config.center);
  const phone = typeof center.phone === 'string' ? center.phone.replace(DIRECTION_CONTROLS, '').trim() : '';
  if (PHONE.test(phone) && phone.length <= 40) {
    const line = document.createElement('p');
    const name = document.createElement('bdi');
    name.textContent = typeof center.name === 'string' ? center.name.replace(DIRECTION_CONTROLS, '').slice(0, 120) : '';
    const number = link(`tel:${phone.replace(/[^\d+]/g, '')}`, phone);
    number.dir = 'ltr';
    line.append(`${also} `, name, ': ', number, '.');
    lines.push(line);
  }
  box.append(...lines);
  return box;
}

/** The welcome's promises, as the tables name them (`ui.welcome.<name>`). */
const PROMISES = ['anonymous', 'private', 'time', 'not_diagnosis'];
/** Where "Exit this page" goes before the config is read, or when it names no usable page. */
const SAFE_PAGE = 'https://www.weather.gov/';

/** An element with attributes and children (text as text, never as HTML). */
function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A link, its text as text. */
const link = (href, text) => el('a', { href }, text);

/** A center's name as the welcome shows it: text, without direction controls, not too long. */
const centerName = (config) => {
  const name = asObject(config.center).name;
  return typeof name === 'string' ? name.replace(DIRECTION_CONTROLS, '').trim().slice(0, 120) : '';
};

/** The welcome's first line, with the center's name when it has one. */
// The name as it is: a replacement function, so "$&" or "$'" in a center's name is not a pattern.
const introText = (w, center) => (center ? w['ui.welcome.intro_center'].replace('{center}', () => center) : w['ui.welcome.intro']);

/**
 * The welcome screen into `screen` (here, and for the module whenever it shows the welcome):
 * the same markup as the module's screens, its heading marked for focus.
 */
function drawWelcome(screen, lang, center) {
  const w = LANGUAGES[lang];
  if (!w) return false; // the module draws a plain one
  screen.replaceChildren(
    el('h2', { tabindex: '-1', 'data-focus': '', 'data-welcome': '', lang }, w['ui.welcome.title']),
    el('p', { class: 'intro' }, introText(w, center)),
    // Both ways in on the first screen of a phone: the questions, and a meeting now with no
    // question asked (quality.md v3); what the widget promises below them.
    el('div', { class: 'nav ways' },
      el('button', { type: 'button', 'data-action': 'start', class: 'primary', part: 'button' }, w['ui.start']),
      el('button', { type: 'button', 'data-action': 'meetings', class: 'secondary', part: 'button' }, w['ui.meetings_now'])),
    el('ul', { class: 'promises' }, ...PROMISES.map((key) => el('li', {}, w[`ui.welcome.${key}`]))),
  );
  return true;
}

/**
 * The widget's frame as the module draws it (the bar with "Exit this page" and call or text
 * 988, the crisis strip, the welcome), drawn before the module has loaded; the module takes it
 * over as it is (`data-shell`).
 */
function shellFrame(lang, center) {
  const w = LANGUAGES[lang];
  const now = (href, verb) => el('a', { href, part: 'now' }, el('span', { class: 'verb' }, verb), ' ', el('span', { class: 'number' }, '988'));
  const screen = el('div', { class: 'screen', part: 'screen' });
  drawWelcome(screen, lang, center);
  return el('section', { class: 'pp', part: 'widget', lang, 'aria-label': w['ui.widget_label'], 'data-shell': '' },
    el('div', { class: 'bar', part: 'bar' },
      el('button', { type: 'button', 'data-action': 'exit', class: 'exit', part: 'exit' }, w['ui.exit']),
      el('div', { class: 'now', role: 'group', 'aria-label': w['ui.crisis_988_label'] },
        now('tel:988', w['ui.bar.call']),
        // A text's first word where the language has one (988 answers AYUDA in Spanish), as
        // the module's bar says.
        now(w['c.text_988_body'] ? `sms:988?body=${encodeURIComponent(w['c.text_988_body'])}` : 'sms:988', w['ui.bar.text']),
        el('button', { type: 'button', 'data-action': 'help', class: 'more', part: 'now', 'aria-controls': 'pp-strip', 'aria-expanded': 'true', hidden: '' }, w['ui.bar.more']))),
    el('div', { class: 'strip', id: 'pp-strip' },
      el('div', { class: 'crisis-lines', part: 'crisis', role: 'region', 'aria-label': w['ui.crisis_label'] },
        el('strong', {}, w['ui.crisis_lead']), el('a', { class: 'pill', href: 'tel:911' }, w['ui.call_911'])),
      el('p', { class: 'exit-hint' }, w['ui.exit_hint'])),
    el('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' }),
    screen);
}

/**
 * The center's colors, font and scheme (center-config.md `theme`) as the stylesheet's custom
 * properties on the element; a value the checker refuses is left out, and one the page set on
 * the element itself (a WordPress block's brand) stays. `font: "inherit"` is the host page's
 * font; `scheme: "auto"` (or none) follows the page's color scheme.
 */
function applyTheme(element, theme) {
  const { accent, font, scheme } = asObject(theme);
  const set = (name, value) => element.style.getPropertyValue(name) || element.style.setProperty(name, value);
  if (/^#([\da-f]{3}){1,2}$/i.test(accent)) set('--pp-accent', accent);
  const family = font === 'inherit' ? element.parentElement && getComputedStyle(element.parentElement).fontFamily : font;
  if (typeof family === 'string' && family && family.length <= 200) set('--pp-font', family);
  if (scheme === 'light' || scheme === 'dark') set('color-scheme', scheme);
}

/**
 * "Exit this page" before the module runs (no answer has been given yet): the whole tab goes to
 * the center's safe page, which is not told where the visitor was.
 */
function leaveNow(config) {
  const url = typeof config.quick_exit_url === 'string' && /^https?:\/\//i.test(config.quick_exit_url) ? config.quick_exit_url : SAFE_PAGE;
  document.head.append(el('meta', { name: 'referrer', content: 'no-referrer' }));
  try {
    if (window.top !== window) return window.top.location.replace(url);
  } catch { /* another origin that will not be sent away: leave this frame at least */ }
  location.replace(url);
}

class PeerPathElement extends HTMLElement {
  #mounted = null;
  #generation = 0;
  #lang = 'en';
  #config = {};
  #styles = null;
  /** Start ('start') or "Find a meeting now" ('meetings') was pressed on the shell's welcome before the module had loaded. */
  #started = null;

  constructor() {
    super();
    // Before the module runs, the shell's welcome answers Start and "Exit this page" itself;
    // "Find a meeting now" until the meetings screen's words are here too (the module waits).
    this.attachShadow({ mode: 'open' }).addEventListener('click', (event) => {
      const action = event.target.closest?.('[data-action]')?.dataset.action;
      if (action === 'meetings' && !this.#started) this.#started = action;
      if (this.#mounted) return;
      if (action === 'exit') leaveNow(this.#config);
      if (action === 'start' && !this.#started) this.#started = action;
      // Said while the module loads (not once it runs: it may be on the next screen already).
      if (this.#started) {
        const status = this.shadowRoot.querySelector('[role=status]');
        if (status) status.textContent = LANGUAGES[status.closest('[lang]').lang]?.['ui.loading'] ?? '';
      }
    });
  }

  connectedCallback() {
    live.add(this);
    const root = this.shadowRoot;
    const generation = ++this.#generation;
    this.#started = null;
    this.#lang = (this.getAttribute('lang') || navigator.language || 'en').slice(0, 2).toLowerCase();
    // Until the welcome is drawn (and whenever the widget cannot run), the element's children show.
    this.#styles = stylesheet();
    root.replaceChildren(this.#styles.link, document.createElement('slot'));
    if (stopped) return this.fail();
    // The module starts loading at once; the welcome is drawn as soon as its styles are here
    // (with an inline config, in the center's language and name at once).
    loadModule().catch(() => {}); // handled in #start
    const inline = this.getAttribute('config')?.startsWith('#') ? document.getElementById(this.getAttribute('config').slice(1)) : null;
    try { this.#config = asObject(inline && JSON.parse(inline.textContent)); } catch { this.#config = {}; /* reported below */ }
    this.#drawShell(root, generation);
    this.#start(root, generation).catch((error) => {
      if (error instanceof WebAssembly.RuntimeError && modulePromise) return stop();
      if (generation !== this.#generation) return;
      console.error('PeerPath could not start; showing the fallback content instead.', error);
      this.fail();
    });
  }

  disconnectedCallback() {
    live.delete(this);
    this.#generation++;
    // After a failure the module takes no calls, not even free(); the page drops it.
    if (!stopped) this.#mounted?.free();
    this.#mounted = null;
  }

  /** Shows the calm message and the center's own fallback content instead of the widget. */
  fail() {
    this.#mounted = null;
    this.#generation++;
    const root = this.shadowRoot;
    if (!root) return;
    const styles = this.#styles ?? stylesheet();
    root.replaceChildren(styles.link, sorry(this.#lang, this.#config), document.createElement('slot'));
  }

  /**
   * The shell's frame and welcome, once their styles are here, in the language the config known
   * so far gives; drawn again in the config's language and with its center's name when a config
   * fetched from a URL arrives, as long as the visitor has not pressed anything.
   */
  #drawShell(root, generation) {
    applyTheme(this, this.#config.theme);
    this.#styles.loaded.then(() => {
      if (generation !== this.#generation || this.#mounted || stopped) return;
      const lang = negotiate(this.getAttribute('lang') || undefined, this.#config);
      const drawn = root.querySelector('[data-shell]');
      if (drawn && (drawn.lang === lang || this.#started)) {
        const intro = drawn.querySelector('.intro');
        if (intro && centerName(this.#config)) intro.textContent = introText(LANGUAGES[drawn.lang], centerName(this.#config));
        return;
      }
      // The stylesheet's link stays where it is (taken out and put back, it may be fetched again).
      for (const child of [...root.childNodes]) if (child !== this.#styles.link) child.remove();
      root.append(shellFrame(lang, centerName(this.#config)));
    }, () => {});
  }

  async #start(root, generation) {
    const asked = this.getAttribute('lang') || undefined;
    // The module (started in connectedCallback), the config and the stylesheet load side by
    // side; the strings file as soon as the config says which languages the center offers.
    const moduleReady = loadModule();
    const read = await loadConfig(this);
    const config = read?.value;
    this.#config = asObject(config);
    const lang = negotiate(asked, this.#config);
    this.#lang = lang;
    const strings = loadStrings(lang);
    strings.catch(() => {}); // handled below
    this.#drawShell(root, generation);
    const [module, [chosen, text]] = await Promise.all([moduleReady, strings, this.#styles.loaded]);
    this.#lang = chosen;
    // Removed (or re-added) while loading: the newer connection does the work.
    if (generation !== this.#generation) return;
    // The first screen is drawn at once; the config's lists of resources and the Meeting Guide
    // feed join a piece at a time after it (`addEntries`).
    const lists = LISTS.filter((field) => Array.isArray(this.#config[field]));
    const head = lists.length ? Object.fromEntries(Object.entries(this.#config).filter(([field]) => !lists.includes(field))) : config;
    const mounted = module.mount(root, head, chosen, text, NAMES, asked, fetchWholeLanguage, drawWelcome);
    this.#mounted = mounted;
    // The Meeting Guide feed (up to 1 MB) once the first screen is drawn: fetched earlier, it
    // would share the line with the module, which the first question waits for.
    const feed = loadFeed(this.#config);
    // A config named but not had: the widget runs without the center's phone, so the element's
    // own content (the center's lines) shows below it (distribution.md v3).
    if (this.getAttribute('config') && !read) root.append(document.createElement('slot'));
    const alive = () => this.#mounted === mounted && !stopped;
    if (this.#started === 'start') mounted.start();
    // The rest of the language (the result's and the meetings screen's strings) once the first
    // screen is drawn; "Find a meeting now" pressed early waits for it.
    // Not had, an empty part is handed over: the screens are drawn with what there is.
    const more = fetchPart(`${chosen}.more`).catch((error) => {
      console.warn('PeerPath: the result\'s strings did not load.', error);
      return '';
    }).then((rest) => alive() && mounted.addStrings(rest));
    more.then(() => alive() && this.#started === 'meetings' && mounted.meetings());
    this.dispatchEvent(new CustomEvent('peerpath-ready', { detail: { embedOrigins: mounted.embedOrigins } }));
    for (const field of lists) {
      if (!(await inPieces(mounted, field, this.#config[field], alive))) return;
    }
    if (mounted.problems) explain('center config', mounted.problems, read?.text);
    const meetings = await feed;
    if (meetings === undefined || !alive()) return;
    const before = mounted.problems;
    if (!(await inPieces(mounted, 'meeting_guide_url', meetings.value, alive))) return;
    if (mounted.problems > before) explain('Meeting Guide feed', mounted.problems - before, undefined, meetings.text);
  }
}

if (!customElements.get('peer-path')) {
  customElements.define('peer-path', PeerPathElement);
}
