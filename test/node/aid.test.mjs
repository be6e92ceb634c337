// encryptCaptchaAppId (Tencent's "CaptchaAppid 强制校验"), checked against a decryption written here
// from the documented format, and against the emulator's forced-check app.
import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { TEST_CREDENTIALS, startEmulator } from '../../dist/emulator/index.js';
import { encryptCaptchaAppId } from '../../dist/server/index.js';

/** The documented key: the AppSecretKey repeated from its start up to 32 bytes. */
const keyOf = (secret) => Buffer.from(secret.repeat(Math.ceil(32 / secret.length)).slice(0, 32));

function decryptCbc(aidEncrypted, secret) {
  const bytes = Buffer.from(aidEncrypted, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', keyOf(secret), bytes.subarray(0, 16));
  return Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString();
}

function decryptGcm(aidEncrypted, secret, aad) {
  const bytes = Buffer.from(aidEncrypted, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(-16));
  if (aad) decipher.setAAD(Buffer.from(aad, 'base64'));
  return Buffer.concat([decipher.update(bytes.subarray(12, -16)), decipher.final()]).toString();
}

describe('encryptCaptchaAppId', () => {
  const app = { captchaAppId: 190000001, appSecretKey: 'short-key' };

  test('cbc (default): Base64(IV ‖ ciphertext) of appid&seconds&lifetime under the repeated key, a fresh IV each call', () => {
    const before = Math.floor(Date.now() / 1000);
    const one = encryptCaptchaAppId(app);
    const two = encryptCaptchaAppId(app);
    assert.equal(one.aidEncryptedType, 'cbc');
    assert.equal(one.aidEncryptedAad, undefined);
    assert.notEqual(one.aidEncrypted, two.aidEncrypted, 'a fresh IV');
    const [appId, seconds, lifetime] = decryptCbc(one.aidEncrypted, app.appSecretKey).split('&');
    assert.equal(appId, '190000001');
    assert.ok(Number(seconds) >= before && Number(seconds) <= Date.now() / 1000);
    assert.equal(lifetime, '300');
    // 16 bytes of IV, then 24 bytes of plaintext padded to two blocks.
    assert.equal(Buffer.from(one.aidEncrypted, 'base64').length, 48);
  });

  test('a key of 32 bytes or more is used as its first 32 bytes', () => {
    const long = 'k'.repeat(32) + 'ignored-tail';
    const { aidEncrypted } = encryptCaptchaAppId({ ...app, appSecretKey: long, now: 1795600000, lifetimeSeconds: 60 });
    assert.equal(decryptCbc(aidEncrypted, 'k'.repeat(32)), '190000001&1795600000&60');
  });

  test('gcm: Base64(IV ‖ ciphertext ‖ tag), with the AAD handed back Base64 encoded and bound to the tag', () => {
    const sealed = encryptCaptchaAppId({ ...app, mode: 'gcm', aad: 'order-42', lifetimeSeconds: 86_400, now: 1795600000 });
    assert.equal(sealed.aidEncryptedType, 'gcm');
    assert.equal(sealed.aidEncryptedAad, Buffer.from('order-42').toString('base64'));
    assert.equal(decryptGcm(sealed.aidEncrypted, app.appSecretKey, sealed.aidEncryptedAad), '190000001&1795600000&86400');
    assert.throws(() => decryptGcm(sealed.aidEncrypted, app.appSecretKey, Buffer.from('other').toString('base64')));
    const plain = encryptCaptchaAppId({ ...app, mode: 'gcm' });
    assert.equal(plain.aidEncryptedAad, undefined);
    assert.match(decryptGcm(plain.aidEncrypted, app.appSecretKey), /^190000001&\d+&300$/);
  });

  test('bad input is a TypeError that names it', () => {
    const cases = [
      [{ ...app, captchaAppId: 'abc' }, /captchaAppId/],
      [{ ...app, captchaAppId: undefined }, /captchaAppId/],
      [{ ...app, appSecretKey: '' }, /appSecretKey/],
      [{ ...app, lifetimeSeconds: 0 }, /lifetimeSeconds/],
      [{ ...app, lifetimeSeconds: 86_401 }, /lifetimeSeconds/],
      [{ ...app, lifetimeSeconds: 1.5 }, /lifetimeSeconds/],
      [{ ...app, mode: 'ecb' }, /mode/],
      [{ ...app, aad: 'x' }, /aad is for mode 'gcm'/],
      [{ ...app, mode: 'gcm', aad: 'x'.repeat(129) }, /128 bytes/],
      [{ ...app, now: Math.floor(Date.now() / 1000) + 3600 }, /future/],
    ];
    for (const [options, message] of cases) assert.throws(() => encryptCaptchaAppId(options), (error) => error instanceof TypeError && message.test(error.message), JSON.stringify(options));
    assert.throws(() => encryptCaptchaAppId(), TypeError);
  });
});

describe("the emulator's forced-check app", () => {
  const app = TEST_CREDENTIALS.encrypted;
  let emulator;
  const session = async (body) => (await fetch(`${emulator.origin}/tcaptcha/session`, { method: 'POST', body: JSON.stringify({ appId: app.appId, ...body }) })).json();
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  test('starts a captcha with a fresh aidEncrypted (cbc and gcm with AAD)', async () => {
    const cbc = encryptCaptchaAppId({ captchaAppId: app.appId, appSecretKey: app.appSecretKey });
    assert.ok((await session(cbc)).token);
    const gcm = encryptCaptchaAppId({ captchaAppId: app.appId, appSecretKey: app.appSecretKey, mode: 'gcm', aad: 'page-7' });
    assert.ok((await session(gcm)).token);
  });

  test('refuses a missing, forged, expired or other app\'s aidEncrypted with error 1006, as a config request error', async () => {
    const mint = (options) => encryptCaptchaAppId({ captchaAppId: app.appId, appSecretKey: app.appSecretKey, ...options });
    const gcm = mint({ mode: 'gcm', aad: 'page-7' });
    const refusals = {
      missing: {},
      forged: { aidEncrypted: Buffer.alloc(32, 7).toString('base64') },
      'wrong key': encryptCaptchaAppId({ captchaAppId: app.appId, appSecretKey: 'not-the-apps-key' }),
      expired: mint({ lifetimeSeconds: 60, now: Math.floor(Date.now() / 1000) - 120 }),
      'another app': encryptCaptchaAppId({ captchaAppId: TEST_CREDENTIALS.interactive.appId, appSecretKey: app.appSecretKey }),
      'gcm under the wrong aad': { ...gcm, aidEncryptedAad: Buffer.from('page-8').toString('base64') },
      'gcm called cbc': { ...gcm, aidEncryptedType: 'cbc' },
    };
    for (const [name, body] of Object.entries(refusals)) {
      const answer = await session(body);
      assert.equal(answer.errorCode, 1006, name);
      assert.match(answer.errorMessage, /aidEncrypted/, name);
      assert.equal(answer.token, undefined, name);
    }
  });

  test('an app without the forced check ignores aidEncrypted', async () => {
    const answer = await (await fetch(`${emulator.origin}/tcaptcha/session`, { method: 'POST', body: JSON.stringify({ appId: TEST_CREDENTIALS.interactive.appId }) })).json();
    assert.ok(answer.token);
  });
});
