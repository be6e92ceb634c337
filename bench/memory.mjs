// Mounts and unmounts 10,000 <t-captcha> elements in Chromium and reports the heap retained after GC.
// Goal (reliability issue): under 100 kB.
import { launchChromium } from '../scripts/chromium.mjs';
import { startBenchServer } from './server.mjs';

export async function measureMemory({ count = 10_000 } = {}) {
  const server = await startBenchServer({ vendorLatencyMs: 0 });
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${server.origin}/bench/memory.html`);
    await page.waitForFunction(() => typeof window.cycle === 'function' && customElements.get('t-captcha'));
    const heap = async () => {
      // The fake vendor's log of its last calls holds a few targets and callbacks; not ours to count.
      await page.evaluate(() => (window.__fakeCaptcha.calls.length = 0));
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    // Warm up until the heap is steady (script loaded, code optimised, caches filled), so that what
    // remains after the measured run is what the run retained.
    await page.evaluate(() => window.cycle(2000));
    const before = await heap();
    await page.evaluate((n) => window.cycle(n), count);
    const after = await heap();
    const liveElements = await page.evaluate(() => document.querySelectorAll('t-captcha').length);
    return { count, retainedBytes: after - before, liveElements };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { count, retainedBytes, liveElements } = await measureMemory();
  console.log(`memory: mounted and unmounted ${count.toLocaleString('en')} elements; retained heap after GC: ${(retainedBytes / 1024).toFixed(1)} kB (goal < 100 kB); elements left in the DOM: ${liveElements}`);
}
