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
// Only to this page's own site and the host sites the center's config names (`embed_origins`):
// any other site that frames this page hears nothing from it.
element.addEventListener('peerpath-ready', (event) => {
  if (window.parent === window) return;
  for (const origin of new Set([location.origin, ...event.detail.embedOrigins])) {
    window.parent.postMessage({ peerpath: 'ready' }, origin);
  }
}, { once: true });
// Only now, with its attributes set, does the element start.
import('./peer-path.js');
// A strict CSP forbids inline styles in markup, not through the CSSOM.
document.documentElement.style.background = 'transparent';
document.body.style.margin = '0';
