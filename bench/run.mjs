// `npm run bench [-- --dir DIR]`: what a site owner feels, measured side by side in one run of headless
// Chromium. First on a network that charges for each new connection, one HTTPS origin per host
// (bench/connections.mjs; with --dir the legacy pages run Tencent's real legacy copies from DIR), then
// on one local origin with a fixed added latency. Machines here are noisy: compare ratios, not
// absolute times. Prints a table and writes bench/RESULTS.md.
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { launchChromium } from '../scripts/chromium.mjs';
import { measureMemory } from './memory.mjs';
import { startBenchServer } from './server.mjs';
import { SIZE_GOALS, measureSizes } from '../scripts/size.mjs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { measureConnections } from './connections.mjs';

const { values: cli } = parseArgs({ options: { dir: { type: 'string' } } });
const VENDOR_DIR = cli.dir ? resolve(cli.dir) : process.env.VENDOR_DIR;
const CONNECT_MS = Number(process.env.BENCH_CONNECT_MS ?? 150);
const REQUEST_MS = Number(process.env.BENCH_REQUEST_MS ?? 50);

const LATENCY_MS = 150;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MOUNT_COUNT = 1000;
const MOUNT_RUNS = 11;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;

// 0. Time to a usable captcha where each new connection costs what it costs on a phone.
console.log(`network bench: ${CONNECT_MS} ms per new connection, ${REQUEST_MS} ms per request, ${RUNS} runs per page and setting${VENDOR_DIR ? `, Tencent's legacy copies from ${VENDOR_DIR}` : ', the fakes'}`);
const network = await measureConnections({ runs: RUNS, connectMs: CONNECT_MS, requestMs: REQUEST_MS, dir: VENDOR_DIR });

const server = await startBenchServer({ vendorLatencyMs: LATENCY_MS });
const browser = await launchChromium();
const rows = [];
const row = (measure, result, goal, met) => {
  rows.push({ measure, result, goal, met });
  console.log(`${measure}: ${result}${goal ? ` (goal ${goal}${met === undefined ? '' : met ? ', met' : ', NOT met'})` : ''}`);
};

try {
  const page = (name) => readFile(new URL(`./pages/${name}.html`, import.meta.url), 'utf8');
  const element = await page('element');
  const templates = {
    'document-example': await page('document-example'),
    element,
    // The same page without the preload link: the vendor script starts when the element upgrades.
    'element-no-preload': element.replace(/\s*<link rel="preload"[^>]*>/, ''),
    // The document's own <script src> in the head instead of the preload: the element adopts it.
    'element-head-script': element.replace(/<link rel="preload" as="script" href="([^"]+)">/, '<script src="$1"></script>'),
  };
  let run = 0;
  /** Loads a page variant in a fresh context; returns time to capInit and the layout shift until 1 s after it. */
  async function visit(name) {
    run += 1;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const html = templates[name].replaceAll('__RUN__', `${name}-${run}`);
    await page.route(`${server.origin}/bench-page`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(`${server.origin}/bench-page`);
    // Time to a rendered captcha: the vendor's frame in the box, after its deferred sub-script.
    await page.waitForFunction(() => window.__fakeCaptcha?.firstRenderAt != null, null, { polling: 5 });
    const { firstRenderAt: timeToCaptcha, ranAt } = await page.evaluate(() => window.__fakeCaptcha);
    await page.waitForTimeout(1000);
    const shift = await page.evaluate(() => window.__shift);
    await context.close();
    return { timeToCaptcha, scriptRan: ranAt, shift };
  }

  // 1 and 2. Time to captcha and layout shift, variants interleaved.
  const variants = ['document-example', 'element', 'element-no-preload', 'element-head-script'];
  const results = Object.fromEntries(variants.map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const name of i % 2 ? [...variants].reverse() : variants) results[name].push(await visit(name));
  }
  const ttc = Object.fromEntries(variants.map((name) => [name, median(results[name].map((r) => r.timeToCaptcha))]));
  const ratio = ttc.element / ttc['document-example'];
  row(`Time to a rendered captcha (the vendor's frame in the box), document's example (script in head + capInit), median of ${RUNS}`, ms(ttc['document-example']));
  row(`Time to a rendered captcha, <t-captcha> as the README recommends (CDN module + preload), median of ${RUNS}`, ms(ttc.element));
  row('Time to a rendered captcha, ratio <t-captcha> / document example', ratio.toFixed(2), '≤ 1.00', ratio <= 1);
  const ran = Object.fromEntries(variants.map((name) => [name, median(results[name].map((r) => r.scriptRan))]));
  row(
    'Of which: the vendor script ran at (document / element / no preload / head script), medians',
    `${ms(ran['document-example'])} / ${ms(ran.element)} / ${ms(ran['element-no-preload'])} / ${ms(ran['element-head-script'])}`,
  );
  row(
    `Time to captcha, <t-captcha> with the document's <script src> in the head instead of the preload, median of ${RUNS}`,
    `${ms(ttc['element-head-script'])} (ratio ${(ttc['element-head-script'] / ttc['document-example']).toFixed(2)})`,
  );
  row(`Time to captcha, <t-captcha> without the preload link, median of ${RUNS}`, `${ms(ttc['element-no-preload'])} (ratio ${(ttc['element-no-preload'] / ttc['document-example']).toFixed(2)})`);
  const maxShift = Math.max(...results.element.map((r) => r.shift));
  row(`Layout shift, <t-captcha> pc page, navigation to 1 s after capInit (worst of ${RUNS})`, maxShift.toFixed(4), '0', maxShift === 0);
  row(`Layout shift, document's example, same window (worst of ${RUNS})`, Math.max(...results['document-example'].map((r) => r.shift)).toFixed(4));

  // 3. Fifty instances.
  {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/bench/pages/many.html`);
    await page.waitForFunction(() => typeof window.fifty === 'function' && customElements.get('t-captcha'));
    const { elapsed, settled } = await page.evaluate((src) => window.fifty(src), `${server.origin}/vendor/fifty.js`);
    const requests = server.requests.get('/vendor/fifty.js') ?? 0;
    row('Fifty instances, one URL: script requests', String(requests), '1', requests === 1);
    row('Fifty instances: time until the owner is ready and 49 wait', `${ms(elapsed)}${settled ? '' : ' (NOT settled)'} (includes the ${LATENCY_MS} ms latency)`);
    await page.close();
  }

  // 4. Mount cost.
  {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/bench/pages/mount.html`);
    await page.waitForFunction(() => typeof window.mountElements === 'function' && customElements.get('t-captcha') && window.capInit);
    const divs = [];
    const elements = [];
    for (let i = 0; i < MOUNT_RUNS + 1; i++) {
      const d = await page.evaluate((n) => window.mountDivs(n), MOUNT_COUNT);
      const e = await page.evaluate((n) => window.mountElements(n), MOUNT_COUNT);
      if (i > 0) {
        divs.push(d);
        elements.push(e);
      }
    }
    const mountRatio = median(elements) / median(divs);
    row(`Mount ${MOUNT_COUNT.toLocaleString('en')} plain divs + capInit each, median of ${MOUNT_RUNS}`, ms(median(divs)));
    row(`Mount ${MOUNT_COUNT.toLocaleString('en')} <t-captcha>, median of ${MOUNT_RUNS}`, ms(median(elements)));
    row('Mount cost ratio, elements / divs', mountRatio.toFixed(2), '≤ 1.5', mountRatio <= 1.5);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// 5. Memory and size, from their own scripts.
const memory = await measureMemory();
row(`Retained heap after mounting and unmounting ${memory.count.toLocaleString('en')} elements`, `${(memory.retainedBytes / 1024).toFixed(1)} kB`, '< 100 kB', memory.retainedBytes < 100 * 1024);
const sizes = await measureSizes();
row('Own code, min+gzip (npm build, Lit external)', `${sizes.ownCode.toLocaleString('en')} B`, `≤ ${SIZE_GOALS.ownCode.toLocaleString('en')} B`, sizes.ownCode <= SIZE_GOALS.ownCode);
row('CDN file, min+gzip (Lit inside)', `${sizes.cdnFile.toLocaleString('en')} B`, `≤ ${SIZE_GOALS.cdnFile.toLocaleString('en')} B`, sizes.cdnFile <= SIZE_GOALS.cdnFile);
const languageSizes = Object.values(sizes.languages);
row('Each extra language module, min+gzip (loaded on demand)', `${Math.min(...languageSizes)}–${Math.max(...languageSizes)} B (${languageSizes.length} languages), plus their index once: ${sizes.languageIndex} B`);
row('@hcaptcha/vanilla-hcaptcha element, min+gzip, for comparison', `${sizes.hcaptcha.toLocaleString('en')} B`);

const version = await (async () => {
  const probe = await launchChromium();
  try {
    return probe.version();
  } finally {
    await probe.close();
  }
})();
const header = `# Benchmark results\n\n${new Date().toISOString().slice(0, 10)} · Chromium ${version} (headless) · ${availableParallelism()} cores · \`npm run bench${VENDOR_DIR ? ' -- --dir DIR' : ''}\`\n\n`;
const tableOf = (list) => ['| measure | result | goal |', '|---|---|---|', ...list.map((r) => `| ${r.measure.replaceAll('|', '\\|')} | ${r.result} | ${r.goal ? `${r.goal}${r.met === undefined ? '' : r.met ? ' ✓' : ' ✗'}` : ''} |`)].join('\n');
const networkIntro = `## On a network that charges for each new connection

Every host is its own HTTPS origin on loopback (HTTP/2, as Tencent's hosts and CDNs serve it; one test
certificate per host, trusted by its key, so that Chromium neither merges hosts nor refuses to reuse a
preconnected socket): the page (\`shop.example\`), the element's CDN (\`cdn.example\`), and Tencent's
\`ssl.captcha.qq.com\`, \`captcha.gtimg.com\`, \`turing.captcha.qcloud.com\`, \`turing.captcha.gtimg.com\`.
A TCP proxy in front of each charges ${CONNECT_MS} ms before the first byte of every new connection (DNS,
TCP and TLS on a phone), and every answer comes ${REQUEST_MS} ms late. Each visit is a fresh persistent
Chromium profile (an off-the-record one ignores \`rel=preconnect\`); visits of the pages compared are
interleaved, their order turned every run; medians of ${RUNS}. Two worlds: third-party cookies allowed,
and blocked (Chromium's default here), where Chromium fetches Tencent's scripts without credentials on
sockets of their own. The legacy pages run ${VENDOR_DIR ? "Tencent's real legacy copies (TCapIframeApi.js, TCapMsg.js, TCapIframe.js; json2.js empty)" : 'the fakes, which fetch from the hosts the real scripts do'}; the current
API runs the fake 2.0 (TJCaptcha.js, its core from \`turing.captcha.gtimg.com\`, its popup from
\`turing.captcha.qcloud.com\`). "README page" is the page the README recommends; "hand page" is the
integration document's own example (legacy) or Tencent's sample (script in the head, \`new TencentCaptcha\`
on the button). The popup is clicked as soon as the page can take it: the element \`ready\`, the sample
once \`TencentCaptcha\` exists.

`;
await writeFile(new URL('./RESULTS.md', import.meta.url), `${header}${networkIntro}${tableOf(network.rows)}\n\n## On one local origin (${LATENCY_MS} ms added to the vendor script)\n\n${tableOf(rows)}\n`);
console.log('\nwritten to bench/RESULTS.md');
