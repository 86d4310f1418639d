// <peer-path-frame>: the host page's side of isolated mode. It draws an iframe of embed.html
// from the widget's origin, shows it when that frame says the widget runs, and carries out a
// quick exit the frame asks for when the browser would not let it leave the tab itself. Until
// the frame reports, and if it never does (a config that does not list this site in
// `embed_origins`, a frame that cannot load), the frame takes no room and the element shows
// 988 and 911 and its own children (the configurator's snippet puts the center's phone there),
// never an empty box; the console says what to check.
//
//   <script src="https://help.example.org/peerpath/peer-path-frame.js" defer></script>
//   <peer-path-frame config="center.json" lang="en">Call us: 555-0100</peer-path-frame>
//
// The frame is as tall as the window (or `height` pixels), whatever it shows: a height that
// followed the content would tell this page which screen the visitor is on, and a crisis
// notice makes a screen taller. Its screens scroll inside it, the "Exit this page" bar in sight.
// The frame tells only the host sites its center's config lists (`embed_origins`).
//
// A classic script, not a module, so the host page can load it from the widget's origin
// without CORS headers.
//
// `config` is a URL on the widget's origin (where this script and embed.html are), since the
// frame reads it there. `src` may name another embed.html instead.

(() => {
  const MIN = 320;
  const MAX = 20000;
  /** How long the frame may take to report before the console says what to check. */
  const PATIENCE_MS = 10000; // the widget reports in about 1.5 s on a cheap phone
  /** The crisis lines shown until the widget runs, in the element's language. */
  const HELP = {
    en: ['If you need help now, call or text ', ' (Suicide & Crisis Lifeline). In an emergency, call ', '.'],
    es: ['Si necesita ayuda ahora, llame o envíe un mensaje de texto al ', ' (Línea de Prevención del Suicidio y Crisis). En una emergencia, llame al ', '.'],
  };
  /** Where this script, and so embed.html, lives. */
  const base = new URL('.', document.currentScript?.src ?? location.href);

  class PeerPathFrame extends HTMLElement {
    #listening = null;

    connectedCallback() {
      const src = new URL(this.getAttribute('src') || 'embed.html', base);
      if (!/^https?:$/.test(src.protocol)) return;
      for (const name of ['config', 'lang']) {
        if (this.getAttribute(name)) src.searchParams.set(name, this.getAttribute(name));
      }
      // The page's color scheme ("light dark" where it may be dark), so the framed widget follows
      // the page as an inline one does; a frame cannot see it otherwise.
      const own = getComputedStyle(this).colorScheme; // set by CSS; else the page's <meta name="color-scheme">
      const scheme = own && own !== 'normal' ? own : document.querySelector('meta[name="color-scheme"]')?.content.trim();
      if (scheme) src.searchParams.set('scheme', scheme);
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const frame = document.createElement('iframe');
      frame.src = src.href;
      frame.title = this.getAttribute('title') || 'Find recovery support that fits you';
      // Scripts and its own origin (to load its files); leaving the tab only on a click or key;
      // downloads and print for "save a copy". No location: a browser asks for it on behalf of
      // this page's site, and a grant would let this page's scripts read it too, so the frame
      // neither has it nor offers "near me".
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-top-navigation-by-user-activation allow-downloads allow-modals allow-popups allow-popups-to-escape-sandbox');
      frame.setAttribute('allow', "geolocation 'none'");
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.setAttribute('loading', 'eager');
      // Loading but unseen, and taking no room, until it reports.
      Object.assign(frame.style, { visibility: 'hidden', display: 'block', width: '100%', border: '0', height: '0' });
      const help = document.createElement('p');
      const [before, middle, after] = HELP[(this.getAttribute('lang') || document.documentElement.lang || 'en').slice(0, 2).toLowerCase()] ?? HELP.en;
      const call = (number) => Object.assign(document.createElement('a'), { href: `tel:${number}`, textContent: number });
      help.append(before, call('988'), middle, call('911'), after);
      const slot = document.createElement('slot');
      root.replaceChildren(frame, help, slot);
      this.style.display = 'block';

      this.#listening?.abort();
      this.#listening = new AbortController();
      const wanted = Number(this.getAttribute('height')) || Infinity;
      let ready = false;
      const fit = () => { if (ready) frame.style.height = `${Math.max(MIN, Math.min(wanted, innerHeight, MAX))}px`; };
      window.addEventListener('resize', fit, { signal: this.#listening.signal });
      const waited = setTimeout(() => {
        console.warn(`PeerPath: the widget's frame (${src.origin}) has not said it runs after ${PATIENCE_MS / 1000} s, so this page shows the crisis lines and this element's own content instead. Check that the center config lists this page's site, ${location.origin}, in "embed_origins" (exactly: with or without "www."), and that ${src.href.split('?')[0]} and the config load.`);
      }, PATIENCE_MS);
      this.#listening.signal.addEventListener('abort', () => clearTimeout(waited));
      window.addEventListener('message', (event) => {
        if (event.source !== frame.contentWindow || event.origin !== src.origin) return;
        const data = event.data;
        if (data?.peerpath === 'ready' && !ready) {
          ready = true;
          clearTimeout(waited);
          fit();
          frame.style.visibility = 'visible';
          help.remove();
          slot.remove(); // the widget runs: the fallback is no longer needed
        } else if (data?.peerpath === 'exit' && typeof data.url === 'string') {
          const url = new URL(data.url, location.href);
          if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
          // The safe page is not told which page the visitor left.
          const meta = document.createElement('meta');
          meta.name = 'referrer';
          meta.content = 'no-referrer';
          document.head.append(meta);
          location.replace(url.href);
        }
      }, { signal: this.#listening.signal });
    }

    disconnectedCallback() {
      this.#listening?.abort();
      this.#listening = null;
    }
  }

  if (!customElements.get('peer-path-frame')) {
    customElements.define('peer-path-frame', PeerPathFrame);
  }
})();
