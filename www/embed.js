// Isolated mode, inside the iframe: sets up the <peer-path> element from this page's query
// (?config=...&lang=...) and tells the host page its height, and nothing else, so the frame can
// be as tall as its content. The host page cannot read anything in here: another origin.
const query = new URLSearchParams(location.search);
const element = document.querySelector('peer-path');
for (const name of ['config', 'lang']) {
  const value = query.get(name);
  if (value) element.setAttribute(name, value);
}
if (query.get('lang')) document.documentElement.lang = query.get('lang');
// Only now, with its attributes set, does the element start.
import('./peer-path.js');
// A strict CSP forbids inline styles in markup, not through the CSSOM.
document.documentElement.style.background = 'transparent';
document.body.style.margin = '0';

/**
 * Heights go in steps of 40 px: enough to fit the content, and coarse enough that the height
 * says little about which answers were given (SECURITY.md).
 */
const STEP = 40;
let sent = -1;
const report = () => {
  // The body's own height, not the document's scroll height, which never shrinks below the frame.
  const height = Math.ceil(document.body.getBoundingClientRect().height / STEP) * STEP;
  if (height !== sent && window.parent !== window) {
    sent = height;
    window.parent.postMessage({ peerpath: 'height', height }, '*');
  }
};
new ResizeObserver(report).observe(document.body);
report();
