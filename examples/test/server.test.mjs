// t-captcha/server in the frameworks sites run, over real HTTP against the emulator: Express, Koa and
// Fastify through their guards, Hono through the fetch-style guard around fromRequest. For each: a
// solved captcha reaches the handler with the form's other fields, a replay and a missing ticket are
// refused with a small JSON body, a spoofed X-Forwarded-For is not believed, bad bodies get a 4xx and
// the server lives on, and the aidEncrypted endpoint answers a fresh one per view, never cached.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { TEST_CREDENTIALS, startEmulator } from 't-captcha/emulator';
import { createCaptchaClient, createCaptchaVerifier } from 't-captcha/server';
import { APPS } from '../server/apps.mjs';
import { solveChallenge } from '../../test/node/helpers.mjs';

const CURRENT = TEST_CREDENTIALS.encrypted;
const AID = { captchaAppId: CURRENT.appId, appSecretKey: CURRENT.appSecretKey };

let emulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

async function ticketFor(userIp) {
  const url = await createCaptchaClient({ secretId: CURRENT.secretId, secretKey: CURRENT.secretKey, endpoint: emulator.endpoint }).getScriptUrl({ clientType: 'pc', userIp });
  const { ticket, randstr } = await solveChallenge(url);
  return { ticket, randstr };
}

/** A raw request (so that nothing is tidied up on the way): resolves with the status, or 'closed'. */
function raw(origin, headers, body, { end = true } = {}) {
  return new Promise((resolve) => {
    const req = httpRequest(`${origin}/login`, { method: 'POST', headers });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve('closed'));
    req.write(body);
    if (end) req.end();
  });
}

for (const [name, start] of Object.entries(APPS)) {
  describe(name, () => {
    let server;
    let origin;
    before(async () => {
      const verifier = createCaptchaVerifier({
        current: { secretId: CURRENT.secretId, secretKey: CURRENT.secretKey, captchaAppId: CURRENT.appId, appSecretKey: CURRENT.appSecretKey, resultEndpoint: emulator.origin },
        maxBodyBytes: 4_096,
        bodyTimeoutMs: 500,
      });
      server = await start({ verifier, aid: AID });
      origin = `http://127.0.0.1:${server.address().port}`;
    });
    after(() => {
      server.closeAllConnections?.();
      server.close();
    });

    test('a solved captcha reaches the handler with the other fields; the replay gets 403 and a small JSON body', async () => {
      const form = new URLSearchParams({ ...(await ticketFor('127.0.0.1')), username: 'ann' });
      const ok = await fetch(`${origin}/login`, { method: 'POST', body: form, headers: { 'x-forwarded-for': '6.6.6.6' } });
      assert.equal(ok.status, 200);
      assert.deepEqual(await ok.json(), { ok: true, username: 'ann', reason: 'passed', userIp: '127.0.0.1' });
      const replay = await fetch(`${origin}/login`, { method: 'POST', body: form });
      assert.equal(replay.status, 403);
      const refusal = await replay.json();
      assert.deepEqual([refusal.error, refusal.reason, Object.keys(refusal).length], ['captcha', 'reused', 3]);
    });

    test('JSON bodies too; no ticket is a 400; a forged one a 403', async () => {
      const json = (body) => fetch(`${origin}/login`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      const ok = await json({ ...(await ticketFor('127.0.0.1')), username: 'bob' });
      assert.deepEqual([ok.status, (await ok.json()).username], [200, 'bob']);
      assert.equal((await json({ username: 'bob' })).status, 400);
      assert.equal((await json({ ticket: 't03forged', randstr: '@a' })).status, 403);
    });

    test('bad bodies get a 4xx (never a pass or a crash): mistyped, broken, huge', async () => {
      const statuses = [
        await raw(origin, { 'content-type': 'application/json' }, '{"ticket":["a"],"randstr":1}'),
        await raw(origin, { 'content-type': 'application/json' }, '{"ticket":'),
        await raw(origin, { 'content-type': 'application/x-www-form-urlencoded' }, `ticket=${'a'.repeat(200_000)}`),
      ];
      for (const status of statuses) assert.ok(status === 'closed' || (status >= 400 && status < 500), `${statuses}`);
      const alive = await fetch(`${origin}/login`, { method: 'POST', body: new URLSearchParams({ ticket: 't03x', randstr: '@a' }) });
      assert.equal(alive.status, 403);
    });

    // Where the guard reads the body itself (no framework parser before it), the limits are its own.
    if (name === 'koa' || name === 'hono') {
      test("the guard's own limits: a declared 50 MB body is a 413 at once, a body that never ends a 408", async () => {
        const form = { 'content-type': 'application/x-www-form-urlencoded' };
        assert.equal(await raw(origin, { ...form, 'content-length': '50000000' }, 'ticket=a', { end: false }), 413);
        assert.equal(await raw(origin, { ...form, 'transfer-encoding': 'chunked' }, 'ticket=abc', { end: false }), 408);
        assert.equal(await raw(origin, { ...form, 'transfer-encoding': 'chunked' }, `ticket=${'a'.repeat(5_000)}`, { end: false }), 413);
      });
    }

    test('the aidEncrypted endpoint: a fresh one per view, Cache-Control no-store', async () => {
      const [a, b] = await Promise.all([fetch(`${origin}/captcha/aid`), fetch(`${origin}/captcha/aid`)]);
      assert.equal(a.status, 200);
      assert.equal(a.headers.get('cache-control'), 'no-store');
      const [first, second] = [await a.json(), await b.json()];
      assert.equal(first.aidEncryptedType, 'cbc');
      assert.match(first.aidEncrypted, /^[A-Za-z0-9+/]+=*$/);
      assert.notEqual(first.aidEncrypted, second.aidEncrypted);
    });
  });
}
