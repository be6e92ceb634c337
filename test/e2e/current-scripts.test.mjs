// The element (CDN build, with its on-demand adapter) against the emulator's 2.0 and 3.0 scripts in
// real Chromium: the forced CaptchaAppId check with a server-minted aidEncrypted, end to end to
// DescribeCaptchaResult; a refused aidEncrypted; 3.0's checkbox in the element's box.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';
import { TEST_CREDENTIALS, startEmulator } from '../../dist/emulator/index.js';
import { encryptCaptchaAppId, verifyCaptchaResult } from '../../dist/server/index.js';

const cdn = (name) => readFileSync(new URL(`../../dist/cdn/${name}`, import.meta.url));

describe('the element against the emulator\'s current scripts', () => {
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

  /** Solves the emulator's puzzle in its popup with the keyboard, as a user of a screen reader would. */
  async function solve(page) {
    const challenge = page.frameLocator('iframe.tcaptcha-emulator-challenge');
    const gapX = Number(await challenge.locator('canvas.tcaptcha-background').getAttribute('data-gap-x'));
    const handle = challenge.locator('.tcaptcha-handle');
    await handle.focus();
    for (let i = 0; i < Math.floor(gapX / 10); i++) await handle.press('Shift+ArrowRight');
    for (let i = 0; i < Math.floor((gapX % 10) / 2); i++) await handle.press('ArrowRight');
    await handle.press('Enter');
  }

  test('2.0 with the forced CaptchaAppId check: a fresh aidEncrypted starts it; the ticket passes DescribeCaptchaResult', async () => {
    const app = TEST_CREDENTIALS.encrypted;
    const { aidEncrypted } = encryptCaptchaAppId({ captchaAppId: app.appId, appSecretKey: app.appSecretKey });
    const { page, problems } = await open(`<t-captcha app-id="${app.appId}" aid-encrypted="${aidEncrypted}" src="${emulator.origin}/TJCaptcha.js"></t-captcha>`);
    await event(page, 'ready');
    await page.evaluate(() => document.querySelector('t-captcha').show());
    await page.locator('iframe.tcaptcha-emulator-challenge').waitFor();
    await solve(page);
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
    await solve(page);
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
