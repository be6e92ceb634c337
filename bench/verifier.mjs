// `npm run bench:server` (second part): createCaptchaVerifier and its guard against the emulator on
// loopback. For both APIs: requests per second and p50 / p99 latency through the guard and through a bare
// route (the same HTTP, the body parsed by hand, verify() called directly) at 1, 50 and 500 concurrent
// requests; verify() in-process at 50; the site's heap before / after 50,000 verifications through the
// guard. Then the Redis replay store's added latency per fallback check against the in-memory store.
// The site and the emulator run in processes of their own; tickets are made up (every answer a refusal,
// so that nothing is cached and each call is a full signed round trip). Writes bench/RESULTS-verifier.md.
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createClient } from 'redis';
import { createCaptchaVerifier, createMemoryReplayStore, createRedisReplayStore } from '../dist/server/index.js';
import { startRedis } from '../test/node/redis.mjs';

const LEVELS = [1, 50, 500];
const REQUESTS = { 1: 1_000, 50: 5_000, 500: 5_000 };
const HEAP_RUN = Number(process.env.BENCH_VERIFICATIONS ?? 50_000);
const FALLBACK_CHECKS = 5_000;

// fetch's default dispatcher opens as many kept-alive sockets as there are requests at once.

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (value) => `${value.toFixed(2)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rows = [];

async function child(file, args = []) {
  const process_ = fork(new URL(file, import.meta.url), args, { execArgv: ['--expose-gc'] });
  const [message] = await once(process_, 'message');
  return { process: process_, ...message };
}
const ask = async (site, message) => {
  site.process.send(message);
  const [answer] = await once(site.process, 'message');
  return answer;
};

/** `count` POSTs to `url`, `concurrency` at a time: throughput and latencies; any non-403 is an error. */
async function load(url, concurrency, count) {
  const latencies = [];
  let next = 0;
  let errors = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket: `t03bench${n}`, randstr: '@bench' }) });
      await response.arrayBuffer();
      if (response.status !== 403) errors++;
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { rate: count / ((performance.now() - started) / 1000), latencies, errors };
}

const emulator = await child('./verifier-emulator.mjs');
const goals = [];
for (const api of (process.env.BENCH_APIS ?? 'legacy,current').split(',')) {
  const site = await child('./verifier-site.mjs', [emulator.origin, api]);
  const base = `http://127.0.0.1:${site.port}`;
  // Warm up both routes (JIT, sockets).
  await load(`${base}/guard`, 50, 1_000);
  await load(`${base}/bare`, 50, 1_000);
  for (const concurrency of LEVELS) {
    // Interleaved in four rounds, the order turned each round (ABBA): a slower moment of the machine, or
    // running first, falls on both sides. The site's own CPU time per request comes from the site.
    const guard = { latencies: [], rate: 0, errors: 0, cpu: 0 };
    const bare = { latencies: [], rate: 0, errors: 0, cpu: 0 };
    for (let round = 0; round < 4; round++) {
      for (const [into, path] of round % 2 ? [[bare, 'bare'], [guard, 'guard']] : [[guard, 'guard'], [bare, 'bare']]) {
        const before = (await ask(site, 'cpu')).cpu;
        const run = await load(`${base}/${path}`, concurrency, REQUESTS[concurrency] / 4);
        const after = (await ask(site, 'cpu')).cpu;
        into.cpu += after.user + after.system - before.user - before.system;
        into.latencies.push(...run.latencies);
        into.rate += run.rate / 4;
        into.errors += run.errors;
      }
    }
    const ratio = percentile(guard.latencies, 50) / percentile(bare.latencies, 50);
    const perRequest = (side) => `${(side.cpu / REQUESTS[concurrency]).toFixed(0)} µs`;
    rows.push(`| ${api} | ${concurrency} | guard | ${guard.rate.toFixed(0)} | ${ms(percentile(guard.latencies, 50))} | ${ms(percentile(guard.latencies, 99))} | ${perRequest(guard)} | ${guard.errors} |`);
    rows.push(`| ${api} | ${concurrency} | bare route | ${bare.rate.toFixed(0)} | ${ms(percentile(bare.latencies, 50))} | ${ms(percentile(bare.latencies, 99))} | ${perRequest(bare)} | ${bare.errors} |`);
    if (concurrency === 50) goals.push(`| ${api}: guard p50 / bare route p50 at 50 concurrent | ${ratio.toFixed(3)} | ≤ 1.10 | ${ratio <= 1.1 ? 'met' : 'NOT met'} |`);
  }
  const { latencies } = await ask(site, { direct: { concurrency: 50, count: 5_000 } });
  rows.push(`| ${api} | 50 | verify() in-process | – | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 99))} | – | – |`);
  const before = (await ask(site, 'heap')).heap;
  const heapRun = await load(`${base}/guard`, 50, HEAP_RUN);
  const afterHeap = (await ask(site, 'heap')).heap;
  goals.push(`| ${api}: site heap before / after ${HEAP_RUN.toLocaleString('en')} verifications through the guard (after GC) | ${mb(before)} / ${mb(afterHeap)} (${heapRun.rate.toFixed(0)} req/s, ${heapRun.errors} errors) | flat (< +2 MB) | ${afterHeap - before < 2 * 1024 * 1024 ? 'met' : 'NOT met'} |`);
  site.process.kill();
}
emulator.process.kill();

// The Redis replay store: the added latency of one fallback check, one at a time, against memory.
const redis = await startRedis();
const client = createClient({ url: redis.url });
client.on('error', () => {});
await client.connect();
const fallbackVerifier = (replayStore) =>
  createCaptchaVerifier({ current: { secretId: 'x', secretKey: 'x', captchaAppId: '2000000004', appSecretKey: 'x', resultEndpoint: 'http://127.0.0.1:9' }, acceptFallback: true, replayStore });
const timeChecks = async (verifier, tag) => {
  const latencies = [];
  const now = Math.floor(Date.now() / 1000);
  for (let n = 0; n < FALLBACK_CHECKS; n++) {
    const started = performance.now();
    const result = await verifier.verify({ ticket: `terror_1001_2000000004_${now}_${tag}${n}`, randstr: '@r', userIp: '198.51.100.1' });
    latencies.push(performance.now() - started);
    if (!result.passed) throw new Error(result.message);
  }
  return latencies;
};
const withMemory = fallbackVerifier(createMemoryReplayStore());
const withRedis = fallbackVerifier(createRedisReplayStore(client));
await timeChecks(withMemory, 'warm-m');
await timeChecks(withRedis, 'warm-r');
const memory = await timeChecks(withMemory, 'm');
const shared = await timeChecks(withRedis, 'r');
await client.destroy?.();
await redis.stop();
const added = (p) => percentile(shared, p) - percentile(memory, p);

const report = `# Verifier benchmark results

${new Date().toISOString().slice(0, 10)} · \`npm run bench:server\` · Node ${process.version} · ${(await import('node:os')).cpus().length} cores · emulator and site in processes of their own, on loopback

## Through the guard and through a bare route

The bare route is the same HTTP server reading the JSON body by hand and calling \`verify()\`; the guard
is \`requireCaptcha(verifier)\` from \`t-captcha/server/express\` on Node's http server. Each level runs
its requests in four interleaved rounds per route, the order turned each round. Tickets are made up, so every answer is a refusal
(403). That keeps every call a full signed round trip, because nothing is cached.

| API | concurrent | route | req/s | p50 | p99 | site CPU per request | errors |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

## Goals

| measure | value | goal | |
|---|---|---|---|
${goals.join('\n')}
| Redis replay store: added latency per fallback check, p50 / p99 (${FALLBACK_CHECKS.toLocaleString('en')} checks, one at a time, vs the in-memory store) | ${ms(added(50))} / ${ms(added(99))} (Redis ${ms(percentile(shared, 50))} / ${ms(percentile(shared, 99))}, memory ${ms(percentile(memory, 50))} / ${ms(percentile(memory, 99))}) | reported | |
`;
console.log(`\n${report}`);
await writeFile(new URL('./RESULTS-verifier.md', import.meta.url), report);
