import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_ARGS, findBrowser, findWebKitBrowser, missingBrowserMessage } from './scripts/browsers.mjs';
import { vendorRoutes } from './test/server/vendor-routes.mjs';

const chromium = findBrowser('chromium');
const firefox = findBrowser('firefox');
if (!chromium || !firefox) {
  throw new Error(missingBrowserMessage([!chromium && 'chromium', !firefox && 'firefox'].filter(Boolean)));
}
// WebKit runs through WebKitGTK's WebDriver, which scripts/wtr.mjs (npm test) starts under a virtual
// display and names here; `npx wtr` alone runs Chromium and Firefox.
const webkitPort = process.env.WEBKIT_DRIVER_PORT;
const webkit =
  webkitPort &&
  webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port: Number(webkitPort),
    logLevel: 'error',
    capabilities: { 'webkitgtk:browserOptions': { binary: findWebKitBrowser(), args: ['--automation'] } },
  });

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time per browser: a background tab gets no animation frames, which fixture() awaits.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  middleware: [vendorRoutes()],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: chromium, headless: true, args: CHROMIUM_ARGS } }),
    puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefox, headless: true } }),
    ...(webkit ? [webkit] : []),
  ],
};
