// Loads the scoring API module (www/api, from `make build`) in node, as a center's page would.
import { readFile } from 'node:fs/promises';
import init, * as peerpath from '../../www/api/peerpath.js';

const wasm = await readFile(new URL('../../www/api/peerpath_bg.wasm', import.meta.url));
await init({ module_or_path: wasm });

export default peerpath;
