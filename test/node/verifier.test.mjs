// createCaptchaVerifier: one verifier for both APIs, its outage policy (against the emulator made slow,
// hung, cut, failing and busy), disaster-recovery tickets accepted once, and fromRequest over web
// Requests and real HTTP (bad bodies included).
import assert from 'node:assert/strict';
import { request as httpRequest, createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { TEST_CREDENTIALS, startEmulator } from '../../dist/emulator/index.js';
import { createCaptchaClient, createCaptchaVerifier, createMemoryReplayStore } from '../../dist/server/index.js';
import { requireCaptcha } from '../../dist/server/middleware/express.js';
import { solveChallenge } from './helpers.mjs';

const LEGACY = TEST_CREDENTIALS.interactive;
const CURRENT = TEST_CREDENTIALS.encrypted;
const USER_IP = '198.51.100.23';
const seconds = () => Math.floor(Date.now() / 1000);

let emulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

const legacyOptions = () => ({ secretId: LEGACY.secretId, secretKey: LEGACY.secretKey, endpoint: emulator.endpoint });
const currentOptions = () => ({ secretId: CURRENT.secretId, secretKey: CURRENT.secretKey, captchaAppId: CURRENT.appId, appSecretKey: CURRENT.appSecretKey, resultEndpoint: emulator.origin });

/** A ticket of `app`, solved as a browser would, for USER_IP. */
async function ticketOf(app, userIp = USER_IP) {
  const url = await createCaptchaClient({ secretId: app.secretId, secretKey: app.secretKey, endpoint: emulator.endpoint }).getScriptUrl({ clientType: 'pc', userIp });
  const answer = await solveChallenge(url);
  assert.equal(answer.ret, 0);
  return { ticket: answer.ticket, randstr: answer.randstr };
}

describe('verify: one answer shape for both APIs', () => {
  test('legacy: a good ticket passes once, then is rejected (403)', async () => {
    const verifier = createCaptchaVerifier({ legacy: legacyOptions() });
    const solved = await ticketOf(LEGACY);
    const first = await verifier.verify({ ...solved, userIp: USER_IP });
    assert.deepEqual([first.passed, first.reason, first.api, first.status, first.code, first.userIp], [true, 'passed', 'legacy', 200, 0, USER_IP]);
    const again = await verifier.verify({ ...solved, userIp: USER_IP });
    assert.deepEqual([again.passed, again.reason, again.status, again.code], [false, 'rejected', 403, 5100]);
  });

  test('current: a good ticket passes once, then is refused as reused (CaptchaCode 9)', async () => {
    const verifier = createCaptchaVerifier({ current: currentOptions() });
    const solved = await ticketOf(CURRENT);
    const first = await verifier.verify({ ...solved, userIp: USER_IP });
    assert.deepEqual([first.passed, first.reason, first.api, first.code, first.evilLevel], [true, 'passed', 'current', 1, 0]);
    assert.equal(first.result.captchaCode, 1);
    const again = await verifier.verify({ ...solved, userIp: USER_IP });
    assert.deepEqual([again.passed, again.reason, again.status, again.code], [false, 'reused', 403, 9]);
  });

  test('both APIs, no hint: a current ticket goes to DescribeCaptchaResult, a legacy one ends at CaptchaCheck', async () => {
    const verifier = createCaptchaVerifier({ legacy: legacyOptions(), current: currentOptions() });
    const current = await verifier.verify({ ...(await ticketOf(CURRENT)), userIp: USER_IP });
    assert.deepEqual([current.passed, current.api], [true, 'current']);
    const legacy = await verifier.verify({ ...(await ticketOf(LEGACY)), userIp: USER_IP });
    assert.deepEqual([legacy.passed, legacy.api, legacy.reason], [true, 'legacy', 'passed']);
  });

  test('an api hint decides, and an API without credentials is a 400, never a pass', async () => {
    const verifier = createCaptchaVerifier({ current: currentOptions() });
    const result = await verifier.verify({ ...(await ticketOf(CURRENT)), userIp: USER_IP, api: 'legacy' });
    assert.deepEqual([result.passed, result.reason, result.status], [false, 'api-error', 400]);
  });

  test('another IP than the captcha was issued for: ip-mismatch (13), not passed', async () => {
    const verifier = createCaptchaVerifier({ current: currentOptions() });
    const result = await verifier.verify({ ...(await ticketOf(CURRENT)), userIp: '203.0.113.9' });
    assert.deepEqual([result.passed, result.reason, result.code], [false, 'ip-mismatch', 13]);
  });

  test('wrong keys are api-error (502) with the error, not an outage and not a pass, even with onOutage accept', async () => {
    const legacy = createCaptchaVerifier({ legacy: { ...legacyOptions(), secretKey: 'wrong' }, onOutage: 'accept' });
    const a = await legacy.verify({ ticket: 't03forged', randstr: '@x', userIp: USER_IP });
    assert.deepEqual([a.passed, a.reason, a.status, a.error?.code], [false, 'api-error', 502, 4100]);
    const current = createCaptchaVerifier({ current: { ...currentOptions(), secretKey: 'wrong' }, onOutage: 'accept' });
    const b = await current.verify({ ticket: 't03forged', randstr: '@x', userIp: USER_IP });
    assert.deepEqual([b.passed, b.reason, b.status, b.error?.code], [false, 'api-error', 502, 'AuthFailure.SignatureFailure']);
  });

  test('bad input types are TypeErrors; an empty ticket is missing-ticket (400)', async () => {
    const verifier = createCaptchaVerifier({ legacy: legacyOptions() });
    await assert.rejects(verifier.verify({ ticket: 1, userIp: USER_IP }), TypeError);
    await assert.rejects(verifier.verify({ ticket: 't', userIp: '' }), /userIp/);
    await assert.rejects(verifier.verify({ ticket: 't', userIp: USER_IP, api: 'v3' }), /api must be/);
    const empty = await verifier.verify({ ticket: '', userIp: USER_IP });
    assert.deepEqual([empty.passed, empty.reason, empty.status], [false, 'missing-ticket', 400]);
    assert.throws(() => createCaptchaVerifier({}), /at least one API/);
    assert.throws(() => createCaptchaVerifier({ current: { ...currentOptions(), captchaAppId: 'abc' } }), /captchaAppId/);
    assert.throws(() => createCaptchaVerifier({ legacy: legacyOptions(), onOutage: 'maybe' }), /onOutage/);
    assert.throws(() => createCaptchaVerifier({ legacy: legacyOptions(), trustProxy: ['10.0.0.0/33'] }), /CIDR/);
    assert.throws(() => createCaptchaVerifier({ legacy: legacyOptions(), trustProxy: -1 }), /trustProxy/);
    assert.throws(() => createCaptchaVerifier({ legacy: legacyOptions(), replayStore: {} }), /replayStore/);
  });
});

describe('onOutage, against the emulator made slow, hung, cut, failing and busy', () => {
  const FAULTS = [
    [{ kind: 'slow', delayMs: 1_500 }, 'timeout'],
    [{ kind: 'hang' }, 'timeout'],
    [{ kind: 'reset' }, 'network'],
    [{ kind: 'status', status: 502 }, 'http-5xx'],
    [{ kind: 'status', status: 500 }, 'http-5xx'],
    [{ kind: 'internal-error' }, 'internal-error'],
  ];
  after(() => emulator.simulate(undefined));

  for (const api of ['legacy', 'current']) {
    for (const [fault, cause] of [...FAULTS, ...(api === 'current' ? [[{ kind: 'busy' }, 'busy']] : [])]) {
      test(`${api}, ${fault.kind}${fault.status ? ` ${fault.status}` : ''}: ${cause}; reject refuses (503), accept passes, a function decides`, async () => {
        const seen = [];
        const make = (onOutage) => createCaptchaVerifier({ [api]: api === 'legacy' ? legacyOptions() : currentOptions(), timeoutMs: 400, onOutage });
        const input = { ticket: 't03anything', randstr: '@abc', userIp: USER_IP };
        emulator.simulate(fault);
        try {
          const rejected = await make(undefined).verify(input);
          assert.deepEqual([rejected.passed, rejected.reason, rejected.status, rejected.outage?.cause, rejected.outage?.api], [false, 'outage-rejected', 503, cause, api]);
          const accepted = await make('accept').verify(input);
          assert.deepEqual([accepted.passed, accepted.reason, accepted.status], [true, 'outage-accepted', 200]);
          const decided = await make((outage) => {
            seen.push(outage);
            return outage.cause === cause;
          }).verify(input);
          assert.equal(decided.passed, true);
          assert.deepEqual([seen.length, seen[0].api, seen[0].cause], [1, api, cause]);
          // Only a literal true accepts; a policy that throws refuses.
          assert.equal((await make(() => 'yes').verify(input)).passed, false);
          assert.equal((await make(() => { throw new Error('policy bug'); }).verify(input)).passed, false);
        } finally {
          emulator.simulate(undefined);
        }
      });
    }
  }

  test('a 4xx, or a slow answer within the timeout, is no outage: the ticket is judged (and refused)', async () => {
    for (const api of ['legacy', 'current']) {
      const verifier = createCaptchaVerifier({ [api]: api === 'legacy' ? legacyOptions() : currentOptions(), timeoutMs: 2_000, onOutage: 'accept' });
      emulator.simulate({ kind: 'status', status: 403 });
      const forbidden = await verifier.verify({ ticket: 't03x', randstr: '@x', userIp: USER_IP });
      assert.deepEqual([forbidden.passed, forbidden.reason, forbidden.status], [false, 'api-error', 502]);
      emulator.simulate({ kind: 'slow', delayMs: 100 });
      const slow = await verifier.verify({ ticket: 't03forged', randstr: '@x', userIp: USER_IP });
      assert.equal(slow.passed, false);
      assert.notEqual(slow.reason, 'outage-accepted');
      emulator.simulate(undefined);
    }
  });

  test('a bad ticket with onOutage accept: still refused while Tencent is up', async () => {
    const verifier = createCaptchaVerifier({ legacy: legacyOptions(), current: currentOptions(), onOutage: 'accept' });
    for (const api of ['legacy', 'current']) {
      const result = await verifier.verify({ ticket: 't03forged', randstr: '@x', userIp: USER_IP, api });
      assert.equal(result.passed, false, api);
    }
  });
});

describe('disaster-recovery tickets', () => {
  const fallbackTicket = (age = 0, appId = CURRENT.appId) => `terror_1001_${appId}_${seconds() - age}`;

  test('accepted at most once per replay store, for the ticket\'s remaining age; never sent to Tencent', async () => {
    const calls = [];
    const memory = createMemoryReplayStore();
    const store = { remember: (key, ttl) => (calls.push([key, ttl]), memory.remember(key, ttl)) };
    // The endpoint is unreachable: a fallback ticket is decided here.
    const verifier = createCaptchaVerifier({ current: { ...currentOptions(), resultEndpoint: 'http://127.0.0.1:9' }, acceptFallback: true, replayStore: store });
    const ticket = fallbackTicket(100);
    const first = await verifier.verify({ ticket, randstr: '@abc', userIp: USER_IP });
    assert.deepEqual([first.passed, first.reason, first.api, first.fallback?.errorCode], [true, 'fallback-accepted', 'current', 1001]);
    const again = await verifier.verify({ ticket, randstr: '@def', userIp: USER_IP });
    assert.deepEqual([again.passed, again.reason, again.status], [false, 'fallback-replayed', 403]);
    assert.equal(calls.length, 2);
    assert.ok(!calls[0][0].includes(ticket), 'the store holds a hash, not the ticket');
    assert.ok(calls[0][1] >= 199 && calls[0][1] <= 201, `ttl ${calls[0][1]}`);
  });

  test('refused without acceptFallback, for another app, or too old: the store is not asked', async () => {
    let asked = 0;
    const store = { remember: () => (asked++, true) };
    const off = createCaptchaVerifier({ current: currentOptions(), replayStore: store });
    assert.equal((await off.verify({ ticket: fallbackTicket(), randstr: '@a', userIp: USER_IP })).reason, 'fallback-refused');
    const on = createCaptchaVerifier({ current: currentOptions(), replayStore: store, acceptFallback: true });
    assert.equal((await on.verify({ ticket: fallbackTicket(0, '999'), randstr: '@a', userIp: USER_IP })).passed, false);
    assert.equal((await on.verify({ ticket: fallbackTicket(400), randstr: '@a', userIp: USER_IP })).passed, false);
    assert.equal(asked, 0);
  });

  test('a failing replay store is an outage: onOutage decides, and reason and outage say so', async () => {
    const store = { remember: async () => { throw new Error('ECONNREFUSED'); } };
    const strict = createCaptchaVerifier({ current: currentOptions(), replayStore: store, acceptFallback: true });
    const refused = await strict.verify({ ticket: fallbackTicket(), randstr: '@a', userIp: USER_IP });
    assert.deepEqual([refused.passed, refused.reason, refused.status, refused.outage?.cause], [false, 'outage-rejected', 503, 'replay-store']);
    assert.match(refused.message, /replay store/);
    const lenient = createCaptchaVerifier({ current: currentOptions(), replayStore: store, acceptFallback: true, onOutage: 'accept' });
    const accepted = await lenient.verify({ ticket: fallbackTicket(), randstr: '@a', userIp: USER_IP });
    assert.deepEqual([accepted.passed, accepted.reason, accepted.fallback?.errorCode], [true, 'outage-accepted', 1001]);
  });
});

describe('fromRequest: web Requests', () => {
  const verifier = () => createCaptchaVerifier({ current: currentOptions(), trustProxy: ['10.0.0.0/8'] });
  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
  const post = (body, headers = typeof body === 'string' ? FORM : {}) => new Request('https://site.example/login', { method: 'POST', body, headers, duplex: 'half' });

  test('form, JSON and multipart bodies are read; the handler can still read the original', async () => {
    for (const make of [
      ({ ticket, randstr }) => post(new URLSearchParams({ ticket, randstr, username: 'ann' })),
      ({ ticket, randstr }) => post(JSON.stringify({ ticket, randstr, username: 'ann' }), { 'content-type': 'application/json' }),
      ({ ticket, randstr }) => {
        const form = new FormData();
        form.set('ticket', ticket);
        form.set('randstr', randstr);
        form.set('username', 'ann');
        return post(form);
      },
    ]) {
      const request = make(await ticketOf(CURRENT));
      const result = await verifier().fromRequest(request, { remoteAddress: USER_IP });
      assert.deepEqual([result.passed, result.userIp, result.body.username], [true, USER_IP, 'ann']);
      assert.equal(request.bodyUsed, false);
      assert.ok((await request.text()).includes('ann'));
    }
  });

  test('a ticket or randstr longer than any real one is a 400, not a call to Tencent', async () => {
    const v = createCaptchaVerifier({ current: { ...currentOptions(), resultEndpoint: 'http://127.0.0.1:9' } });
    for (const body of [`ticket=${'t'.repeat(5_000)}&randstr=@a`, `ticket=t03&randstr=@${'a'.repeat(300)}`]) {
      const result = await v.fromRequest(post(body), { remoteAddress: USER_IP });
      assert.deepEqual([result.status, result.reason], [400, 'bad-request']);
    }
  });

  test('a web Request without remoteAddress is a TypeError that says what to pass', async () => {
    await assert.rejects(verifier().fromRequest(post('ticket=x')), /remoteAddress/);
  });

  test('bad bodies: 400 missing or mistyped fields, 413 too large, 415 other types, 408 a body that never ends', async () => {
    const v = createCaptchaVerifier({ current: currentOptions(), maxBodyBytes: 1_000, bodyTimeoutMs: 300 });
    const cases = [
      [post('username=ann'), 400, 'missing-ticket'],
      [post(JSON.stringify({ ticket: ['a'], randstr: '@a' }), { 'content-type': 'application/json' }), 400, 'bad-request'],
      [post(JSON.stringify({ ticket: { toString: 1 } }), { 'content-type': 'application/json' }), 400, 'bad-request'],
      [post('{"ticket":', { 'content-type': 'application/json' }), 400, 'bad-request'],
      [post('[1,2]', { 'content-type': 'application/json' }), 400, 'bad-request'],
      [post(`ticket=${'a'.repeat(5_000)}`), 413, 'body-too-large'],
      [post('<x/>', { 'content-type': 'application/xml' }), 415, 'unsupported-media-type'],
      [post('ticket=a', { 'content-type': 'text/plain' }), 415, 'unsupported-media-type'],
    ];
    const stream = new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode('ticket=abc')); } });
    cases.push([post(stream, { 'content-type': 'application/x-www-form-urlencoded' }), 408, 'body-timeout']);
    for (const [request, status, reason] of cases) {
      const result = await v.fromRequest(request, { remoteAddress: USER_IP });
      assert.deepEqual([result.passed, result.status, result.reason], [false, status, reason], `${status} ${reason}`);
    }
  });
});

describe('fromRequest: the client IP and trustProxy', () => {
  /** The IP fromRequest would send to Tencent (a forged ticket, so the request is cheap). */
  async function ipFor(trustProxy, peer, headers, proxyHeader) {
    const v = createCaptchaVerifier({ legacy: legacyOptions(), trustProxy, proxyHeader });
    const request = new Request('https://site.example/', { method: 'POST', body: 'ticket=', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    return (await v.fromRequest(request, { remoteAddress: peer })).userIp;
  }

  test('without trustProxy, no header is believed', async () => {
    for (const headers of [{ 'x-forwarded-for': '1.2.3.4' }, { forwarded: 'for=1.2.3.4' }, { 'x-real-ip': '1.2.3.4' }, { 'x-forwarded-for': '1.2.3.4', forwarded: 'for=5.6.7.8' }]) {
      assert.equal(await ipFor(false, '203.0.113.5', headers), '203.0.113.5');
      assert.equal(await ipFor(undefined, '::ffff:203.0.113.5', headers), '203.0.113.5');
    }
  });

  test('a number of hops: the address that many proxies back; a client\'s own entries stay behind it', async () => {
    // The client sent "1.1.1.1" itself; the one proxy appended the address it saw.
    assert.equal(await ipFor(1, '10.0.0.2', { 'x-forwarded-for': '1.1.1.1, 198.51.100.7' }), '198.51.100.7');
    assert.equal(await ipFor(2, '10.0.0.2', { 'x-forwarded-for': '1.1.1.1, 198.51.100.7, 10.0.0.9' }), '198.51.100.7');
    // Fewer entries than hops: the furthest one there is.
    assert.equal(await ipFor(3, '10.0.0.2', { 'x-forwarded-for': '198.51.100.7' }), '198.51.100.7');
    // Several header lines are one list (fetch joins them).
    const headers = new Headers([['x-forwarded-for', '6.6.6.6'], ['x-forwarded-for', '198.51.100.8']]);
    assert.equal(await ipFor(1, '10.0.0.2', Object.fromEntries(headers)), '198.51.100.8');
  });

  test('a list of proxies: a spoofing client is never believed, however it writes its headers', async () => {
    const trust = ['10.0.0.0/8', 'loopback', '2001:db8:1::/48'];
    // The peer is not a proxy: its headers say nothing.
    assert.equal(await ipFor(trust, '198.51.100.9', { 'x-forwarded-for': '10.0.0.1, 1.2.3.4' }), '198.51.100.9');
    // Behind a trusted proxy, the client's own prefix stays behind the address the proxy saw.
    assert.equal(await ipFor(trust, '10.1.2.3', { 'x-forwarded-for': '6.6.6.6, 10.9.9.9, 198.51.100.9' }), '198.51.100.9');
    // Garbage, an empty entry or a spoofed "unknown" where the proxy wrote: the walk ends at the proxy.
    for (const value of ['garbage', '', ' , ', 'unknown', '1.2.3.4.5', '999.1.1.1', `${'9,'.repeat(10_000)}x`, '<script>']) {
      assert.equal(await ipFor(trust, '10.1.2.3', { 'x-forwarded-for': value }), '10.1.2.3', JSON.stringify(value.slice(0, 20)));
    }
    // Ports, brackets and IPv6.
    assert.equal(await ipFor(trust, '::1', { 'x-forwarded-for': '[2001:db8:2::7]:4711' }), '2001:db8:2::7');
    assert.equal(await ipFor(trust, '2001:db8:1::5', { 'x-forwarded-for': '198.51.100.10:8080' }), '198.51.100.10');
    assert.equal(await ipFor(trust, '2001:DB8:1::5', { 'x-forwarded-for': '2001:DB8:2::AA' }), '2001:db8:2::aa');
    // The header the proxy does not write is ignored, whatever it says.
    assert.equal(await ipFor(trust, '10.1.2.3', { forwarded: 'for=6.6.6.6', 'x-forwarded-for': '198.51.100.11' }), '198.51.100.11');
  });

  test('a platform with no peer address (a serverless edge writes X-Forwarded-For): trustProxy hops from its entry', async () => {
    const v = (trustProxy) => createCaptchaVerifier({ legacy: legacyOptions(), trustProxy });
    const edge = (xff) => new Request('https://site.example/', { method: 'POST', body: 'ticket=', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': xff } });
    // The client's own prefix stays behind what the edge added.
    assert.equal((await v(1).fromRequest(edge('6.6.6.6, 198.51.100.20'))).userIp, '198.51.100.20');
    assert.equal((await v(2).fromRequest(edge('6.6.6.6, 198.51.100.20, 10.0.0.3'))).userIp, '198.51.100.20');
    const none = await v(1).fromRequest(edge('garbage'));
    assert.deepEqual([none.passed, none.status, none.reason], [false, 400, 'bad-request']);
    // Without a number of hops, a missing remoteAddress is the caller's mistake.
    await assert.rejects(v(['10.0.0.0/8']).fromRequest(edge('198.51.100.20')), /remoteAddress/);
  });

  test('Forwarded (RFC 7239) when the proxies write it', async () => {
    const trust = ['10.0.0.0/8'];
    assert.equal(await ipFor(trust, '10.0.0.1', { forwarded: 'for=6.6.6.6, for="[2001:db8::9]:80";proto=https' }, 'forwarded'), '2001:db8::9');
    assert.equal(await ipFor(trust, '10.0.0.1', { forwarded: 'for=192.0.2.60;proto=http;by=203.0.113.43', 'x-forwarded-for': '6.6.6.6' }, 'forwarded'), '192.0.2.60');
    assert.equal(await ipFor(trust, '10.0.0.1', { forwarded: 'for=_hidden' }, 'forwarded'), '10.0.0.1');
  });
});

describe('fromRequest and the Express-style middleware over real HTTP (node:http)', () => {
  let server;
  let origin;
  let verifier;
  before(async () => {
    verifier = createCaptchaVerifier({ current: currentOptions(), maxBodyBytes: 2_000, bodyTimeoutMs: 400 });
    const guard = requireCaptcha(verifier);
    server = createServer((req, res) => {
      guard(req, res, (error) => {
        if (error) return res.writeHead(500).end('error');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, username: req.body.username, reason: req.captcha.reason }));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('a solved captcha goes on, with the form\'s other fields in req.body; a replay gets 403 and a small JSON body', async () => {
    const { ticket, randstr } = await ticketOf(CURRENT, '127.0.0.1');
    const body = new URLSearchParams({ ticket, randstr, username: 'ann' });
    const ok = await fetch(`${origin}/login`, { method: 'POST', body });
    assert.deepEqual([ok.status, await ok.json()], [200, { ok: true, username: 'ann', reason: 'passed' }]);
    const replay = await fetch(`${origin}/login`, { method: 'POST', body });
    assert.equal(replay.status, 403);
    assert.equal(replay.headers.get('cache-control'), 'no-store');
    const refusal = await replay.json();
    assert.deepEqual(Object.keys(refusal).sort(), ['error', 'message', 'reason']);
    assert.equal(refusal.reason, 'reused');
  });

  /** A raw request: what a client writes, and the status line the server answers (or 'closed'). */
  function raw(head, body, { end = true } = {}) {
    return new Promise((resolve) => {
      const req = httpRequest(`${origin}/login`, { method: 'POST', headers: head });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      });
      req.on('error', () => resolve('closed'));
      if (body) req.write(body);
      if (end) req.end();
    });
  }

  test('huge, endless, mistyped and missing bodies: 413, 408, 415 and 400, and the server lives on', async () => {
    assert.equal(await raw({ 'content-type': 'application/x-www-form-urlencoded', 'content-length': '100000000' }, 'ticket=a', { end: false }), 413);
    assert.equal(await raw({ 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' }, `ticket=${'a'.repeat(3_000)}`, { end: false }), 413);
    assert.equal(await raw({ 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' }, 'ticket=abc', { end: false }), 408);
    assert.equal(await raw({ 'content-type': 'text/xml' }, '<x/>'), 415);
    assert.equal(await raw({ 'content-type': 'application/json' }, '{"ticket":1}'), 400);
    assert.equal(await raw({ 'content-type': 'application/json' }, '{"ticket":'), 400);
    assert.equal(await raw({}, ''), 400);
    const after = await fetch(`${origin}/login`, { method: 'POST', body: new URLSearchParams({ ticket: 't03forged', randstr: '@a' }) });
    assert.equal(after.status, 403);
  });
});
