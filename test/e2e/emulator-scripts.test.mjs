// The emulator's browser scripts behave like Tencent's where it matters to a page (vendor contract §2,
// §5): rendering waits for a second, nonce-less script; capGetTicket throws until then; a second copy
// of TCaptcha.js throws; the TencentCaptcha constructor writes into its options.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';
import { TEST_CREDENTIALS, startEmulator } from '../../dist/emulator/index.js';
import { createCaptchaClient } from '../../dist/server/index.js';

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
});
