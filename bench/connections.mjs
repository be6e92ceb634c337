// Time to a usable captcha on a network that charges for each new connection (bench/network.mjs):
// <t-captcha> as the README recommends vs the hand integrations, each visit in a fresh persistent
// Chromium profile (an off-the-record context ignores rel=preconnect), in two worlds: third-party
// cookies allowed, and blocked (where the browser fetches Tencent's scripts without credentials, on
// other sockets than a plain preconnect opens). Flows:
//  - legacy pc: navigation → the vendor's frame in the box (loaded), README page vs the document's page;
//  - current API popup (2.0, TJCaptcha.js): the user's click, made as soon as the page can take it (the
//    element `ready`; Tencent's sample once TencentCaptcha exists) → the popup's frame loaded.
// With VENDOR_DIR (`npm run bench -- --dir DIR`), the legacy pages run Tencent's real legacy copies.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../scripts/browsers.mjs';
import { startNetwork } from './network.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name) => readFileSync(join(ROOT, 'test/fixtures', name));
const HOSTS = ['shop.example', 'cdn.example', 'ssl.captcha.qq.com', 'captcha.gtimg.com', 'turing.captcha.qcloud.com', 'turing.captcha.gtimg.com'];
const JS = 'text/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

const LEGACY_SRC = 'https://ssl.captcha.qq.com/TCapIframeApi.js?aid=2000000001&clientype=2&sub=https://captcha.gtimg.com/2/&frameSrc=https://ssl.captcha.qq.com/cap_union_show';
const CURRENT_SRC = 'https://turing.captcha.qcloud.com/TJCaptcha.js?sub=https://turing.captcha.gtimg.com/1/&frameSrc=https://turing.captcha.qcloud.com/template/drag_ele.html';
const CDN = 'https://cdn.example/t-captcha';
const APP_ID = '190000000';
const esc = (value) => value.replaceAll('&', '&amp;');

/** What the README recommends a page's head to carry for each API (see README, "Fast and still"). */
const README_HEAD = {
  legacy: `<link rel="preload" as="script" href="${esc(LEGACY_SRC)}">
  <link rel="preload" as="script" href="https://captcha.gtimg.com/2/json2.js">
  <link rel="preload" as="script" href="https://captcha.gtimg.com/2/TCapMsg.js">
  <link rel="preload" as="script" href="https://captcha.gtimg.com/2/TCapIframe.js?v=1.0">
  <link rel="modulepreload" href="${CDN}/legacy.js">
  <script type="module" src="${CDN}/t-captcha.min.js"></script>`,
  current: `<link rel="preload" as="script" href="${esc(CURRENT_SRC)}">
  <link rel="preconnect" href="https://turing.captcha.gtimg.com">
  <link rel="prefetch" href="https://turing.captcha.gtimg.com/">
  <link rel="modulepreload" href="${CDN}/tencent.js">
  <script type="module" src="${CDN}/t-captcha.min.js"></script>`,
};
const STYLE = `<style>t-captcha:not(:defined):not([app-id]):not([client-type='mobile']) { display: block; min-width: 362px; min-height: 54px; }</style>`;

const PAGES = {
  /** The integration document's own example (§3.1.4). */
  'legacy-hand': () => `<!doctype html><html><head><meta charset="utf-8">
  <script src="${esc(LEGACY_SRC)}"></script></head>
<body><h1>Log in</h1><div id="TCaptcha" class="box" style="width:230px;height:54px;"></div><p>Below.</p>
<script>capInit(document.getElementById('TCaptcha'), { callback: function () {} });</script></body></html>`,
  'legacy-readme': () => `<!doctype html><html><head><meta charset="utf-8">
  ${README_HEAD.legacy}
  ${STYLE}</head>
<body><h1>Log in</h1><t-captcha class="box" src="${esc(LEGACY_SRC)}"></t-captcha><p>Below.</p></body></html>`,
  /** The element alone, without the README's head: only the element's own early connections. */
  'legacy-bare': () => `<!doctype html><html><head><meta charset="utf-8">
  <script type="module" src="${CDN}/t-captcha.min.js"></script>
  ${STYLE}</head>
<body><h1>Log in</h1><t-captcha class="box" src="${esc(LEGACY_SRC)}"></t-captcha><p>Below.</p></body></html>`,
  /** Tencent's own sample: the script in the head, new TencentCaptcha on the button. */
  'current-hand': () => `<!doctype html><html><head><meta charset="utf-8">
  <script src="${esc(CURRENT_SRC)}"></script></head>
<body><h1>Log in</h1><button id="go" type="button">Log in</button><p>Below.</p>
<script>document.getElementById('go').onclick = function () { new TencentCaptcha('${APP_ID}', function () {}).show(); };
window.__canClick = function () { return typeof TencentCaptcha === 'function'; };</script></body></html>`,
  'current-readme': () => `<!doctype html><html><head><meta charset="utf-8">
  ${README_HEAD.current}
  ${STYLE}</head>
<body><h1>Log in</h1><t-captcha app-id="${APP_ID}" src="${esc(CURRENT_SRC)}"></t-captcha><button id="go" type="button">Log in</button><p>Below.</p>
<script type="module">const el = document.querySelector('t-captcha'); document.getElementById('go').onclick = () => el.execute().catch(() => {});
window.__canClick = () => el.state === 'ready';</script></body></html>`,
};

/** The fakes, or with VENDOR_DIR the real legacy copies, at the hosts Tencent serves them from. */
function handler(dir) {
  const real = (name) => (dir && existsSync(join(dir, name)) ? readFileSync(join(dir, name)) : undefined);
  const legacyEntry = real('TCapIframeApi.js') ?? fixture('legacy-vendor.js');
  return (host, url) => {
    const file = url.pathname.split('/').pop();
    if (host === 'shop.example' && url.pathname === '/') return { type: HTML, body: PAGES[url.searchParams.get('v')]() };
    if (host === 'cdn.example' && url.pathname.startsWith('/t-captcha/')) {
      const path = join(ROOT, 'dist/cdn', url.pathname.slice('/t-captcha/'.length));
      if (!path.startsWith(join(ROOT, 'dist/cdn')) || !existsSync(path)) return undefined;
      return { type: JS, body: readFileSync(path), headers: { 'access-control-allow-origin': '*' } };
    }
    if (host === 'ssl.captcha.qq.com' && file === 'TCapIframeApi.js') return { type: JS, body: legacyEntry };
    if (host === 'captcha.gtimg.com') {
      // The fake loader asks for TCapIframe.js only (its sub-script under the real name); the real loader for all three.
      const body = real(file) ?? (file === 'TCapIframe.js' ? fixture('legacy-frame.js') : file === 'json2.js' || file === 'TCapMsg.js' ? '' : undefined);
      return body === undefined ? undefined : { type: JS, body };
    }
    if (host === 'turing.captcha.qcloud.com' && file === 'TJCaptcha.js') return { type: JS, body: fixture('tcaptcha-vendor.js') };
    if (host === 'turing.captcha.gtimg.com' && file === 'tcaptcha-frame.js') return { type: JS, body: fixture('tcaptcha-frame.js') };
    // The vendor's frames and beacons: a small page, an empty answer.
    if (/captcha\.(qq|qcloud|gtimg)\.com$/.test(host)) return file.endsWith('.js') ? { type: JS, body: '' } : { type: HTML, body: '<!doctype html><title>captcha</title><p>captcha</p>' };
    return undefined;
  };
}

/** In every page: the first vendor frame that has loaded (in the box, or a popup), and the layout shift. */
function watch() {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  window.__frameAt = null;
  const seen = new WeakSet();
  const check = () => {
    for (const frame of document.querySelectorAll('iframe')) {
      if (seen.has(frame) || !frame.getAttribute('src')) continue;
      seen.add(frame);
      frame.addEventListener('load', () => {
        if (window.__frameAt === null) window.__frameAt = performance.now();
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Runs every flow; returns rows for RESULTS.md. `runs` visits per variant and setting, interleaved
 * (the order turned every run).
 */
export async function measureConnections({ runs = 20, connectMs = 150, requestMs = 50, dir = process.env.VENDOR_DIR, log = console.log } = {}) {
  let cost = { connectMs, requestMs };
  const network = await startNetwork(HOSTS, handler(dir), () => cost);
  const executablePath = findBrowser('chromium');
  const args = [...CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--headless')), ...network.chromiumArgs];

  async function visit(variant, { blockThirdPartyCookies }) {
    const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    // Both worlds set explicitly (headless Chromium 156 blocks third-party cookies by default).
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default/Preferences'), JSON.stringify({ profile: { cookie_controls_mode: blockThirdPartyCookies ? 1 : 0, block_third_party_cookies: blockThirdPartyCookies } }));
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args, viewport: { width: 1000, height: 700 } });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.addInitScript(watch);
      network.resetCounts();
      await page.goto(`https://shop.example/?v=${variant}`, { waitUntil: 'commit' });
      let start = 0;
      if (variant.startsWith('current')) {
        await page.waitForFunction(() => window.__canClick?.(), null, { polling: 'raf', timeout: 20_000 });
        start = await page.evaluate(() => {
          const at = performance.now();
          document.getElementById('go').click();
          return at;
        });
      }
      await page.waitForFunction(() => window.__frameAt !== null, null, { polling: 'raf', timeout: 20_000 });
      const frameAt = await page.evaluate(() => window.__frameAt);
      await page.waitForTimeout(300);
      const shift = await page.evaluate(() => window.__shift);
      if (process.env.BENCH_TIMELINE) {
        const entries = await page.evaluate(() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')].map((e) => ({ name: e.name.slice(0, 70), start: e.startTime, connect: e.connectEnd - e.connectStart, wait: e.requestStart - e.startTime, end: e.responseEnd, proto: e.nextHopProtocol })));
        console.log(variant, JSON.stringify(network.connections.entries ? Object.fromEntries(network.connections) : {}));
        for (const e of entries) console.log(`  ${e.start.toFixed(0).padStart(5)} → ${e.end.toFixed(0).padStart(5)}  connect ${e.connect.toFixed(0).padStart(4)} queued ${e.wait.toFixed(0).padStart(4)} ${e.proto} ${e.name}`);
        console.log(`  frame at ${frameAt.toFixed(0)}`);
      }
      return { time: frameAt - start, clickAt: start, shift, connections: Object.fromEntries(network.connections) };
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }

  const rows = [];
  const results = {};
  const settings = [
    { name: `${connectMs} ms per connection, ${requestMs} ms per request`, cost: { connectMs, requestMs }, blockThirdPartyCookies: false },
    { name: `the same, third-party cookies blocked`, cost: { connectMs, requestMs }, blockThirdPartyCookies: true },
    { name: `0 ms per connection, ${requestMs} ms per request (the old bench's network)`, cost: { connectMs: 0, requestMs }, blockThirdPartyCookies: false },
  ];
  const flows = [
    { name: 'legacy pc: navigation → the vendor\'s frame in the box', hand: 'legacy-hand', readme: 'legacy-readme', extra: 'legacy-bare' },
    { name: 'current API popup: click (at ready) → the popup\'s frame', hand: 'current-hand', readme: 'current-readme' },
  ];
  for (const setting of settings) {
    cost = setting.cost;
    for (const flow of flows.filter((flow) => !process.env.BENCH_FLOWS || flow.hand.startsWith(process.env.BENCH_FLOWS))) {
      const variants = [flow.hand, flow.readme, ...(flow.extra ? [flow.extra] : [])];
      const byVariant = Object.fromEntries(variants.map((variant) => [variant, []]));
      for (let run = 0; run < runs; run++) {
        for (const variant of run % 2 ? [...variants].reverse() : variants) byVariant[variant].push(await visit(variant, setting));
      }
      const time = (variant) => median(byVariant[variant].map((result) => result.time));
      const ratio = time(flow.readme) / time(flow.hand);
      const maxShift = Math.max(...variants.flatMap((variant) => byVariant[variant].map((result) => result.shift)));
      const conns = (variant) => {
        const last = byVariant[variant].at(-1).connections;
        return Object.entries(last).filter(([, n]) => n > 0).map(([host, n]) => `${host.replace('.captcha.', '.c.')} ${n}`).join(', ');
      };
      results[`${setting.name} · ${flow.name}`] = { ratio, hand: time(flow.hand), readme: time(flow.readme) };
      const goal = setting.cost.connectMs > 0 && !setting.blockThirdPartyCookies ? '≤ 0.85' : setting.cost.connectMs > 0 ? '≤ 0.85 (both worlds)' : 'reported';
      const met = setting.cost.connectMs > 0 ? ratio <= 0.85 : undefined;
      rows.push({ measure: `${flow.name}, ${setting.name}: hand page / README page / ratio (medians of ${runs})`, result: `${time(flow.hand).toFixed(0)} / ${time(flow.readme).toFixed(0)} ms / **${ratio.toFixed(2)}**`, goal, met });
      if (flow.extra) rows.push({ measure: `… the element without the README's head links (its own early connections only)`, result: `${time(flow.extra).toFixed(0)} ms (ratio ${(time(flow.extra) / time(flow.hand)).toFixed(2)})` });
      rows.push({ measure: `… new connections in the last run (hand · README)`, result: `${conns(flow.hand)} · ${conns(flow.readme)}` });
      rows.push({ measure: `… layout shift, worst of every visit`, result: maxShift.toFixed(4), goal: '0', met: maxShift === 0 });
      log(`${rows.at(-3 - (flow.extra ? 1 : 0)).measure}: ${rows.at(-3 - (flow.extra ? 1 : 0)).result}`);
    }
  }
  await network.close();
  return { rows, results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await measureConnections({ runs: Number(process.env.BENCH_RUNS ?? 20) });
  for (const row of rows) console.log(`${row.measure}: ${row.result}${row.goal ? ` (goal ${row.goal}${row.met === undefined ? '' : row.met ? ', met' : ', NOT met'})` : ''}`);
}
