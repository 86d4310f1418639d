// A module worker that writes the center's config and feed problems as sentences (the shell's
// `explain`): the scoring API module checks the texts here, away from the page, so a large file
// never holds the page up. It gets the texts the shell read and answers with the problems.
import init, { checkConfig } from './api/peerpath.js';

const ready = init({ module_or_path: new URL('api/peerpath_bg.wasm', import.meta.url) });

onmessage = async ({ data }) => {
  try {
    await ready;
    const read = (text) => (text === undefined ? null : JSON.parse(text));
    postMessage({ problems: checkConfig(read(data.config), read(data.feed)) });
  } catch (error) {
    postMessage({ error: String(error?.message ?? error) });
  }
};
