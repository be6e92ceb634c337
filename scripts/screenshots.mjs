// `node scripts/screenshots.mjs`: the pc box in its states, as the README shows them (docs/*.png):
// loading, error (English and Chinese) and verified, against the offline emulator in Chromium.
import { readFileSync } from 'node:fs';
import { TEST_CREDENTIALS, startEmulator } from '../dist/emulator/index.js';
import { createCaptchaClient } from '../dist/server/index.js';
import { launchChromium } from './chromium.mjs';

const emulator = await startEmulator();
const browser = await launchChromium();
/** The CDN build as a CDN serves it: the element's file and the adapters next to it. */
const cdn = (name) => readFileSync(new URL(`../dist/cdn/${name}`, import.meta.url));
const client = createCaptchaClient({ ...TEST_CREDENTIALS.alwaysPass, endpoint: emulator.endpoint });

/** A page on the emulator's origin with one pc <t-captcha>; `hangFrame` holds the vendor's frame script back. */
async function shot(name, { lang = 'en', src, hangFrame = false, act }) {
  const page = await browser.newPage({ viewport: { width: 420, height: 120 }, deviceScaleFactor: 2 });
  await page.route(`${emulator.origin}/shot`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="${lang}"><body style="margin:16px;font:14px system-ui,sans-serif;background:#fff">
        <script type="module">import '/t-captcha.min.js'; customElements.get('t-captcha').allowScriptHosts(location.host);</script>
        <t-captcha src="${src}"></t-captcha></body></html>`,
    }),
  );
  for (const name of ['t-captcha.min.js', 'legacy.js', 'tencent.js']) {
    await page.route(`${emulator.origin}/${name}`, (route) => route.fulfill({ contentType: 'text/javascript', body: cdn(name) }));
  }
  if (hangFrame) await page.route(`${emulator.origin}/tcaptcha/frame.js`, () => undefined);
  // Not 'load': it waits for the frame script that the loading shot holds back.
  await page.goto(`${emulator.origin}/shot`, { waitUntil: 'commit' });
  await act(page);
  const box = await page.locator('t-captcha').boundingBox();
  await page.screenshot({ path: `docs/${name}.png`, clip: { x: box.x - 8, y: box.y - 8, width: 246, height: box.height + 16 } });
  await page.close();
  console.log(`docs/${name}.png`);
}

const state = (page, value) => page.waitForFunction((v) => document.querySelector('t-captcha')?.state === v, value);
const scriptUrl = () => client.getScriptUrl({ clientType: 'pc', userIp: '127.0.0.1' });

try {
  await shot('state-loading', { src: await scriptUrl(), hangFrame: true, act: (page) => state(page, 'loading') });
  await shot('state-error-en', { src: `${emulator.origin}/missing.js`, act: (page) => state(page, 'error') });
  await shot('state-error-zh', { lang: 'zh-CN', src: `${emulator.origin}/missing.js`, act: (page) => state(page, 'error') });
  await shot('state-verified', {
    src: await scriptUrl(),
    act: async (page) => {
      await state(page, 'ready');
      await page.frameLocator('iframe.tcaptcha-emulator-trigger').locator('button').click();
      await state(page, 'verified');
      await page.frameLocator('iframe.tcaptcha-emulator-trigger').locator('text=Verified').waitFor();
    },
  });
} finally {
  await browser.close();
  await emulator.close();
}
