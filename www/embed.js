// Isolated mode, inside the iframe: sets up the <peer-path> element from this page's query
// (?config=...&lang=...) and, once the widget runs, tells the host page so and nothing else:
// no height, no screen, no answer. The host page cannot read anything in here: another origin.
const query = new URLSearchParams(location.search);
const element = document.querySelector('peer-path');
for (const name of ['config', 'lang']) {
  const value = query.get(name);
  if (value) element.setAttribute(name, value);
}
if (query.get('lang')) document.documentElement.lang = query.get('lang');
// The host page's color scheme, so the widget is dark only where that page may be (quality.md v3).
if (/^(only )?(light|dark)( (light|dark))?$/.test(query.get('scheme') ?? '')) document.documentElement.style.colorScheme = query.get('scheme');
// Only to this page's own site and the host sites the center's config names (`embed_origins`):
// any other site that frames this page hears nothing from it.
element.addEventListener('peerpath-ready', (event) => {
  if (window.parent === window) return;
  const listed = new Set([location.origin, ...event.detail.embedOrigins]);
  for (const origin of listed) {
    window.parent.postMessage({ peerpath: 'ready' }, origin);
  }
  // Where the browser says who frames this page, the console names a site left out.
  const host = location.ancestorOrigins?.[0];
  if (host && host !== 'null' && !listed.has(host)) {
    console.error(`PeerPath: this frame is on a page of ${host}, which the center config does not list in "embed_origins" (it lists ${[...listed].slice(1).join(', ') || 'none'}), so that page is not told the widget runs and shows its fallback instead.`);
  }
}, { once: true });
// Only now, with its attributes set, does the element start.
import('./peer-path.js');
// A strict CSP forbids inline styles in markup, not through the CSSOM.
document.documentElement.style.background = 'transparent';
document.body.style.margin = '0';
