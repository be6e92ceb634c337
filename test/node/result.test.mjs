// verifyCaptchaResult (current API, DescribeCaptchaResult through tencentcloud-sdk-nodejs-common)
// against the emulator, which checks the TC3-HMAC-SHA256 signature.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_CREDENTIALS, startEmulator } from '../../dist/emulator/index.js';
import { CaptchaApiError, CaptchaNetworkError, createCaptchaClient, parseFallbackTicket, verifyCaptchaResult } from '../../dist/server/index.js';
import { solveChallenge } from './helpers.mjs';

const app = TEST_CREDENTIALS.interactive;
const USER_IP = '198.51.100.23';

describe('verifyCaptchaResult against the emulator', () => {
  let emulator;
  let base;
  /** A ticket the emulator issued through its challenge, as a browser would get it. */
  async function ticket() {
    const url = await createCaptchaClient({ ...app, endpoint: emulator.endpoint }).getScriptUrl({ clientType: 'pc', userIp: USER_IP });
    return solveChallenge(url);
  }
  before(async () => {
    emulator = await startEmulator();
    base = { secretId: app.secretId, secretKey: app.secretKey, captchaAppId: app.appId, appSecretKey: app.appSecretKey, userIp: USER_IP, endpoint: emulator.origin };
  });
  after(() => emulator.close());

  test('a good ticket passes once (CaptchaCode 1), then is refused as reused (9)', async () => {
    const { ticket: t, randstr } = await ticket();
    const first = await verifyCaptchaResult({ ...base, ticket: t, randstr });
    assert.deepEqual(first, { passed: true, captchaCode: 1, message: 'OK', evilLevel: 0 });
    const again = await verifyCaptchaResult({ ...base, ticket: t, randstr });
    assert.equal(again.passed, false);
    assert.equal(again.captchaCode, 9);
  });

  test('forged ticket (7), another user IP (10), a wrong AppSecretKey (100)', async () => {
    assert.equal((await verifyCaptchaResult({ ...base, ticket: 't03forged.x', randstr: '@x' })).captchaCode, 7);
    const one = await ticket();
    assert.equal((await verifyCaptchaResult({ ...base, ...one, userIp: '192.0.2.1' })).captchaCode, 10);
    const two = await ticket();
    assert.equal((await verifyCaptchaResult({ ...base, ...two, appSecretKey: 'wrong' })).captchaCode, 100);
  });

  test('a wrong SecretKey fails the TC3 signature check: CaptchaApiError with the API code, no secret in it', async () => {
    const secretKey = 'not-the-key-and-never-printed';
    const error = await verifyCaptchaResult({ ...base, secretKey, ticket: 't03x.y', randstr: '@x' }).catch((e) => e);
    assert.ok(error instanceof CaptchaApiError, String(error));
    assert.equal(error.code, 'AuthFailure.SignatureFailure');
    assert.ok(!String(error).includes(secretKey) && !error.stack.includes(secretKey));
  });

  test('an unreachable endpoint: CaptchaNetworkError', async () => {
    const closed = await startEmulator();
    await closed.close();
    await assert.rejects(verifyCaptchaResult({ ...base, endpoint: closed.origin, ticket: 't', randstr: '@x' }), CaptchaNetworkError);
  });

  describe('disaster-recovery tickets', () => {
    const now = () => Math.floor(Date.now() / 1000);
    // An endpoint that would fail: proves the fallback ticket never leaves the server.
    const offline = { ...{ endpoint: 'http://127.0.0.1:9' } };

    test('parseFallbackTicket reads terror_<code>_<appId>_<seconds>[_<sid>], for Tencent\'s error codes only', () => {
      assert.deepEqual(parseFallbackTicket('terror_1001_190000001_1795600000'), {
        errorCode: 1001,
        appId: '190000001',
        issuedAt: new Date(1795600000 * 1000),
      });
      assert.equal(parseFallbackTicket('terror_1014_190000001_1795600000_sid-42').errorCode, 1014);
      for (const bad of ['t03abc', 'trerror_1001_190000001_1795600000', 'terror_0_190000001_1795600000', 'terror_1015_190000001_1795600000', 'terror_12345678901234567890_1_1', 'terror_1001_190000001_1795600000\n']) {
        assert.equal(parseFallbackTicket(bad), undefined, bad);
      }
    });

    test('only a literal true from acceptFallback passes; it receives the error code; passed is a boolean', async () => {
      const ticket = `terror_1002_${app.appId}_${now()}`;
      const yes = await verifyCaptchaResult({ ...base, ...offline, ticket, randstr: '@abc', acceptFallback: () => 'yes' });
      assert.equal(yes.passed, false);
      let seen;
      const rule = await verifyCaptchaResult({ ...base, ...offline, ticket, randstr: '@abc', acceptFallback: (f) => ((seen = f.errorCode), true) });
      assert.equal(seen, 1002);
      assert.equal(rule.passed, true);
      const noAt = await verifyCaptchaResult({ ...base, ...offline, ticket, randstr: 'abc', acceptFallback: true });
      assert.equal(noAt.passed, false);
    });

    test('not accepted unless acceptFallback says so, and never sent to Tencent', async () => {
      const fallbackTicket = `terror_1001_${app.appId}_${now()}`;
      const refused = await verifyCaptchaResult({ ...base, ...offline, ticket: fallbackTicket, randstr: '@abc' });
      assert.equal(refused.passed, false);
      assert.equal(refused.fallback.errorCode, 1001);
      const accepted = await verifyCaptchaResult({ ...base, ...offline, ticket: fallbackTicket, randstr: '@abc', acceptFallback: true });
      assert.equal(accepted.passed, true);
      const byRule = await verifyCaptchaResult({ ...base, ...offline, ticket: fallbackTicket, randstr: '@abc', acceptFallback: (f) => f.errorCode === 1002 });
      assert.equal(byRule.passed, false);
    });

    test('another app, or too old: refused even when accepted', async () => {
      const other = await verifyCaptchaResult({ ...base, ...offline, ticket: `terror_1001_999_${now()}`, randstr: '@a', acceptFallback: true });
      assert.match(other.message, /another app/);
      const old = await verifyCaptchaResult({ ...base, ...offline, ticket: `terror_1001_${app.appId}_${now() - 3600}`, randstr: '@a', acceptFallback: true });
      assert.equal(old.passed, false);
      assert.match(old.message, /too old/);
    });
  });
});

describe('verifyCaptchaResult against an endpoint that answers oddly', () => {
  test('CaptchaCode must be the number 1: "1", true and [1] are refusals, and passed is a boolean', async () => {
    const { createServer } = await import('node:http');
    for (const code of ['"1"', 'true', '[1]', 'null']) {
      const server = createServer((request, response) => {
        request.resume();
        request.on('end', () =>
          response.writeHead(200, { 'Content-Type': 'application/json' }).end(`{"Response":{"CaptchaCode":${code},"CaptchaMsg":"odd","RequestId":"r"}}`),
        );
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const result = await verifyCaptchaResult({
          secretId: app.secretId,
          secretKey: app.secretKey,
          captchaAppId: app.appId,
          appSecretKey: app.appSecretKey,
          userIp: USER_IP,
          ticket: 't03abc',
          randstr: '@r',
          endpoint: `http://127.0.0.1:${server.address().port}`,
        });
        assert.equal(result.passed, false, code);
        assert.equal(typeof result.passed, 'boolean');
      } finally {
        server.close();
      }
    }
  });
});
