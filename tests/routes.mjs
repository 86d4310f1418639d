// A small HTTP server for the tests of the center's tools (tests/release) and the WordPress
// plugin (tests/wordpress): an intergroup's meeting list, or a hostile server the sync is
// tested against, each path answered by its own handler.
import { createServer } from 'node:http';

/**
 * A server on 127.0.0.1 that answers each path of `routes` (`{ '/meetings.json': (req, res) =>
 * ... }`) with its handler, and 404 otherwise: `{ url, close }`, `close` ending every open
 * connection too (a drip or an endless body would keep it open).
 */
export async function routeServer(routes) {
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (route) return route(req, res);
    res.statusCode = 404;
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => { server.closeAllConnections(); server.close(); } };
}
