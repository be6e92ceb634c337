// The emulator's browser scripts behave like Tencent's where it matters to a page (vendor contract §2,
// §5): rendering waits for a second, nonce-less script; capGetTicket throws until then; a second copy
// of TCaptcha.js throws; the TencentCaptcha constructor writes into its options. And the element (the
// CDN build, with its on-demand adapter) against the 2.0 and 3.0 scripts: the forced CaptchaAppId check
// with a server-minted aidEncrypted, end to end to DescribeCaptchaResult; a refused aidEncrypted; 3.0's
// checkbox in the element's box.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';
import { TEST_CREDENTIALS, startEmulator } from '../../dist/emulator/index.js';
import { createCaptchaClient, encryptCaptchaAppId, verifyCaptchaResult } from '../../dist/server/index.js';
import { solveWithKeyboard } from './puzzle.mjs';

const cdn = (name) => readFileSync(new URL(`../../dist/cdn/${name}`, import.meta.url));

describe("the emulator's browser scripts", () => {
  let emulator;
  let browser;
  before(async () => {
    emulator = await startEmulator();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await emulator?.close();
  });

  /** A page on the emulator's origin (any page will do: the scripts are cross-origin to nothing here). */
  async function blankPage() {
    const page = await browser.newPage();
    await page.route(`${emulator.origin}/blank`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><div id="box" style="width:230px;height:54px"></div>' }));
    await page.goto(`${emulator.origin}/blank`);
    return page;
  }

  test('legacy: capInit renders only after the frame script; capGetTicket throws until then', async () => {
    const src = await createCaptchaClient({ ...TEST_CREDENTIALS.interactive, endpoint: emulator.endpoint }).getScriptUrl({ clientType: 'pc', userIp: '127.0.0.1' });
    const page = await blankPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(`${emulator.origin}/tcaptcha/frame.js`, async (route) => {
      await held;
      await route.continue();
    });
    const before = await page.evaluate(async (src) => {
      await new Promise((resolve, reject) => {
        const script = Object.assign(document.createElement('script'), { src, onload: resolve, onerror: reject });
        document.head.append(script);
      });
      window.capInit(document.getElementById('box'), { callback() {} });
      let threw = false;
      try {
        window.capGetTicket();
      } catch {
        threw = true;
      }
      const frame = [...document.scripts].find((script) => script.src.endsWith('/tcaptcha/frame.js'));
      return { threw, rendered: document.querySelectorAll('#box iframe').length, frameNonce: frame?.nonce ?? null };
    }, src);
    assert.deepEqual(before, { threw: true, rendered: 0, frameNonce: '' });
    release();
    await page.waitForFunction(() => document.querySelectorAll('#box iframe').length === 1);
    assert.deepEqual(await page.evaluate(() => window.capGetTicket()), { ticket: '', randstr: '' });
    await page.close();
  });

  test('current: a second copy of TCaptcha.js throws; the constructor writes into its options', async () => {
    const page = await blankPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const result = await page.evaluate(async (src) => {
      const load = () =>
        new Promise((resolve) => document.head.append(Object.assign(document.createElement('script'), { src: `${src}?n=${Math.random()}`, onload: resolve })));
      await load();
      await load();
      const options = { bizState: 1 };
      new window.TencentCaptcha('2000000001', () => undefined, options);
      return { exists: window.__TencentCaptchaExists__, keys: Object.keys(options).sort() };
    }, `${emulator.origin}/TCaptcha.js`);
    assert.equal(result.exists, true);
    assert.deepEqual(result.keys, ['appid', 'bizState', 'callback', 'ready']);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /请勿多次引用/);
    await page.close();
  });

  /** A page on the emulator's origin with the CDN build at /cdn/ and `tag` in it; resolves with the page once the element is defined. */
  async function open(tag) {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.route(`${emulator.origin}/cdn/**`, (route) => route.fulfill({ contentType: 'text/javascript', body: cdn(new URL(route.request().url()).pathname.slice(5)) }));
    await page.route(`${emulator.origin}/page`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><meta charset="utf-8"><script type="module">
          import '/cdn/t-captcha.min.js';
          customElements.get('t-captcha').allowScriptHosts(location.host);
          const el = document.querySelector('t-captcha');
          window.events = [];
          for (const type of ['ready', 'verified', 'closed', 'error']) el.addEventListener(type, (e) => events.push({ type, code: e.code, vendorCode: e.vendorCode, message: e.message, ticket: e.ticket, randstr: e.randstr, appid: e.appid, sid: e.sid, verifyDuration: e.verifyDuration }));
        </script>${tag}<p id="after">after</p>`,
      }),
    );
    await page.goto(`${emulator.origin}/page`);
    return { page, problems };
  }
  const event = (page, type) => page.waitForFunction((type) => window.events.find((e) => e.type === type), type).then((handle) => handle.jsonValue());

  test('2.0 with the forced CaptchaAppId check: a fresh aidEncrypted starts it; the ticket passes DescribeCaptchaResult', async () => {
    const app = TEST_CREDENTIALS.encrypted;
    const { aidEncrypted } = encryptCaptchaAppId({ captchaAppId: app.appId, appSecretKey: app.appSecretKey });
    const { page, problems } = await open(`<t-captcha app-id="${app.appId}" aid-encrypted="${aidEncrypted}" src="${emulator.origin}/TJCaptcha.js"></t-captcha>`);
    await event(page, 'ready');
    await page.evaluate(() => document.querySelector('t-captcha').show());
    await page.locator('iframe.tcaptcha-emulator-challenge').waitFor();
    await solveWithKeyboard(page);
    const verified = await event(page, 'verified');
    assert.equal(verified.appid, app.appId, 'from CaptchaAppId');
    assert.match(verified.sid, /^emu/);
    assert.ok(verified.verifyDuration > 0);
    const result = await verifyCaptchaResult({ ...app, captchaAppId: app.appId, ticket: verified.ticket, randstr: verified.randstr, userIp: '127.0.0.1', endpoint: emulator.origin });
    assert.deepEqual([result.passed, result.reason], [true, 'passed']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('an expired aidEncrypted: the captcha does not start, and the element says config-refused (1006)', async () => {
    const app = TEST_CREDENTIALS.encrypted;
    const { aidEncrypted } = encryptCaptchaAppId({ captchaAppId: app.appId, appSecretKey: app.appSecretKey, lifetimeSeconds: 1, now: Math.floor(Date.now() / 1000) - 60 });
    const { page, problems } = await open(`<t-captcha app-id="${app.appId}" aid-encrypted="${aidEncrypted}" src="${emulator.origin}/TJCaptcha.js"></t-captcha>`);
    await event(page, 'ready');
    await page.evaluate(() => document.querySelector('t-captcha').show());
    const error = await event(page, 'error');
    assert.deepEqual([error.code, error.vendorCode], ['config-refused', 1006]);
    assert.match(error.message, /aidEncrypted has expired/);
    assert.equal(await page.locator('iframe.tcaptcha-emulator-challenge').count(), 0, 'no puzzle');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("3.0: its checkbox in the element's reserved box, a click opens the puzzle, the tick shows after the pass", async () => {
    const app = TEST_CREDENTIALS.interactive;
    const { page, problems } = await open(`<t-captcha app-id="${app.appId}" src="${emulator.origin}/TJNCaptcha-global.js"></t-captcha>`);
    await event(page, 'ready');
    const top = await page.locator('#after').evaluate((p) => p.getBoundingClientRect().top);
    await page.evaluate(() => document.querySelector('t-captcha').show());
    const checkbox = page.frameLocator('t-captcha iframe.tcaptcha-emulator-checkbox').locator('.tcaptcha-checkbox');
    await checkbox.waitFor();
    assert.equal(await page.locator('#after').evaluate((p) => p.getBoundingClientRect().top), top, 'the checkbox moved nothing');
    await checkbox.click();
    await page.locator('iframe.tcaptcha-emulator-challenge').waitFor();
    await solveWithKeyboard(page);
    const verified = await event(page, 'verified');
    assert.equal(verified.appid, app.appId);
    assert.equal(await checkbox.getAttribute('aria-checked'), 'true');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("3.0's script refuses the app-id-first call, as the real one would", async () => {
    const { page } = await open('');
    const message = await page.evaluate(async (src) => {
      await new Promise((resolve) => document.head.append(Object.assign(document.createElement('script'), { src, onload: resolve })));
      try {
        new window.TencentCaptcha('2000000001', () => undefined, {});
        return 'no error';
      } catch (error) {
        return error.message;
      }
    }, `${emulator.origin}/TJNCaptcha-global.js`);
    assert.match(message, /containerElement/);
    await page.close();
  });
});
