// Each framework sample, built from the packed tarball, driven in real Chromium with the fake vendor:
// the bound attributes arrive, a bound boolean goes false → true → false, the framework's handler gets
// the verified values, refresh() through the framework's ref reaches the vendor, a state change
// re-binds client-type, and unmounting tears the vendor down. The server-rendered ones (SvelteKit,
// Nuxt) also show that the server's HTML holds the element, which upgrades and hears events after hydration.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';

const EXAMPLES = fileURLToPath(new URL('..', import.meta.url));
const FAKE_VENDOR = fileURLToPath(new URL('../../test/fixtures/legacy-vendor.js', import.meta.url));
/** The fake loader's deferred sub-script, as the real loader loads TCapIframe.js. */
const FAKE_FRAME = fileURLToPath(new URL('../../test/fixtures/legacy-frame.js', import.meta.url));
const CDN_DIR = join(EXAMPLES, 'node_modules/t-captcha/dist/cdn');
const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.map': 'application/json' };

const SAMPLES = {
  plain: join(EXAMPLES, 'plain'),
  vue: join(EXAMPLES, 'vue/dist'),
  svelte: join(EXAMPLES, 'svelte/dist'),
  react: join(EXAMPLES, 'react/dist'),
  angular: join(EXAMPLES, 'angular/dist'),
  preact: join(EXAMPLES, 'preact/dist'),
  solid: join(EXAMPLES, 'solid/dist'),
  sveltekit: join(EXAMPLES, 'sveltekit/dist'),
  nuxt: join(EXAMPLES, 'nuxt/dist'),
};
/** Rendered on the server: their HTML already holds the element before any script runs. */
const SERVER_RENDERED = new Set(['sveltekit', 'nuxt']);

/** Serves one built sample, the CDN file from the installed tarball, and the fake vendor. */
async function serve(root) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://x');
    let file;
    if (pathname === '/favicon.ico') return response.writeHead(204).end();
    if (pathname === '/vendor/legacy-frame.js') file = FAKE_FRAME;
    else if (pathname.startsWith('/vendor/')) file = FAKE_VENDOR;
    else if (pathname.startsWith('/cdn/')) file = join(CDN_DIR, pathname.slice(5));
    else file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('framework samples, built from the packed tarball', () => {
  let browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  for (const [name, root] of Object.entries(SAMPLES)) {
    test(name, async () => {
      const server = await serve(root);
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      try {
        const src = `${server.origin}/vendor/legacy.js?sample=${name}`;
        if (SERVER_RENDERED.has(name)) {
          const html = await (await fetch(`${server.origin}/`)).text();
          assert.match(html, /<t-captcha[\s>]/, 'the server-rendered HTML holds the element');
        }
        await page.goto(`${server.origin}/?src=${encodeURIComponent(src)}`);
        await page.waitForFunction(() => document.querySelector('t-captcha')?.state === 'ready');
        const count = (call) => page.evaluate((c) => window.__fakeCaptcha.count(c), call);

        // The attribute and the property bound from framework state arrive.
        assert.equal(await page.evaluate(() => document.querySelector('t-captcha') instanceof customElements.get('t-captcha')), true, 'upgraded');
        assert.equal(await page.evaluate(() => document.querySelector('t-captcha').clientType), 'pc');
        assert.equal(await page.evaluate(() => document.querySelector('t-captcha').src), src);
        assert.equal(await count('capInit'), 1);

        // The framework's handler receives the verified values.
        await page.evaluate(() => window.__fakeCaptcha.pass(`ticket-of-sample`, `randstr-of-sample`));
        await page.waitForFunction(() => document.getElementById('ticket').textContent === 'ticket-of-sample');
        assert.equal(await page.textContent('#randstr'), 'randstr-of-sample');

        // refresh() through the framework's ref reaches the vendor.
        await page.click('#refresh');
        assert.equal(await count('capRefresh'), 1);

        // A bound boolean, false → true → false, whether the framework sets the property or writes "false".
        const showHeader = () => page.evaluate(() => document.querySelector('t-captcha').showHeader);
        assert.equal(await showHeader(), false, 'show-header bound false');
        await page.click('#header');
        await page.waitForFunction(() => document.querySelector('t-captcha').showHeader === true);
        await page.click('#header');
        await page.waitForFunction(() => document.querySelector('t-captcha').showHeader === false);
        const restarts = await count('capDestroy');

        // A state change re-binds the attribute: a new vendor instance for the document.
        await page.click('#mobile');
        await page.waitForFunction(() => document.querySelector('t-captcha').getAttribute('client-type') === 'mobile');
        await page.waitForFunction(() => window.__fakeCaptcha.instance?.mobile === true);
        assert.equal(await count('capDestroy'), restarts + 1);

        // The mobile captcha covers the page; the user closes it, then the app unmounts the element.
        await page.evaluate(() => window.__fakeCaptcha.close());
        await page.click('#unmount');
        await page.waitForFunction(() => !document.querySelector('t-captcha') && window.__fakeCaptcha.instance === null);
        assert.equal(await count('capDestroy'), restarts + 2);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
        await server.close();
      }
    });
  }
});
