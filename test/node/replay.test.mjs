// Disaster-recovery tickets accepted at most once on every server of a site: createRedisReplayStore
// against a real Redis server, shared by two verifier processes; with node-redis and ioredis; Redis down.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { createCaptchaVerifier, createMemoryReplayStore, createRedisReplayStore, replayKey } from '../../dist/server/index.js';
import { startRedis } from './redis.mjs';

const APP_ID = '2000000004';
const fallbackTicket = (age = 0) => `terror_1001_${APP_ID}_${Math.floor(Date.now() / 1000) - age}_${Math.random().toString(36).slice(2)}`;
const verifierWith = (replayStore, extra = {}) =>
  createCaptchaVerifier({
    current: { secretId: 'AKIDx', secretKey: 'k', captchaAppId: APP_ID, appSecretKey: 's', resultEndpoint: 'http://127.0.0.1:9' },
    acceptFallback: true,
    replayStore,
    ...extra,
  });
const attempt = (verifier, ticket) => verifier.verify({ ticket, randstr: '@abc', userIp: '198.51.100.1' });

describe('createRedisReplayStore on a real Redis server', () => {
  let redis;
  let client;
  before(async () => {
    redis = await startRedis();
    client = createClient({ url: redis.url });
    client.on('error', () => {});
    await client.connect();
  });
  after(async () => {
    await client?.destroy?.();
    await redis?.stop();
  });

  test('two verifier processes sharing one Redis accept a replayed fallback ticket exactly once, under 200 concurrent attempts', async () => {
    const workers = [0, 1].map(() => fork(new URL('./fixtures/replay-worker.mjs', import.meta.url), { env: { ...process.env, REDIS_URL: redis.url, APP_ID } }));
    const next = (worker) => new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
    });
    try {
      await Promise.all(workers.map(next));
      for (let round = 0; round < 3; round++) {
        const ticket = fallbackTicket(10);
        const answers = await Promise.all(workers.map((worker) => {
          const answer = next(worker);
          worker.send({ ticket, attempts: 100 });
          return answer;
        }));
        assert.equal(answers[0].passed + answers[1].passed, 1, JSON.stringify(answers));
        assert.deepEqual([...new Set(answers.flatMap((answer) => answer.reasons))].sort(), ['fallback-accepted', 'fallback-replayed']);
      }
    } finally {
      for (const worker of workers) worker.kill();
    }
  });

  test('the key is a hash of the ticket, kept for the ticket\'s remaining age (SET NX EX)', async () => {
    const ticket = fallbackTicket(100);
    assert.equal((await attempt(verifierWith(createRedisReplayStore(client)), ticket)).passed, true);
    const key = `t-captcha:fallback:${replayKey(ticket)}`;
    const ttl = await client.ttl(key);
    assert.ok(ttl >= 195 && ttl <= 201, `TTL ${ttl}`);
    assert.equal((await client.keys('*')).some((stored) => stored.includes(ticket)), false);
    // A prefix of one's own.
    const other = fallbackTicket();
    await attempt(verifierWith(createRedisReplayStore(client, { prefix: 'site-a:' })), other);
    assert.equal(await client.exists(`site-a:${replayKey(other)}`), 1);
  });

  test('ioredis works the same (its call())', async () => {
    const io = new Redis(redis.port, '127.0.0.1', { lazyConnect: true });
    await io.connect();
    try {
      const verifier = verifierWith(createRedisReplayStore(io));
      const ticket = fallbackTicket();
      const results = await Promise.all(Array.from({ length: 200 }, () => attempt(verifier, ticket)));
      assert.equal(results.filter((result) => result.passed).length, 1);
    } finally {
      io.disconnect();
    }
  });

  test('with Redis down, fallback tickets follow onOutage and reason says so; a clear TypeError for no client', async () => {
    const down = await startRedis();
    const lost = createClient({ url: down.url, socket: { reconnectStrategy: () => 50 } });
    lost.on('error', () => {});
    await lost.connect();
    await down.stop();
    try {
      const store = createRedisReplayStore(lost, { timeoutMs: 300 });
      const strict = await attempt(verifierWith(store), fallbackTicket());
      assert.deepEqual([strict.passed, strict.reason, strict.status, strict.outage?.cause], [false, 'outage-rejected', 503, 'replay-store']);
      const lenient = await attempt(verifierWith(store, { onOutage: 'accept' }), fallbackTicket());
      assert.deepEqual([lenient.passed, lenient.reason], [true, 'outage-accepted']);
    } finally {
      await lost.destroy?.();
    }
    assert.throws(() => createRedisReplayStore({}), /node-redis|ioredis/);
    assert.throws(() => createRedisReplayStore(undefined), TypeError);
  });
});

test('the in-memory store: once per key, forgotten after its TTL, bounded (fails closed when full)', async () => {
  const store = createMemoryReplayStore({ maxEntries: 2 });
  assert.equal(store.remember('a', 1), true);
  assert.equal(store.remember('a', 1), false);
  assert.equal(store.remember('b', 1), true);
  assert.throws(() => store.remember('c', 1), /holds 2/);
  const verifier = verifierWith(store);
  assert.equal((await attempt(verifier, fallbackTicket())).reason, 'outage-rejected');
});
