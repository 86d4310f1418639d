// What the package's commands share: the scoring API module, loaded in Node.js from the files
// beside this package (api/peerpath.js and its module), the widget's bounds, reading a file
// within them, writing a file safely beside another, and fetching another site's answer within
// them, never from this machine or its network unless asked.
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

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

/**
 * A file's bytes, read only if it is a regular file and only up to `limit` bytes: a device such
 * as /dev/zero, a pipe or a directory is refused before a byte is read, and a larger file
 * after `limit` + 1. Throws an Error whose message names the file (not yet escaped).
 */
export async function readBounded(path, limit = MAX_BYTES) {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new Error(`${path}: cannot be read: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  if (!info.isFile()) throw new Error(`${path}: is not a file (${info.isDirectory() ? 'a folder' : 'a device or a pipe'})`);
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) throw new Error(`${path}: is larger than ${limit} bytes (2 MiB), as much as the widget reads`);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    await file.close();
  }
}

/** A new name for a temporary file beside `out`: random, so nobody can plant anything there first. */
const randomName = (out) => join(dirname(out), `.${basename(out)}.${randomBytes(12).toString('hex')}.tmp`);

/**
 * Writes `text` to `out` in one step: into a new file beside it, then renamed over it, so a
 * reader never sees half a file. The temporary file is made with O_CREAT | O_EXCL ('wx'): if
 * anything already has its name (a symlink planted to make a privileged cron job write through
 * it), the open fails and another name is tried; nothing is ever written through a link. The
 * temporary file is removed if anything goes wrong. `nameFor` is for tests.
 */
export async function writeBeside(out, text, nameFor = randomName) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const temporary = nameFor(out);
    let file;
    try {
      file = await open(temporary, 'wx', 0o644);
    } catch (error) {
      if (error.code === 'EEXIST') continue;
      throw error;
    }
    try {
      await file.writeFile(text);
      await file.close();
      file = null;
      await rename(temporary, out);
      return;
    } catch (error) {
      await file?.close();
      await rm(temporary, { force: true });
      throw error;
    }
  }
  throw new Error('no temporary file could be made beside it (every name tried was taken)');
}

/** Addresses a fetch never reaches unless asked: this machine, private networks, link-local, shared (CGNAT) and the like. */
const INTERNAL = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]]) {
  INTERNAL.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]]) {
  INTERNAL.addSubnet(net, prefix, 'ipv6');
}

/** Whether `address` (an IP) is one a fetch may reach. */
export function isPublicAddress(address) {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = isIP(address);
  return family !== 0 && !INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** A failed fetch, with a sentence for the person who runs the command. */
export class FetchError extends Error {}

/**
 * GETs `url` within `limit` decoded bytes and `timeoutMs` in all (headers, redirects and body,
 * however slowly it drips), following up to 5 redirects to http(s) only. Unless `allowLocal`,
 * every address it connects to, the first and each redirect's, must be public: checked on the
 * address actually connected to (the DNS answer), so a name that resolves to this machine or
 * its network is refused too (`allowed` decides instead, for tests). A compressed answer is
 * inflated a piece at a time and stopped at `limit`. Resolves to `{ url, text }` or rejects with
 * a FetchError.
 */
export function fetchBounded(url, { limit = MAX_BYTES, timeoutMs = 30000, allowLocal = false, accept = 'application/json',
  allowed = allowLocal ? () => true : isPublicAddress } = {}) {
  return new Promise((resolve, reject) => {
    let finished = false;
    let request;
    const fail = (sentence) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      request?.destroy();
      reject(new FetchError(sentence));
    };
    const timer = setTimeout(() => fail(`did not finish within ${timeoutMs / 1000} seconds`), timeoutMs);
    const guardedLookup = (hostname, options, callback) => {
      lookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(error);
        const refused = addresses.find((a) => !allowed(a.address));
        if (refused) return callback(Object.assign(new Error(`${hostname} is on this machine or a private network (${refused.address})`), { code: 'EREFUSED_INTERNAL' }));
        if (options.all) return callback(null, addresses);
        return callback(null, addresses[0].address, addresses[0].family);
      });
    };
    const get = (target, hops) => {
      let parsed;
      try {
        parsed = new URL(target);
      } catch {
        return fail(`gave an address that is not a web address (${target})`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return fail(`sent to an address that is not http or https (${parsed.protocol})`);
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !allowed(host)) return fail(`${hops ? 'redirected' : 'is'} to this machine or a private network (${host}); give --allow-local to allow it`);
      const client = parsed.protocol === 'https:' ? https : http;
      request = client.get(parsed, { lookup: guardedLookup, headers: { accept, 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
        const status = response.statusCode ?? 0;
        if ([301, 302, 303, 307, 308].includes(status) && response.headers.location) {
          response.resume();
          if (hops >= 5) return fail('redirected more than 5 times');
          return get(new URL(response.headers.location, parsed).href, hops + 1);
        }
        if (status < 200 || status > 299) {
          response.resume();
          return fail(`answered HTTP ${status}`);
        }
        const encoding = String(response.headers['content-encoding'] ?? 'identity').toLowerCase();
        const decoders = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress };
        if (encoding !== 'identity' && !decoders[encoding]) return fail(`answered in an encoding it cannot read (${encoding})`);
        const body = decoders[encoding] ? response.pipe(decoders[encoding]()) : response;
        const chunks = [];
        let bytes = 0;
        body.on('data', (chunk) => {
          bytes += chunk.length;
          if (bytes > limit) {
            body.destroy();
            return fail(`is larger than ${limit / 1048576} MiB (${limit} bytes), as much as is read`);
          }
          chunks.push(chunk);
        });
        body.on('error', (error) => fail(`broke off (${error.message})`));
        body.on('end', () => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          resolve({ url: parsed.href, text: Buffer.concat(chunks).toString('utf8') });
        });
      });
      request.on('error', (error) => fail(error.code === 'EREFUSED_INTERNAL'
        ? `${hops ? 'redirected' : 'is'} to ${error.message}; give --allow-local to allow it`
        : `could not be fetched (${error.code ?? error.message})`));
    };
    get(url, 0);
  });
}
