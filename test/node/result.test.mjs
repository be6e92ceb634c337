// verifyCaptchaResult (current API, DescribeCaptchaResult, signed here with TC3-HMAC-SHA256) against
// the emulator, which checks the signature; and the signature against Tencent's own SDK's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_CREDENTIALS, startEmulator } from '../../dist/emulator/index.js';
import { CaptchaApiError, CaptchaNetworkError, createCaptchaClient, parseFallbackTicket, verifyCaptchaResult } from '../../dist/server/index.js';
import { createRequire } from 'node:module';
import { signTc3 } from '../../dist/server/tc3.js';
import { solveChallenge } from './helpers.mjs';

test("TC3-HMAC-SHA256: the same Authorization as Tencent's SDK (tencentcloud-sdk-nodejs-common's sign3) for the same request", () => {
  const { default: Sign } = createRequire(import.meta.url)('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js');
  for (const [host, payload, timestamp] of [
    ['captcha.tencentcloudapi.com', { CaptchaType: 9, Ticket: 't03abc', UserIp: '1.2.3.4', Randstr: '@x', CaptchaAppId: 190000000, AppSecretKey: 'k' }, 1_764_590_000],
    ['captcha.tencentcloudapi.com', { Ticket: '票据 with ünïcode', Randstr: '@ü' }, 1_600_000_000],
    ['127.0.0.1', {}, 2_000_000_000],
  ]) {
    const contentType = 'application/json; charset=utf-8';
    const body = JSON.stringify(payload);
    const url = new URL(`https://${host}/`);
    const ours = signTc3({ secretId: 'AKIDexample', secretKey: 'secret/key+1', url, payload: body, timestamp, contentType });
    const theirs = Sign.sign3({ method: 'POST', url: url.href, payload, timestamp, service: host.split('.')[0], secretId: 'AKIDexample', secretKey: 'secret/key+1', multipart: false, headers: { 'Content-Type': contentType } });
    assert.equal(ours, theirs);
  }
});

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

  test('a good ticket passes once (CaptchaCode 1) with every answer field, then is refused as reused (9)', async () => {
    const { ticket: t, randstr } = await ticket();
    const first = await verifyCaptchaResult({ ...base, ticket: t, randstr });
    const { getCaptchaTime, submitCaptchaTime, requestId, ...rest } = first;
    assert.deepEqual(rest, { passed: true, reason: 'passed', captchaCode: 1, message: 'OK', evilLevel: 0, evilBitmap: 0, deviceRiskCategory: '' });
    assert.ok(Math.abs(getCaptchaTime - Date.now() / 1000) < 5 && submitCaptchaTime >= getCaptchaTime, 'times in Unix seconds');
    assert.match(requestId, /^[0-9a-f]{16}$/);
    const again = await verifyCaptchaResult({ ...base, ticket: t, randstr });
    assert.deepEqual([again.passed, again.captchaCode, again.reason], [false, 9, 'reused']);
  });

  test("today's CaptchaCode table: 15 unreadable, 7 wrong randstr, 13 another IP, 16 another app, 100 wrong key, 21 a disaster ticket", async () => {
    const codes = async (request) => {
      const result = await verifyCaptchaResult({ ...base, ...request });
      return [result.passed, result.captchaCode, result.reason];
    };
    assert.deepEqual(await codes({ ticket: 't03forged.x', randstr: '@x' }), [false, 15, 'undecryptable']);
    const one = await ticket();
    assert.deepEqual(await codes({ ...one, randstr: '@other' }), [false, 7, 'randstr-mismatch']);
    assert.deepEqual(await codes({ ...(await ticket()), userIp: '192.0.2.1' }), [false, 13, 'ip-mismatch']);
    assert.deepEqual(await codes({ ...(await ticket()), appSecretKey: 'wrong' }), [false, 100, 'key-mismatch']);
    // A disaster ticket the server does not recognise as one (an undocumented error code) goes to Tencent, which answers 21.
    assert.deepEqual(await codes({ ticket: `trerror_2001_${app.appId}_${Math.floor(Date.now() / 1000)}`, randstr: '@x' }), [false, 21, 'disaster-ticket']);
    const other = TEST_CREDENTIALS.alwaysPass;
    const url = await createCaptchaClient({ ...other, endpoint: emulator.endpoint }).getScriptUrl({ clientType: 'pc', userIp: USER_IP });
    const foreign = await solveChallenge(url);
    assert.deepEqual(await codes({ ticket: foreign.ticket, randstr: foreign.randstr }), [false, 16, 'app-mismatch']);
  });

  test('an expired ticket is 8 (expired); always-fail credentials are risk control (21, EvilLevel 100)', async () => {
    let now = Date.now();
    const clocked = await startEmulator({ now: () => now, ticketTtlMs: 60_000 });
    try {
      const endpoint = { endpoint: clocked.origin };
      const url = await createCaptchaClient({ ...app, endpoint: clocked.endpoint }).getScriptUrl({ clientType: 'pc', userIp: USER_IP });
      const solved = await solveChallenge(url);
      now += 61_000;
      const expired = await verifyCaptchaResult({ ...base, ...endpoint, ...solved });
      assert.deepEqual([expired.captchaCode, expired.reason], [8, 'expired']);
      const failing = TEST_CREDENTIALS.alwaysFail;
      const failUrl = await createCaptchaClient({ ...failing, endpoint: clocked.endpoint }).getScriptUrl({ clientType: 'pc', userIp: USER_IP });
      const risky = await solveChallenge(failUrl);
      const refused = await verifyCaptchaResult({ ...base, ...endpoint, secretId: failing.secretId, secretKey: failing.secretKey, captchaAppId: failing.appId, appSecretKey: failing.appSecretKey, ...risky });
      assert.deepEqual([refused.passed, refused.captchaCode, refused.reason, refused.evilLevel], [false, 21, 'risk-control', 100]);
    } finally {
      await clocked.close();
    }
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

    test('parseFallbackTicket reads terror_ and trerror_<code>_<appId>_<seconds>[_<sid>], for Tencent\'s error codes only', () => {
      assert.deepEqual(parseFallbackTicket('terror_1001_190000001_1795600000'), {
        prefix: 'terror',
        errorCode: 1001,
        appId: '190000001',
        issuedAt: new Date(1795600000 * 1000),
      });
      assert.equal(parseFallbackTicket('terror_1014_190000001_1795600000_sid-42').errorCode, 1014);
      assert.deepEqual(parseFallbackTicket('trerror_1006_190000001_1795600000_sid-42'), { prefix: 'trerror', errorCode: 1006, appId: '190000001', issuedAt: new Date(1795600000 * 1000) });
      for (const bad of ['t03abc', 'trrerror_1001_190000001_1795600000', 'error_1001_190000001_1795600000', 'terror_0_190000001_1795600000', 'terror_1015_190000001_1795600000', 'terror_12345678901234567890_1_1', 'terror_1001_190000001_1795600000\n']) {
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

    test('not accepted unless acceptFallback says so, and never sent to Tencent, in both spellings', async () => {
      for (const prefix of ['terror', 'trerror']) {
        const fallbackTicket = `${prefix}_1001_${app.appId}_${now()}`;
        const refused = await verifyCaptchaResult({ ...base, ...offline, ticket: fallbackTicket, randstr: '@abc' });
        assert.deepEqual([refused.passed, refused.reason, refused.fallback.errorCode, refused.fallback.prefix], [false, 'fallback-refused', 1001, prefix]);
        const accepted = await verifyCaptchaResult({ ...base, ...offline, ticket: fallbackTicket, randstr: '@abc', acceptFallback: true });
        assert.deepEqual([accepted.passed, accepted.reason], [true, 'fallback-accepted']);
      }
      const fallbackTicket = `terror_1001_${app.appId}_${now()}`;
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
