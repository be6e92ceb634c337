// The two CDN files as a page gets them, in real Chromium: t-captcha.min.js (production) and
// t-captcha.dev.js (development: Lit's development build and the console warnings inside).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';

const ORIGIN = 'https://page.example';
const file = (name) => readFileSync(new URL(`../../dist/cdn/${name}`, import.meta.url));

describe('the CDN files', () => {
  let browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  /**
   * A 320 px wide page with a pc <t-captcha> whose Tencent script cannot load (no network here):
   * returns the element's warnings, its error code and the page's uncaught errors.
   */
  async function run(cdnFile, width = 320) {
    const page = await browser.newPage({ viewport: { width, height: 400 } });
    const warnings = [];
    const problems = [];
    page.on('console', (message) => message.type() === 'warning' && message.text().startsWith('<t-captcha>') && warnings.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.route('**/*', (route) => {
      const { pathname } = new URL(route.request().url());
      if (route.request().url() === `${ORIGIN}/`) {
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><meta charset="utf-8"><script type="module" src="/${cdnFile}"></script>
            <t-captcha src="https://ssl.captcha.qq.com/TCapIframeApi.js?aid=1"></t-captcha>`,
        });
      }
      if (pathname === `/${cdnFile}`) return route.fulfill({ contentType: 'text/javascript', body: file(cdnFile) });
      // The adapter of the page's API, which the element loads from next to its file.
      if (pathname === '/legacy.js') return route.fulfill({ contentType: 'text/javascript', body: file('legacy.js') });
      return route.abort();
    });
    // The element's error event does not bubble: caught on its way down, from before the module runs.
    await page.addInitScript(() =>
      addEventListener('error', (event) => event.target?.localName === 't-captcha' && (window.captchaError = event.code), true),
    );
    await page.goto(`${ORIGIN}/`);
    const code = await (await page.waitForFunction(() => window.captchaError)).jsonValue();
    await page.close();
    return { warnings, code, problems };
  }

  test('t-captcha.min.js: the element works and prints no development warning', async () => {
    const { warnings, code, problems } = await run('t-captcha.min.js');
    assert.equal(code, 'script-load-failed');
    assert.deepEqual(warnings, []);
    assert.deepEqual(problems, []);
  });

  test('t-captcha.dev.js: the same element, warning once that pc needs 362 px', async () => {
    const { warnings, code, problems } = await run('t-captcha.dev.js');
    assert.equal(code, 'script-load-failed');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /pc needs 362px, the viewport has 320px/);
    assert.deepEqual(problems, []);
    // A 360 px phone, as the README says: the same advice.
    const phone = await run('t-captcha.dev.js', 360);
    assert.match(phone.warnings[0] ?? '', /pc needs 362px, the viewport has 360px: use client-type="mobile"/);
  });
});
