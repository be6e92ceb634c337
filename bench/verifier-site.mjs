// The site under test for bench/verifier.mjs, in a process of its own (so that its heap is only the
// verifier's): one route through the guard (t-captcha/server/express), one that reads the JSON body by
// hand and calls verify() itself; the emulator's address and the API come in argv. Answers its heap and
// in-process verify() latencies over IPC.
import { createServer } from 'node:http';
import { TEST_CREDENTIALS } from '../dist/emulator/index.js';
import { createCaptchaVerifier, normalizeIp } from '../dist/server/index.js';
import { requireCaptcha } from '../dist/server/middleware/express.js';

const [origin, api] = process.argv.slice(2);
const app = TEST_CREDENTIALS.alwaysPass;
const verifier = createCaptchaVerifier(
  api === 'legacy'
    ? { legacy: { secretId: app.secretId, secretKey: app.secretKey, endpoint: `${origin}/v2/index.php` } }
    : { current: { secretId: app.secretId, secretKey: app.secretKey, captchaAppId: app.appId, appSecretKey: app.appSecretKey, resultEndpoint: origin } },
);
const guard = requireCaptcha(verifier);

const server = createServer((request, response) => {
  if (request.url === '/guard') {
    return guard(request, response, () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  }
  // The bare route: what a site writes without the guard.
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', async () => {
    const { ticket, randstr } = JSON.parse(body);
    const result = await verifier.verify({ ticket, randstr, userIp: normalizeIp(request.socket.remoteAddress) });
    response.writeHead(result.passed ? 200 : result.status, { 'content-type': 'application/json' }).end(JSON.stringify({ reason: result.reason }));
  });
});
server.keepAliveTimeout = 60_000;
process.on('SIGINT', () => process.exit(0));
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
process.on('message', async (message) => {
  if (message === 'heap') return process.send({ heap: heap() });
  if (message === 'cpu') return process.send({ cpu: process.cpuUsage() });
  if (message.direct) {
    // verify() called in-process, `concurrency` at a time: the latency without any HTTP to the site.
    const latencies = [];
    let next = 0;
    const worker = async () => {
      while (next < message.direct.count) {
        const n = next++;
        const started = performance.now();
        await verifier.verify({ ticket: `t03bench${n}`, randstr: '@bench', userIp: '127.0.0.1' });
        latencies.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: message.direct.concurrency }, worker));
    process.send({ latencies });
  }
});
