// <peer-path>: the PeerPath widget's shell. Rust draws everything; this file only defines the
// element (Rust cannot), attaches its shadow root, loads the module and the center's config,
// and shows the element's own children (the center's fallback) whenever the module cannot run.
//
//   <script type="module" src="peer-path.js"></script>
//   <peer-path config="#center-config" lang="en">Call us: 555-0100</peer-path>
//
// `config` is the id of a <script type="application/json"> on the page ("#id"), or a
// same-origin URL of a JSON file. Nothing the visitor answers is ever sent anywhere.

const here = new URL('.', import.meta.url);
/** Config and feed text past this size is not read (center-config.md: 2 MiB). */
const MAX_BYTES = 2 * 1024 * 1024;
/** The questionnaire waits at most this long for a Meeting Guide feed. */
const FEED_WAIT_MS = 3000;
let modulePromise;

/** Loads and instantiates the WebAssembly module once per page. */
function loadModule() {
  modulePromise ??= import(new URL('pkg/peerpath.js', here).href).then(async (module) => {
    await module.default({ module_or_path: new URL('pkg/peerpath_bg.wasm', here) });
    return module;
  });
  return modulePromise;
}

/** JSON text, refused past the size limit. Rust reads it (and reports every problem). */
function limited(text, what) {
  if (text.length > MAX_BYTES) throw new Error(`the ${what} is ${text.length} bytes; at most ${MAX_BYTES} (2 MiB) are read`);
  return text;
}

/** Fetches same-origin JSON text only: nothing is ever requested from another site. */
async function fetchText(source, what, signal) {
  const url = new URL(source, document.baseURI);
  if (url.origin !== location.origin) throw new Error(`the ${what} must come from this site, not ${url.origin}`);
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`the ${what} could not be loaded (HTTP ${response.status})`);
  return limited(await response.text(), what);
}

/** The center config text named by the `config` attribute: inline JSON by id, or a same-origin URL. */
async function loadConfig(element) {
  const source = element.getAttribute('config');
  if (!source) return '{}';
  if (source.startsWith('#')) {
    const script = document.getElementById(source.slice(1));
    if (!script) throw new Error(`no element with id "${source.slice(1)}" for the config`);
    return limited(script.textContent, 'config');
  }
  return fetchText(source, 'config');
}

/** Where the config says the Meeting Guide feed is, if it says so and reads as JSON. */
function feedSource(configText) {
  try {
    const source = JSON.parse(configText)?.meeting_guide_url;
    return typeof source === 'string' && source ? source : undefined;
  } catch {
    return undefined; // Rust reports the broken config.
  }
}

/**
 * The Meeting Guide feed the config names, fetched once; the widget starts without it when it
 * is missing, broken or slow, and says so in the console.
 */
async function loadFeed(configText) {
  const source = feedSource(configText);
  if (!source) return undefined;
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), FEED_WAIT_MS);
  try {
    return await fetchText(source, 'Meeting Guide feed', timer.signal);
  } catch (error) {
    console.warn('PeerPath: continuing without the Meeting Guide feed.', error);
    return undefined;
  } finally {
    clearTimeout(timeout);
  }
}

/** A language's strings, a static file of the widget (the same for every visitor). */
async function fetchStrings(lang) {
  const response = await fetch(new URL(`pkg/strings/${lang}.txt`, here));
  if (!response.ok) throw new Error(`the ${lang} strings could not be loaded (HTTP ${response.status})`);
  return response.text();
}

/** Loads the strings of the visitor's language when they are not built in (English is). */
async function loadLanguage(module, configText, elementLang) {
  const lang = module.negotiateLanguage(configText, elementLang);
  if (module.hasLanguage(lang)) return;
  try {
    module.loadStrings(lang, await fetchStrings(lang));
  } catch (error) {
    console.warn(`PeerPath: continuing in English; the ${lang} strings did not load.`, error);
  }
}

/** The widget's stylesheet, as a same-origin link inside the shadow root (allowed by a strict CSP). */
function loadStyles(root) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('peer-path.css', here).href;
  const done = new AbortController(); // whichever fires first removes both listeners
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener('load', resolve, { signal: done.signal });
    link.addEventListener('error', () => reject(new Error('the stylesheet could not be loaded')), { signal: done.signal });
  }).finally(() => done.abort());
  root.prepend(link);
  return loaded;
}

class PeerPathElement extends HTMLElement {
  #mounted = null;
  #generation = 0;

  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    // Until the widget is drawn (and whenever it cannot be), the element's children show.
    root.replaceChildren(document.createElement('slot'));
    const generation = ++this.#generation;
    this.#start(root, generation).catch((error) => {
      console.error('PeerPath could not start; showing the fallback content instead.', error);
      if (generation === this.#generation) root.replaceChildren(document.createElement('slot'));
    });
  }

  disconnectedCallback() {
    this.#generation++;
    this.#mounted?.free();
    this.#mounted = null;
  }

  async #start(root, generation) {
    const lang = this.getAttribute('lang') || undefined;
    const configPromise = loadConfig(this);
    const [module, config, feed] = await Promise.all([
      loadModule(), configPromise, configPromise.then(loadFeed), loadStyles(root),
      Promise.all([loadModule(), configPromise]).then(([module, config]) => loadLanguage(module, config, lang)),
    ]);
    // Removed (or re-added) while loading: the newer connection does the work.
    if (generation !== this.#generation) return;
    this.#mounted = module.mount(root, config, lang, feed, fetchStrings);
  }
}

if (!customElements.get('peer-path')) {
  customElements.define('peer-path', PeerPathElement);
}
