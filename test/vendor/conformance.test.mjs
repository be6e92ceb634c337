// Vendor conformance: the element's vendor-facing behaviour in Chromium (playwright-core), with the
// vendor scripts served at their real https:// addresses through request routing. By default the
// project's fakes (test/fixtures/) stand behind those addresses; with VENDOR_DIR (`npm run test:vendor
// -- --dir DIR`) local copies of Tencent's real scripts do. Nothing from DIR is ever committed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = process.env.VENDOR_DIR;
const fixture = (name) => join(ROOT, 'test/fixtures', name);

/** Where each real address is answered from: the fakes, or the real copies in DIR. */
const FILES = DIR
  ? {
      legacyEntry: join(DIR, 'TCapIframeApi.js'),
      legacySub: { 'json2.js': join(DIR, 'json2.js'), 'TCapMsg.js': join(DIR, 'TCapMsg.js'), 'TCapIframe.js': join(DIR, 'TCapIframe.js') },
      currentEntry: join(DIR, 'TCaptcha.js'),
      currentFrame: undefined, // Tencent's frame script is not among the public copies: offline, as here
    }
  : {
      legacyEntry: fixture('legacy-vendor.js'),
      legacySub: { 'legacy-frame.js': fixture('legacy-frame.js') },
      currentEntry: fixture('tcaptcha-vendor.js'),
      currentFrame: fixture('tcaptcha-frame.js'),
    };
/** With --dir, each API's cases run when its copies are there and are skipped (named) when not. */
const missing = (files) => files.filter((file) => !existsSync(file));
const LEGACY_MISSING = missing([FILES.legacyEntry, ...Object.values(FILES.legacySub)]);
const CURRENT_MISSING = missing([FILES.currentEntry]);
if (!DIR && LEGACY_MISSING.length + CURRENT_MISSING.length > 0) throw new Error(`fixtures missing: ${[...LEGACY_MISSING, ...CURRENT_MISSING]}`);
const legacyTest = (name, fn) => test(name, LEGACY_MISSING.length ? { skip: `not in --dir: ${LEGACY_MISSING.join(', ')}` } : {}, fn);
const currentTest = (name, fn) => test(name, CURRENT_MISSING.length ? { skip: `not in --dir: ${CURRENT_MISSING.join(', ')}` } : {}, fn);

const SHOP = 'https://shop.example';
const LEGACY_SRC = 'https://ssl.captcha.qq.com/TCapIframeApi.js?aid=2000000001&asig=conformance&clientype=2';
const CDN_FILE = join(ROOT, 'dist/cdn/t-captcha.min.js');
/** The element's vendor adapters, which the CDN file loads from next to itself (legacy.js, tencent.js). */
const CDN_ADAPTERS = new Set(['/legacy.js', '/tencent.js']);
/** The 1.0 script, the one of the current scripts with a public copy to run (2.0's default is not). */
const CURRENT_SRC = 'https://turing.captcha.qcloud.com/TCaptcha.js';
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const js = (path) => ({ status: 200, contentType: 'text/javascript', body: readFileSync(path) });

/**
 * A fresh context whose network is the routing table below; `body` is the page's markup.
 * `subScripts`: 'serve' | 'block' | a delay in ms, for the legacy sub-scripts and the current frame script.
 */
async function open(browser, body, { subScripts = 'serve', csp, nonce } = {}) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const requests = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    requests.push(url.href);
    const sub = async (file) => {
      if (subScripts === 'block' || !file) return route.fulfill({ status: 404, body: '' });
      if (typeof subScripts === 'number') await delay(subScripts);
      return route.fulfill(js(file));
    };
    if (url.origin === SHOP && url.pathname === '/') {
      const headers = csp ? { 'Content-Security-Policy': csp } : {};
      return route.fulfill({ status: 200, contentType: 'text/html', headers, body: page(body, nonce) });
    }
    if (url.origin === SHOP && url.pathname === '/t-captcha.min.js') return route.fulfill(js(CDN_FILE));
    if (url.origin === SHOP && CDN_ADAPTERS.has(url.pathname)) return route.fulfill(js(join(ROOT, 'dist/cdn', url.pathname)));
    if (url.host === 'ssl.captcha.qq.com' && url.pathname === '/TCapIframeApi.js') return route.fulfill(js(FILES.legacyEntry));
    const name = url.pathname.split('/').pop();
    // The legacy sub-scripts: the real loader asks captcha.gtimg.com/2/, the fake asks next to itself.
    if ((url.host === 'captcha.gtimg.com' || url.host === 'ssl.captcha.qq.com') && FILES.legacySub[name]) return sub(FILES.legacySub[name]);
    if (url.host === 'turing.captcha.qcloud.com' && url.pathname === '/TCaptcha.js') return route.fulfill(js(FILES.currentEntry));
    if (/tcaptcha-frame/.test(name)) return sub(FILES.currentFrame);
    // The vendor's iframes and beacons: an empty page, an empty answer.
    if (/(^|\.)captcha\.qq\.com$|(^|\.)captcha\.gtimg\.com$|(^|\.)captcha\.qcloud\.com$/.test(url.hostname)) {
      return route.fulfill({ status: 200, contentType: url.pathname.endsWith('.js') ? 'text/javascript' : 'text/html', body: '' });
    }
    return route.abort();
  });
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('console', (message) => message.type() === 'error' && /Content Security Policy/.test(message.text()) && problems.push(message.text()));
  // Not 'load': the load event waits for the vendor's sub-scripts, which some cases hold back.
  await tab.goto(`${SHOP}/`, { waitUntil: 'commit' });
  return { page: tab, context, requests, problems };
}

function page(body, nonce) {
  const attr = nonce ? ` nonce="${nonce}"` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script${attr}>
  window.__events = [];
  for (const type of ['ready', 'verified', 'closed', 'error']) {
    document.addEventListener(type, (event) => {
      if (event.target.localName !== 't-captcha') return;
      window.__events.push({ id: event.target.id, type, code: event.code, message: event.message, vendorCode: event.vendorCode, ticket: event.ticket, fallback: event.fallback });
    }, true);
  }
</script>
<script type="module" src="/t-captcha.min.js"${attr}></script></head><body>${body}</body></html>`;
}

const eventOf = (tab, id, type) =>
  tab.waitForFunction(([id, type]) => window.__events.find((event) => event.id === id && event.type === type), [id, type], { timeout: 20_000 }).then((handle) => handle.jsonValue());
const boxFrames = (tab, id) => tab.evaluate((id) => document.querySelectorAll(`#${id} [data-t-captcha-container] iframe`).length, id);

describe(`vendor conformance (${DIR ? `real scripts from ${DIR}` : "the project's fakes"})`, () => {
  let browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  legacyTest('legacy: loading until the deferred render puts a frame in the box, then ready', async () => {
    const { page: tab, context, problems } = await open(browser, `<t-captcha id="a" load-timeout="8000" src="${LEGACY_SRC}"></t-captcha>`, { subScripts: 400 });
    try {
      await tab.waitForFunction(() => typeof window.capInit === 'function');
      assert.equal(await tab.evaluate(() => document.querySelector('#a').state), 'loading');
      await eventOf(tab, 'a', 'ready');
      assert.ok((await boxFrames(tab, 'a')) >= 1);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  legacyTest("legacy under a strict CSP: the element's preloads of the sub-scripts carry its nonce, nothing is refused, and each sub-script is fetched once", async () => {
    const csp = "script-src 'nonce-c0nf' 'strict-dynamic'; object-src 'none'; base-uri 'none'";
    const { page: tab, context, problems, requests } = await open(browser, `<t-captcha id="a" nonce="c0nf" load-timeout="8000" src="${LEGACY_SRC}"></t-captcha>`, { csp, nonce: 'c0nf' });
    try {
      await eventOf(tab, 'a', 'ready');
      assert.ok((await boxFrames(tab, 'a')) >= 1);
      const preloads = await tab.evaluate(() => [...document.querySelectorAll('link[rel=preload][as=script]')].map((link) => [link.href, link.nonce]));
      assert.deepEqual(preloads.map(([, nonce]) => nonce), ['c0nf', 'c0nf', 'c0nf']);
      for (const [href] of preloads) assert.equal(requests.filter((url) => url === href).length, 1, href);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  legacyTest('legacy: sub-scripts blocked → render-timeout, never a silent blank box', async () => {
    const { page: tab, context } = await open(browser, `<t-captcha id="a" load-timeout="1500" src="${LEGACY_SRC}"></t-captcha>`, { subScripts: 'block' });
    try {
      const error = await eventOf(tab, 'a', 'error');
      assert.equal(error.code, 'render-timeout');
      assert.equal(await boxFrames(tab, 'a'), 0);
    } finally {
      await context.close();
    }
  });

  legacyTest('legacy: getTicket() before the render neither throws nor changes the state (capGetTicket does throw)', async () => {
    const { page: tab, context } = await open(browser, `<t-captcha id="a" load-timeout="8000" src="${LEGACY_SRC}"></t-captcha>`, { subScripts: 1000 });
    try {
      await tab.waitForFunction(() => typeof window.capInit === 'function' && document.querySelector('#a').state === 'loading');
      const result = await tab.evaluate(() => {
        const el = document.querySelector('#a');
        let vendorThrew = false;
        try {
          window.capGetTicket();
        } catch {
          vendorThrew = true;
        }
        return { ticket: el.getTicket(), state: el.state, vendorThrew };
      });
      assert.deepEqual(result, { ticket: { ticket: '', randstr: '' }, state: 'loading', vendorThrew: true });
      await eventOf(tab, 'a', 'ready');
    } finally {
      await context.close();
    }
  });

  legacyTest('legacy: a second element takes over; the first waits with an empty box; removal hands it back', async () => {
    const { page: tab, context, problems } = await open(browser, `<t-captcha id="a" load-timeout="8000" src="${LEGACY_SRC}"></t-captcha>`);
    try {
      await eventOf(tab, 'a', 'ready');
      await tab.evaluate((src) => {
        const b = Object.assign(document.createElement('t-captcha'), { id: 'b', src, loadTimeout: 8000 });
        document.body.append(b);
      }, LEGACY_SRC);
      await eventOf(tab, 'b', 'ready');
      assert.equal(await tab.evaluate(() => document.querySelector('#a').state), 'waiting');
      assert.equal(await boxFrames(tab, 'a'), 0);
      assert.ok((await boxFrames(tab, 'b')) >= 1);
      await tab.evaluate(() => document.querySelector('#b').remove());
      await tab.waitForFunction(() => document.querySelector('#a').state === 'ready');
      assert.ok((await boxFrames(tab, 'a')) >= 1);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  legacyTest('legacy: removal cleans up: the box is emptied and nothing is left on the page', async () => {
    const { page: tab, context } = await open(browser, `<t-captcha id="a" load-timeout="8000" src="${LEGACY_SRC}"></t-captcha>`);
    try {
      await eventOf(tab, 'a', 'ready');
      const left = await tab.evaluate(async () => {
        const el = document.querySelector('#a');
        const box = el.querySelector('[data-t-captcha-container]');
        el.remove();
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { inBox: box.querySelectorAll('iframe').length, onPage: document.querySelectorAll('iframe').length };
      });
      assert.deepEqual(left, { inBox: 0, onPage: 0 });
    } finally {
      await context.close();
    }
  });

  currentTest("current API: the frame script cannot load → show() ends in the vendor's 1004 as an error", async () => {
    const { page: tab, context } = await open(browser, `<t-captcha id="a" app-id="190000001" src="${CURRENT_SRC}" load-timeout="15000"></t-captcha>`, { subScripts: 'block' });
    try {
      await eventOf(tab, 'a', 'ready');
      await tab.evaluate(() => document.querySelector('#a').show());
      const error = await eventOf(tab, 'a', 'error');
      assert.equal(error.code, 'vendor-error');
      assert.equal(error.vendorCode, 1004);
    } finally {
      await context.close();
    }
  });

  currentTest('current API with fallback: the same failure passes with the terror_ ticket the script built', async () => {
    const { page: tab, context } = await open(browser, `<t-captcha id="a" app-id="190000001" src="${CURRENT_SRC}" fallback load-timeout="15000"></t-captcha>`, { subScripts: 'block' });
    try {
      await eventOf(tab, 'a', 'ready');
      await tab.evaluate(() => document.querySelector('#a').show());
      const verified = await eventOf(tab, 'a', 'verified');
      assert.match(verified.ticket, /^terror_1004_190000001_\d+/);
      assert.equal(verified.fallback, true);
      assert.equal(verified.vendorCode, 1004);
    } finally {
      await context.close();
    }
  });

  currentTest('current API: show(), then removal before the frame script arrives: no popup stays on the page', async () => {
    const { page: tab, context } = await open(browser, `<t-captcha id="a" app-id="190000001" src="${CURRENT_SRC}" load-timeout="15000"></t-captcha>`, { subScripts: 600 });
    try {
      await eventOf(tab, 'a', 'ready');
      const painted = await tab.evaluate(async () => {
        let seen = 0;
        let running = true;
        const popups = () => [...document.body.children].filter((node) => node.localName === 'iframe' || node.querySelector?.('iframe')).length;
        const sample = () => {
          if (!running) return;
          seen = Math.max(seen, popups());
          requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
        document.querySelector('#a').show();
        document.querySelector('#a').remove();
        await new Promise((resolve) => setTimeout(resolve, 2000));
        running = false;
        return { seen, left: popups() };
      });
      assert.deepEqual(painted, { seen: 0, left: 0 });
    } finally {
      await context.close();
    }
  });

  for (const [label, markup, define] of [
    ['legacy', `<t-captcha id="a" src="${LEGACY_SRC}"></t-captcha>`, legacyTest],
    ['current API', `<t-captcha id="a" app-id="190000001" src="${CURRENT_SRC}"></t-captcha>`, currentTest],
  ]) {
    define(`${label} on a page that enforces Trusted Types: the error says that Trusted Types killed the vendor`, async () => {
      const { page: tab, context } = await open(browser, markup, { csp: "require-trusted-types-for 'script'" });
      try {
        const error = await eventOf(tab, 'a', 'error');
        assert.equal(error.code, 'vendor-missing');
        assert.match(error.message, /Trusted Types/);
      } finally {
        await context.close();
      }
    });
  }
});
