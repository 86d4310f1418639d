// The shell's console report of a center's config and feed problems (`explain` in
// peer-path.js), loaded only when the widget found one: the sentences are for the center's web
// person, never downloaded by a visitor of a well-configured center.

/**
 * Writes every problem of the center's config (or feed) to the console, one sentence each. The
 * sentences come from the scoring API module (`api/`), which checks the texts again in a worker
 * (`peer-path-explain.js`), so a large file never holds up the page, quick exit included.
 * `config` and `feed` are the texts the widget read; `count` the problems it found.
 */
export function explain(what, count, config, feed) {
  const head = `PeerPath: the ${what} has ${count} problem(s); the widget uses the rest.`;
  const failed = (why) => console.warn(`${head} The descriptions (api/peerpath.js) could not be loaded (${why}). Run check-config on the file to read them.`);
  let worker;
  try {
    worker = new Worker(workerUrl(new URL('peer-path-explain.js', import.meta.url)), { type: 'module' });
  } catch (error) {
    return failed(error.message);
  }
  worker.onmessage = ({ data }) => {
    worker.terminate();
    if (data.error) return failed(data.error);
    // The checker's own count: it also names what would fail on a live page (center::readiness).
    const lines = data.problems.map((p) => `${p.level}: ${p.path}: ${p.message}`);
    console.warn([`PeerPath: the ${what} has ${lines.length} problem(s); the widget uses the rest.`, ...lines].join('\n'));
  };
  worker.onerror = (event) => {
    worker.terminate();
    failed(event.message || 'the worker did not start');
  };
  worker.postMessage({ config, feed });
}

let policy;
/**
 * A worker's URL as a page under Trusted Types (`require-trusted-types-for 'script'`) accepts
 * it: made by this file's own policy, "peerpath" (the page's CSP lists it in `trusted-types`),
 * which makes a URL of the explainer beside this file and nothing else. Without Trusted Types,
 * the URL as it is.
 */
function workerUrl(url) {
  if (!globalThis.trustedTypes?.createPolicy) return url;
  policy ??= trustedTypes.createPolicy('peerpath', {
    createScriptURL: (given) => {
      if (given !== url.href) throw new TypeError('PeerPath makes a script URL only of its own explainer');
      return given;
    },
  });
  return policy.createScriptURL(url.href);
}
