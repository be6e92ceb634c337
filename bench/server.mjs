// A plain static server for the benchmarks: the project's files, and the fake vendor script with a
// fixed added latency (as on a real network), counting requests per path.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.map': 'application/json' };

/** Starts the server on a free loopback port; `vendorLatencyMs` delays every /vendor/ answer. */
export async function startBenchServer({ vendorLatencyMs = 150 } = {}) {
  const requests = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
    let file = url.pathname;
    if (file.startsWith('/vendor/')) {
      await new Promise((resolve) => setTimeout(resolve, vendorLatencyMs));
      // The fake loader and, like Tencent's, its deferred sub-script (both with the latency).
      file = url.pathname === '/vendor/legacy-frame.js' ? '/test/fixtures/legacy-frame.js' : '/test/fixtures/legacy-vendor.js';
    }
    const path = normalize(join(ROOT, file));
    if (!path.startsWith(ROOT) || path.includes('node_modules')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
