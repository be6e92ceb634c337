// `npm run bench:server`: the emulator under 50,000 API calls (throughput at the start and at the end,
// heap after expiry) and the demo under 500 concurrent page views + logins (latency, errors, memory).
// Prints figures against the goals of the issue; run with --expose-gc (the npm script does).
import { writeFile } from 'node:fs/promises';
import { TEST_CREDENTIALS, startEmulator } from '../dist/emulator/index.js';
import { createCaptchaClient } from '../dist/server/index.js';
import { startDemo } from '../demo/server.mjs';
import { answerPuzzle, puzzleOf } from '../test/node/helpers.mjs';

if (typeof globalThis.gc !== 'function') {
  console.error('bench/service.mjs needs --expose-gc to measure the heap: run `npm run bench:server`.');
  process.exit(1);
}

const CALLS = Number(process.env.BENCH_CALLS ?? 50_000);
const WINDOW = 5_000;
const CONCURRENCY = 16;
const PAGE_VIEWS = Number(process.env.BENCH_VIEWS ?? 500);

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rows = [];
const row = (what, value, goal = '', met) => rows.push(`| ${what} | ${value} | ${goal} | ${met === undefined ? '' : met ? 'met' : 'NOT met'} |`);
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const heapAfterGc = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

// 1. The emulator: signed API calls through t-captcha/server, half script URLs, half ticket checks.
{
  let offset = 0;
  const emulator = await startEmulator({ now: () => Date.now() + offset });
  const { secretId, secretKey } = TEST_CREDENTIALS.alwaysPass;
  const client = createCaptchaClient({ secretId, secretKey, endpoint: emulator.endpoint });
  const heapBefore = heapAfterGc();
  const throughput = [];
  let done = 0;
  let errors = 0;
  let windowStart = performance.now();
  const worker = async () => {
    while (done < CALLS) {
      const n = done++;
      try {
        if (n % 2) await client.verifyTicket({ ticket: `t03forged${n}`, randstr: '@x', userIp: '203.0.113.1' });
        else await client.getScriptUrl({ clientType: 'pc', userIp: '203.0.113.1' });
      } catch {
        errors++;
      }
      if ((n + 1) % WINDOW === 0) {
        const now = performance.now();
        throughput.push(WINDOW / ((now - windowStart) / 1000));
        windowStart = now;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const heapLoaded = heapAfterGc();
  // Past every expiry (nonces 10 min, puzzles and tickets 5 min). Every API call sweeps first; this one is
  // then refused as stale (4500: its Timestamp is far behind the emulator's moved clock), as it should be.
  offset = 15 * 60_000;
  await client.getScriptUrl({ clientType: 'pc', userIp: '203.0.113.1' }).catch(() => undefined);
  const heapExpired = heapAfterGc();
  await emulator.close();
  const [start, end] = [throughput[0], throughput.at(-1)];
  row(`Emulator: API calls (${CONCURRENCY} at a time)`, CALLS.toLocaleString('en'));
  row('Emulator: throughput, first 5,000 calls', `${start.toFixed(0)} req/s`);
  row('Emulator: throughput, last 5,000 calls', `${end.toFixed(0)} req/s`, '≥ 0.8 × first', end >= 0.8 * start);
  row('Emulator: errors', String(errors), '0', errors === 0);
  row('Emulator: heap before / after the calls (after GC)', `${mb(heapBefore)} / ${mb(heapLoaded)}`);
  row('Emulator: heap after expiry (after GC)', mb(heapExpired), '< 20 MB', heapExpired < 20 * 1024 * 1024);
}

// 2. The demo: page view (a fresh script URL from the emulator), solve, log in; PAGE_VIEWS at once.
{
  const demo = await startDemo({ port: 0, emulatorPort: 0, credential: TEST_CREDENTIALS.alwaysPass });
  const heapBefore = heapAfterGc();
  let errors = 0;
  const latencies = [];
  const visit = async (n) => {
    const started = performance.now();
    try {
      const html = await (await fetch(`${demo.origin}/`)).text();
      const scriptUrl = /<t-captcha[^>]* src="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      if (!scriptUrl) throw new Error('no script URL in the page');
      const puzzle = await puzzleOf(scriptUrl);
      const { ret, ticket, randstr } = await answerPuzzle(puzzle, puzzle.gapX);
      if (ret !== 0) throw new Error(`puzzle: ${ret}`);
      const login = await fetch(`${demo.origin}/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: `user${n}`, password: 'pw', ticket, randstr }),
      });
      const answer = await login.json();
      if (!answer.ok) throw new Error(answer.message);
    } catch (error) {
      errors++;
      if (errors <= 3) console.error(String(error));
    }
    latencies.push(performance.now() - started);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: PAGE_VIEWS }, (_, n) => visit(n)));
  const elapsed = performance.now() - started;
  const heapAfter = heapAfterGc();
  await demo.close();
  row(`Demo: concurrent page views + logins`, String(PAGE_VIEWS), '', undefined);
  row('Demo: all done in', `${elapsed.toFixed(0)} ms`);
  row('Demo: latency of one view + solve + login, p50 / p95', `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} ms`);
  row('Demo: errors', String(errors), '0', errors === 0);
  row('Demo: heap before / after (after GC)', `${mb(heapBefore)} / ${mb(heapAfter)}`);
}

const report = `# Server benchmark results\n\n${new Date().toISOString().slice(0, 10)} · \`npm run bench:server\` · Node ${process.version}\n\n| measure | value | goal | |\n|---|---|---|---|\n${rows.join('\n')}\n`;
console.log(`\n${report}`);
await writeFile(new URL('./RESULTS-server.md', import.meta.url), report);
