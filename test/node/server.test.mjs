// t-captcha/server against the emulator on a loopback port: signing, every API error path, timeouts.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { TEST_CREDENTIALS, startEmulator } from '../../dist/emulator/index.js';
import {
  CaptchaApiError,
  CaptchaNetworkError,
  createCaptchaClient,
  sign,
  signRequest,
  stringToSign,
} from '../../dist/server/index.js';
import { answerPuzzle, puzzleOf, solveChallenge } from './helpers.mjs';

const { interactive, alwaysPass, alwaysFail } = TEST_CREDENTIALS;
const USER_IP = '203.0.113.7';



describe('signing', () => {
  test("Tencent's published known answer (HMAC-SHA1)", () => {
    const params = {
      Action: 'DescribeInstances',
      'InstanceIds.0': 'ins-09dx96dg',
      Limit: 20,
      Nonce: 11886,
      Offset: 0,
      Region: 'ap-guangzhou',
      SecretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      Timestamp: 1465185768,
      Version: '2017-03-12',
    };
    const text = stringToSign('GET', 'cvm.tencentcloudapi.com', '/', params);
    assert.equal(
      text,
      'GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&Timestamp=1465185768&Version=2017-03-12',
    );
    assert.equal(sign(text, 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'), 'EliP9YW3pW28FpsEdkXt/+WcGeI=');
  });

  test('HMAC-SHA256 (answer computed with openssl dgst -sha256 -hmac)', () => {
    const text = stringToSign('GET', 'captcha.example.com', '/v2/index.php', { Timestamp: 1, SecretId: 'x', Nonce: 1, Action: 'CaptchaCheck' });
    assert.equal(text, 'GETcaptcha.example.com/v2/index.php?Action=CaptchaCheck&Nonce=1&SecretId=x&Timestamp=1');
    assert.equal(sign(text, 'k', 'HmacSHA256'), '/CWcqYchF1u8YK6+HasnN8zwRol6b+qs6APRWygAVvM=');
  });

  test('signRequest leaves Signature out of what it signs and names HmacSHA256', () => {
    const signed = signRequest(new URL('https://h.example/p'), { B: 2, A: 1, Signature: 'old' }, 'k', 'HmacSHA256');
    assert.equal(signed.SignatureMethod, 'HmacSHA256');
    assert.equal(signed.Signature, sign('GETh.example/p?A=1&B=2&SignatureMethod=HmacSHA256', 'k', 'HmacSHA256'));
  });

  test("underscores in parameter names are written as '.' in the string to sign (Tencent's v2 rule)", () => {
    const text = stringToSign('GET', 'h.example', '/p', { Instance_Ids_0: 'a', Action: 'X' });
    assert.equal(text, 'GETh.example/p?Action=X&Instance.Ids.0=a');
  });

  test('the SignatureMethod sent is the method used: a stray one in the parameters cannot contradict it', () => {
    const sha1 = signRequest(new URL('https://h.example/p'), { A: 1, SignatureMethod: 'HmacSHA256' }, 'k', 'HmacSHA1');
    assert.equal(sha1.SignatureMethod, undefined);
    assert.equal(sha1.Signature, sign('GETh.example/p?A=1', 'k', 'HmacSHA1'));
    const sha256 = signRequest(new URL('https://h.example/p'), { A: 1, SignatureMethod: 'HmacSHA1' }, 'k', 'HmacSHA256');
    assert.equal(sha256.SignatureMethod, 'HmacSHA256');
  });
});

describe('client against the emulator', () => {
  let emulator;
  let clock = Date.now();
  let client;
  before(async () => {
    // The emulator's clock is the test's; the Timestamp window is wide so that moving it only expires tickets.
    emulator = await startEmulator({ now: () => clock, timestampWindowSeconds: 3600 });
    client = createCaptchaClient({ ...interactive, endpoint: emulator.endpoint });
  });
  after(() => emulator.close());

  test('the whole flow: script URL, a solved puzzle, a ticket accepted once', async () => {
    const url = await client.getScriptUrl({ clientType: 'pc', userIp: USER_IP });
    assert.match(url, new RegExp(`^${emulator.origin}/tcaptcha/TCapIframeApi\\.js\\?aid=${interactive.appId}&token=.+&asig=`));
    const { ret, ticket, randstr } = await solveChallenge(url);
    assert.equal(ret, 0);
    assert.match(randstr, /^@/);
    assert.deepEqual(await client.verifyTicket({ ticket, randstr, userIp: USER_IP }), { passed: true, code: 0, message: 'Success' });
    const replay = await client.verifyTicket({ ticket, randstr, userIp: USER_IP });
    assert.equal(replay.passed, false);
    assert.equal(replay.code, 5100);
    assert.match(replay.message, /already used/);
  });

  test('a script URL is single use', async () => {
    const url = await client.getScriptUrl({ clientType: 'mobile', userIp: USER_IP });
    assert.equal((await fetch(url)).status, 200);
    assert.equal((await fetch(url)).status, 403);
  });

  test('a wrong puzzle answer gets no ticket, and a new gap (the same puzzle never comes back)', async () => {
    const url = await client.getScriptUrl({ clientType: 'pc', userIp: USER_IP });
    const config = await puzzleOf(url);
    const answer = await answerPuzzle(config, config.gapX + 40);
    assert.equal(answer.ret, 'retry');
    assert.equal(answer.ticket, undefined);
    assert.equal(typeof answer.gapX, 'number');
    // The old answer no longer solves it.
    assert.ok(Math.abs(answer.gapX - config.gapX) > 12);
    assert.equal((await answerPuzzle(config, config.gapX)).ret, 'retry');
  });

  test('a puzzle takes a few wrong answers, then says too many attempts, and is gone', async () => {
    const url = await client.getScriptUrl({ clientType: 'pc', userIp: USER_IP });
    const config = await puzzleOf(url);
    const rets = [];
    for (let i = 0; i < 6; i++) rets.push((await answerPuzzle(config, -100)).ret);
    assert.deepEqual(rets, ['retry', 'retry', 'retry', 'retry', 'too-many', 'expired']);
  });

  test('one ticket per solved puzzle; the answer carries the next puzzle for a refresh', async () => {
    const url = await client.getScriptUrl({ clientType: 'pc', userIp: USER_IP });
    const config = await puzzleOf(url);
    const first = await answerPuzzle(config, config.gapX);
    assert.equal(first.ret, 0);
    assert.equal((await answerPuzzle(config, config.gapX)).ret, 'expired');
    const again = await answerPuzzle({ ...config, ...first.next }, first.next.gapX);
    assert.equal(again.ret, 0);
    assert.notEqual(again.ticket, first.ticket);
  });

  test('CaptchaCheck needs the randstr (4000 without it)', async () => {
    const url = await client.getScriptUrl({ clientType: 'pc', userIp: USER_IP });
    const { ticket } = await solveChallenge(url);
    await assert.rejects(client.verifyTicket({ ticket, userIp: USER_IP }), (e) => e instanceof CaptchaApiError && e.code === 4000 && /randstr/.test(e.message));
  });

  test('HmacSHA256 requests are accepted', async () => {
    const sha256 = createCaptchaClient({ ...interactive, endpoint: emulator.endpoint, signatureMethod: 'HmacSHA256' });
    assert.match(await sha256.getScriptUrl({ clientType: 'pc', userIp: USER_IP }), /TCapIframeApi/);
  });

  for (const [label, tamper, reason] of [
    ['a forged ticket', (t) => ({ ...t, ticket: `t03${Buffer.from('{"id":"x"}').toString('base64url')}.forged` }), /not issued/],
    ['another user IP', (t) => ({ ...t, userIp: '198.51.100.1' }), /user IP/],
    ['another randstr', (t) => ({ ...t, randstr: '@other' }), /randstr/],
  ]) {
    test(`5100 for ${label}`, async () => {
      const { ticket, randstr } = await solveChallenge(await client.getScriptUrl({ clientType: 'pc', userIp: USER_IP }));
      const result = await client.verifyTicket(tamper({ ticket, randstr, userIp: USER_IP }));
      assert.equal(result.passed, false);
      assert.equal(result.code, 5100);
      assert.match(result.message, reason);
    });
  }

  test('5100 for an expired ticket', async () => {
    const { ticket, randstr } = await solveChallenge(await client.getScriptUrl({ clientType: 'pc', userIp: USER_IP }));
    clock += 5 * 60_000 + 1; // the default ticket lifetime, and still within the Timestamp window
    try {
      const result = await client.verifyTicket({ ticket, randstr, userIp: USER_IP });
      assert.equal(result.code, 5100);
      assert.match(result.message, /expired/);
    } finally {
      clock = Date.now();
    }
  });

  test('5100 for a ticket of another app', async () => {
    const other = createCaptchaClient({ ...alwaysPass, endpoint: emulator.endpoint });
    const { ticket, randstr } = await solveChallenge(await client.getScriptUrl({ clientType: 'pc', userIp: USER_IP }));
    const result = await other.verifyTicket({ ticket, randstr, userIp: USER_IP });
    assert.match(result.message, /another app/);
  });

  test('an empty ticket is refused without a request', async () => {
    assert.deepEqual(await client.verifyTicket({ ticket: '', userIp: USER_IP }), { passed: false, code: 5100, message: 'no ticket' });
  });

  test('test credentials: always-pass passes at any answer, always-fail is always refused', async () => {
    const pass = createCaptchaClient({ ...alwaysPass, endpoint: emulator.endpoint });
    const passed = await solveChallenge(await pass.getScriptUrl({ clientType: 'pc', userIp: USER_IP }), { offset: 999 });
    assert.equal((await pass.verifyTicket({ ...passed, userIp: USER_IP })).passed, true);
    const failing = createCaptchaClient({ ...alwaysFail, endpoint: emulator.endpoint });
    const failed = await solveChallenge(await failing.getScriptUrl({ clientType: 'pc', userIp: USER_IP }));
    assert.equal(failed.ret, 0);
    const result = await failing.verifyTicket({ ...failed, userIp: USER_IP });
    assert.deepEqual([result.passed, result.code], [false, 5100]);
  });

  test('4100 for a wrong secretKey, and the secret never shows in the error', async () => {
    const secretKey = 'a-very-secret-key-that-must-not-leak';
    const wrong = createCaptchaClient({ secretId: interactive.secretId, secretKey, endpoint: emulator.endpoint });
    const error = await wrong.getScriptUrl({ clientType: 'pc', userIp: USER_IP }).catch((e) => e);
    assert.ok(error instanceof CaptchaApiError);
    assert.equal(error.code, 4100);
    assert.equal(error.action, 'CaptchaIframeQuery');
    for (const text of [String(error), error.stack, JSON.stringify(error)]) assert.ok(!text.includes(secretKey));
  });

  test('4100 for an unknown SecretId', async () => {
    const unknown = createCaptchaClient({ secretId: 'AKIDnobody', secretKey: 'x', endpoint: emulator.endpoint });
    await assert.rejects(unknown.verifyTicket({ ticket: 't', userIp: USER_IP }), (e) => e instanceof CaptchaApiError && e.code === 4100);
  });

  /** A request signed correctly by hand, so that single parameters can be wrong. */
  function signedUrl(params) {
    const endpoint = new URL(emulator.endpoint);
    const signed = signRequest(endpoint, params, interactive.secretKey);
    const url = new URL(endpoint);
    for (const [key, value] of Object.entries(signed)) url.searchParams.set(key, String(value));
    return url;
  }
  const common = (extra = {}) => ({
    Action: 'CaptchaIframeQuery',
    Region: 'gz',
    SecretId: interactive.secretId,
    Timestamp: Math.floor(Date.now() / 1000),
    Nonce: Math.floor(Math.random() * 1e9) + 1,
    captchaType: 9,
    disturbLevel: 1,
    isHttps: 1,
    clientType: 2,
    ...extra,
  });

  test('4500 for a reused Nonce', async () => {
    const url = signedUrl(common());
    assert.equal((await (await fetch(url)).json()).code, 0);
    const replay = await (await fetch(url)).json();
    assert.equal(replay.code, 4500);
    assert.match(replay.message, /Nonce/);
  });

  test('4500 for a stale Timestamp', async () => {
    const answer = await (await fetch(signedUrl(common({ Timestamp: Math.floor(Date.now() / 1000) - 7200 })))).json();
    assert.equal(answer.code, 4500);
    assert.match(answer.message, /Timestamp/);
  });

  test('4000 for missing parameters, naming them', async () => {
    const { clientType, ...rest } = common();
    const answer = await (await fetch(signedUrl(rest))).json();
    assert.equal(answer.code, 4000);
    assert.match(answer.message, /clientType/);
    const bare = await (await fetch(emulator.endpoint)).json();
    assert.equal(bare.code, 4000);
    assert.match(bare.message, /Action, SecretId, Timestamp, Nonce, Signature/);
  });

  test('CaptchaCheck needs a ticket (4000 through the client as CaptchaApiError)', async () => {
    await assert.rejects(client.verifyTicket({ ticket: 'x', userIp: '' }), (e) => e instanceof CaptchaApiError && e.code === 4000 && /userIp/.test(e.message));
  });

  test('bad options are TypeErrors', () => {
    assert.throws(() => createCaptchaClient({ secretId: 'x' }), TypeError);
    assert.throws(() => createCaptchaClient({ secretId: 'x', secretKey: 'y', signatureMethod: 'MD5' }), /HmacSHA1 or HmacSHA256/);
    assert.rejects(client.getScriptUrl({ clientType: 'tablet', userIp: USER_IP }), TypeError);
  });
});

describe('network failures', () => {
  test('an endpoint that refuses connections: CaptchaNetworkError, not timed out', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    const client = createCaptchaClient({ secretId: 'id', secretKey: 'shh-secret', endpoint: `http://127.0.0.1:${port}/v2/index.php` });
    const error = await client.getScriptUrl({ clientType: 'pc', userIp: USER_IP }).catch((e) => e);
    assert.ok(error instanceof CaptchaNetworkError);
    assert.equal(error.timedOut, false);
    assert.ok(!String(error).includes('shh-secret') && !String(error).includes('Signature'));
  });

  test('an endpoint that never answers: CaptchaNetworkError after timeoutMs', async () => {
    const silent = createServer(() => {});
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const client = createCaptchaClient({
        secretId: 'id',
        secretKey: 'shh-secret',
        endpoint: `http://127.0.0.1:${silent.address().port}/v2/index.php`,
        timeoutMs: 200,
      });
      const started = performance.now();
      const error = await client.verifyTicket({ ticket: 't', userIp: USER_IP }).catch((e) => e);
      assert.ok(error instanceof CaptchaNetworkError);
      assert.equal(error.timedOut, true);
      assert.match(error.message, /200 ms/);
      assert.ok(performance.now() - started >= 190);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  test('an endpoint that answers something else than the API JSON', async () => {
    const html = createServer((req, res) => res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>'));
    await new Promise((resolve) => html.listen(0, '127.0.0.1', resolve));
    try {
      const client = createCaptchaClient({ secretId: 'id', secretKey: 'k', endpoint: `http://127.0.0.1:${html.address().port}/v2/index.php` });
      await assert.rejects(client.getScriptUrl({ clientType: 'pc', userIp: USER_IP }), (e) => e instanceof CaptchaNetworkError && /HTTP 502/.test(e.message));
    } finally {
      html.close();
    }
  });

  /** A one-route server for the hostile answers below. */
  async function answering(handler, run) {
    const server = createServer(handler);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      return await run(createCaptchaClient({ secretId: 'id', secretKey: 'k', endpoint: `http://127.0.0.1:${server.address().port}/v2/index.php`, timeoutMs: 400 }));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }

  test('a 500 or 502 whose body says code 0 is a CaptchaNetworkError with the status, never a pass', async () => {
    for (const status of [500, 502]) {
      await answering((req, res) => res.writeHead(status, { 'Content-Type': 'application/json' }).end('{"code":0}'), async (client) => {
        const error = await client.verifyTicket({ ticket: 't', userIp: USER_IP, randstr: 'r' }).catch((e) => e);
        assert.ok(error instanceof CaptchaNetworkError, String(error));
        assert.equal(error.status, status);
      });
    }
  });

  test('a redirect is not followed (it would carry the signed query elsewhere)', async () => {
    let followed = 0;
    await answering((req, res) => {
      if (req.url.startsWith('/elsewhere')) followed++;
      res.writeHead(302, { Location: '/elsewhere' }).end();
    }, async (client) => {
      const error = await client.verifyTicket({ ticket: 't', userIp: USER_IP }).catch((e) => e);
      assert.ok(error instanceof CaptchaNetworkError);
      assert.equal(followed, 0);
    });
  });

  test('an answer over 1 MB is an error, read no further', async () => {
    await answering((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 32);
      let sent = 0;
      const pump = () => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent < 64) res.once('drain', pump);
        else res.end();
      };
      pump();
    }, async (client) => {
      const error = await client.verifyTicket({ ticket: 't', userIp: USER_IP }).catch((e) => e);
      assert.ok(error instanceof CaptchaNetworkError);
      assert.match(error.message, /larger than 1048576 bytes/);
    });
  });

  test('a body that drips slowly runs into the one deadline (timedOut)', async () => {
    await answering((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"code"');
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    }, async (client) => {
      const error = await client.verifyTicket({ ticket: 't', userIp: USER_IP }).catch((e) => e);
      assert.ok(error instanceof CaptchaNetworkError);
      assert.equal(error.timedOut, true);
    });
  });

  test('clientType is checked as an own property: constructor, __proto__, toString are TypeErrors', async () => {
    const client = createCaptchaClient({ secretId: 'id', secretKey: 'k', endpoint: 'http://127.0.0.1:9/v2/index.php' });
    for (const clientType of ['constructor', '__proto__', 'toString']) {
      await assert.rejects(client.getScriptUrl({ clientType, userIp: USER_IP }), TypeError, clientType);
    }
  });
});
