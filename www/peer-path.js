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
let modulePromise;

/** Loads and instantiates the WebAssembly module once per page. */
function loadModule() {
  modulePromise ??= import(new URL('pkg/peerpath.js', here).href).then(async (module) => {
    await module.default({ module_or_path: new URL('pkg/peerpath_bg.wasm', here) });
    return module;
  });
  return modulePromise;
}

/** The center config named by the `config` attribute: inline JSON by id, or a same-origin URL. */
async function loadConfig(element) {
  const source = element.getAttribute('config');
  if (!source) return {};
  if (source.startsWith('#')) {
    const script = document.getElementById(source.slice(1));
    if (!script) throw new Error(`no element with id "${source.slice(1)}" for the config`);
    return JSON.parse(script.textContent);
  }
  const url = new URL(source, document.baseURI);
  if (url.origin !== location.origin) throw new Error(`the config must come from this site, not ${url.origin}`);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`the config could not be loaded (HTTP ${response.status})`);
  return response.json();
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
    const [module, config] = await Promise.all([loadModule(), loadConfig(this), loadStyles(root)]);
    // Removed (or re-added) while loading: the newer connection does the work.
    if (generation !== this.#generation) return;
    this.#mounted = module.mount(root, config, this.getAttribute('lang') || undefined);
  }
}

if (!customElements.get('peer-path')) {
  customElements.define('peer-path', PeerPathElement);
}
