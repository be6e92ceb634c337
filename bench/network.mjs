// The benchmarks' network: every host a page uses is its own HTTPS origin on loopback (HTTP/2, as
// Tencent's hosts and CDNs serve it, with HTTP/1.1 for whoever asks), behind a TCP proxy that charges
// `connectMs` before the first byte of every new connection (DNS + TCP + TLS on a real network), and
// every answer comes `requestMs` late. Chromium reaches the names through --host-resolver-rules and
// trusts one test certificate per host by its key (--ignore-certificate-errors-spki-list: with
// --ignore-certificate-errors a preconnected socket is never reused; one certificate per host, so that
// HTTP/2 does not merge hosts). Certificates are made at start with openssl, and thrown away.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createSecureServer } from 'node:http2';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One certificate and key for `host`, with its SPKI hash as Chromium wants it (base64 SHA-256). */
function certificateFor(host, dir) {
  const key = join(dir, `${host}.key`);
  const cert = join(dir, `${host}.crt`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const pem = readFileSync(cert);
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return { key: readFileSync(key), cert: pem, spki: createHash('sha256').update(spki).digest('base64') };
}

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

/**
 * Starts one origin per host. `handle(host, url, headers)` answers `{ status?, type, body, headers? }`
 * (or undefined for a 404). `costs()` returns the current `{ connectMs, requestMs }` and may change
 * between visits. Returns Chromium's flags, per-host connection counts, and `close()`.
 */
export async function startNetwork(hosts, handle, costs) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-net-'));
  const servers = [];
  const rules = [];
  const spkis = [];
  const connections = new Map(hosts.map((host) => [host, 0]));
  const sockets = new Set();
  for (const host of hosts) {
    const { key, cert, spki } = certificateFor(host, dir);
    spkis.push(spki);
    const origin = createSecureServer({ key, cert, allowHTTP1: true }, async (request, response) => {
      const url = new URL(request.url, `https://${host}`);
      await new Promise((resolve) => setTimeout(resolve, costs().requestMs));
      let answer;
      try {
        answer = await handle(host, url, request.headers);
      } catch (error) {
        answer = { status: 500, type: 'text/plain', body: String(error) };
      }
      if (!answer) return response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      response.writeHead(answer.status ?? 200, { 'content-type': answer.type, 'cache-control': 'no-store', 'timing-allow-origin': '*', ...answer.headers });
      response.end(answer.body);
    });
    const originPort = await listen(origin);
    // The connection's price, paid before its first byte (the TLS handshake comes after it).
    const proxy = createServer((socket) => {
      connections.set(host, connections.get(host) + 1);
      sockets.add(socket);
      socket.pause();
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
      setTimeout(() => {
        if (socket.destroyed) return;
        const upstream = connect(originPort, '127.0.0.1');
        upstream.on('error', () => socket.destroy());
        socket.on('close', () => upstream.destroy());
        upstream.on('close', () => socket.destroy());
        socket.pipe(upstream).pipe(socket);
        socket.resume();
      }, costs().connectMs);
    });
    const proxyPort = await listen(proxy);
    servers.push(origin, proxy);
    rules.push(`MAP ${host} 127.0.0.1:${proxyPort}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    chromiumArgs: [`--host-resolver-rules=${rules.join(', ')}, EXCLUDE localhost`, `--ignore-certificate-errors-spki-list=${spkis.join(',')}`],
    /** New TCP connections per host since the last reset. */
    connections,
    resetCounts: () => hosts.forEach((host) => connections.set(host, 0)),
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve()))));
    },
  };
}
