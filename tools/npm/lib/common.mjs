// What the package's commands share: the scoring API module, loaded in Node.js from the files
// beside this package (api/peerpath.js and its module), and the widget's bounds.
import { readFile } from 'node:fs/promises';

/** A config or feed past this many bytes is not read, by the widget or here (center-config.md). */
export const MAX_BYTES = 2 * 1024 * 1024;

/** The scoring API module, ready. */
export async function loadApi() {
  const api = await import(new URL('../api/peerpath.js', import.meta.url));
  await api.default({ module_or_path: await readFile(new URL('../api/peerpath_bg.wasm', import.meta.url)) });
  return api;
}

/**
 * Text as a terminal should print it: control characters (which could clear the screen or set
 * the title) and direction controls (which could make a value read as another) as escapes, and
 * no line longer than 1,000 characters.
 */
export function visible(text) {
  const escaped = String(text).replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  return escaped.length > 1000 ? `${escaped.slice(0, 1000)}…` : escaped;
}
