// Loads the built module (www/pkg, from `make build`) in node, as a page would in the browser.
import { readFile } from 'node:fs/promises';
import init, * as peerpath from '../../www/pkg/peerpath.js';

const wasm = await readFile(new URL('../../www/pkg/peerpath_bg.wasm', import.meta.url));
await init({ module_or_path: wasm });

export default peerpath;
