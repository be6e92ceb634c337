// No request, however malformed, brings the emulator or the demo down: hostile requests (each one a
// reproduction of a crash found by hand) and a few hundred seeded random ones, sent over raw sockets,
// each followed by a normal request that must still be answered.
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { TEST_CREDENTIALS } from '../../dist/emulator/index.js';
import { startDemo } from '../../demo/server.mjs';
import { prng } from '../prng.js';

const SEED = Number(process.env.HOSTILE_SEED ?? 20261126);
const RANDOM_REQUESTS = 300;

/** Sends raw bytes and resolves with the status line ('' when the server closed without one). */
function raw(port, bytes, { end = true } = {}) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => resolve(answer.split('\r\n')[0]);
    socket.setTimeout(1500, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(bytes, () => (end ? socket.end() : undefined));
  });
}

const request = (method, target, { body = '', headers = {} } = {}) =>
  `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${Object.entries({ 'Content-Length': Buffer.byteLength(body), ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n${body}`;

/** A DescribeCaptchaResult request correctly signed (TC3-HMAC-SHA256) for `body`, whatever the body is. */
function signedTc3(body) {
  const { secretId, secretKey } = TEST_CREDENTIALS.interactive;
  const timestamp = Math.floor(Date.now() / 1000);
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const sha = (text) => createHash('sha256').update(text).digest('hex');
  const hmac = (key, text) => createHmac('sha256', key).update(text).digest();
  const canonical = ['POST', '/', '', 'content-type:application/json\nhost:127.0.0.1\n', 'content-type;host', sha(body)].join('\n');
  const toSign = ['TC3-HMAC-SHA256', timestamp, `${date}/captcha/tc3_request`, sha(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), 'captcha'), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return request('POST', '/', {
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-TC-Action': 'DescribeCaptchaResult',
      'X-TC-Timestamp': timestamp,
      Authorization: `TC3-HMAC-SHA256 Credential=${secretId}/${date}/captcha/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
    },
  });
}

const JSON_BODIES = ['null', 'true', '1', '"text"', '[]', '[null]', '{}', '{"appId":null}', '{"token":{},"x":[]}', '{"__proto__":{"x":1}}', '{"a":', '\u0000\uffff', '{"ticket":1e999}'];

describe(`hostile requests (seed ${SEED})`, () => {
  let demo;
  let demoPort;
  let emulatorPort;
  before(async () => {
    demo = await startDemo({ port: 0, emulatorPort: 0 });
    demoPort = Number(new URL(demo.origin).port);
    emulatorPort = Number(new URL(demo.emulator.origin).port);
  });
  after(() => demo?.close());

  /** Both servers still answer a normal request. */
  async function stillUp(what) {
    const emulator = await fetch(`${demo.emulator.origin}/`);
    assert.equal(emulator.status, 200, `emulator after ${what}`);
    const site = await fetch(`${demo.origin}/current`);
    assert.equal(site.status, 200, `demo after ${what}`);
    await site.text();
  }

  const targets = ['//[', '//%', '/%zz', '//[::1', 'http://[', '/v2/index.php?%zz', '/v2/index.php?Action=CaptchaCheck&SecretId=constructor&Timestamp=1&Nonce=1&Signature=x', '/v2/index.php?__proto__=1&SecretId=__proto__&Action=x&Timestamp=1&Nonce=1&Signature=y'];

  test('bad request targets are 400s (or answered), never a crash', async () => {
    for (const port of [emulatorPort, demoPort]) {
      for (const target of targets) {
        const status = await raw(port, request('GET', target));
        assert.match(status, /^HTTP\/1\.1 [2-5]\d\d/, `${target} → ${status}`);
        await stillUp(`GET ${target}`);
      }
    }
  });

  test('bodies of every JSON type, truncated, oversized and of the wrong type, on every body route', async () => {
    const emulatorRoutes = ['/tcaptcha/session', '/tcaptcha/verify'];
    for (const body of JSON_BODIES) {
      for (const path of emulatorRoutes) {
        assert.match(await raw(emulatorPort, request('POST', path, { body })), /^HTTP\/1\.1 [24]\d\d/, `${path} ${body}`);
      }
      assert.match(await raw(emulatorPort, signedTc3(body)), /^HTTP\/1\.1 200/, `DescribeCaptchaResult ${body}`);
      for (const type of ['application/json', 'application/x-www-form-urlencoded', 'text/plain']) {
        assert.match(await raw(demoPort, request('POST', '/login', { body, headers: { 'Content-Type': type } })), /^HTTP\/1\.1 [24]\d\d/, `/login ${type} ${body}`);
      }
      await stillUp(`body ${body}`);
    }
    const huge = '{"a":"' + 'x'.repeat(300_000) + '"}';
    assert.match(await raw(emulatorPort, request('POST', '/tcaptcha/verify', { body: huge })), /^HTTP\/1\.1 413|^$/);
    assert.match(await raw(demoPort, request('POST', '/login', { body: huge, headers: { 'Content-Type': 'application/json' } })), /^HTTP\/1\.1 413|^$/);
    // A body that promises more than it sends, then the connection closes.
    await raw(emulatorPort, request('POST', '/tcaptcha/verify', { headers: { 'Content-Length': 1000 } }) + '{"tok');
    await raw(demoPort, request('POST', '/login', { headers: { 'Content-Length': 1000, 'Content-Type': 'application/json' } }) + '{"user');
    await stillUp('oversized and truncated bodies');
  });

  test(`${RANDOM_REQUESTS} seeded random requests`, async () => {
    const random = prng(SEED);
    const pick = (items) => items[Math.floor(random() * items.length)];
    const junk = (length) => Array.from({ length }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
    const paths = ['/', '/v2/index.php', '/tcaptcha/session', '/tcaptcha/verify', '/TCaptcha.js', '/tcaptcha/TCapIframeApi.js', '/login', '/mobile', '/current', '/cdn/t-captcha.min.js', '/cdn/../package.json', '/TJCaptcha.js', '/TJNCaptcha-global.js'];
    for (let i = 0; i < RANDOM_REQUESTS; i++) {
      const port = random() < 0.5 ? emulatorPort : demoPort;
      const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'X' + junk(3)]);
      const target = pick([...paths, ...targets]) + (random() < 0.5 ? '?' + encodeURIComponent(junk(8)) + '=' + junk(4).replace(/[\s]/g, '') : '');
      const body = random() < 0.5 ? pick(JSON_BODIES) : junk(Math.floor(random() * 200));
      const headers = random() < 0.3 ? { 'Content-Type': pick(['application/json', 'text/plain', junk(5).replace(/[\r\n:]/g, '')]), 'X-TC-Action': 'DescribeCaptchaResult' } : {};
      let bytes = request(method, target.replace(/[\s]/g, ''), { body, headers });
      if (random() < 0.1) bytes = bytes.slice(0, Math.floor(random() * bytes.length));
      await raw(port, bytes);
      if (i % 10 === 9) await stillUp(`random request ${i} (seed ${SEED})`);
    }
    await stillUp('the random requests');
  });
});
