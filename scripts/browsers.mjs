// Finds the OS browsers the tests, benchmarks and examples drive. Never downloads one.
import { existsSync } from 'node:fs';

const CANDIDATES = {
  chromium: { env: 'CHROME_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'] },
  // WebKit: WebKitGTK's WebDriver, which starts its MiniBrowser (no headless mode: under a virtual display).
  webkit: { env: 'WEBKIT_DRIVER_PATH', paths: ['/usr/bin/WebKitWebDriver'] },
  // Not a browser: the Redis server the replay-store tests start on a free port of their own.
  redis: { env: 'REDIS_SERVER_PATH', paths: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'] },
};

/** WebKitGTK's browser, which WebKitWebDriver starts (`WEBKIT_BROWSER_PATH` overrides), and the virtual display it runs on. */
export const WEBKIT_BROWSER_PATHS = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser'];
export const XVFB_PATH = '/usr/bin/Xvfb';

/** Debian package names, for the message and for `ensure-browsers`. */
export const DEBIAN_PACKAGES = { chromium: ['chromium'], firefox: ['firefox-esr'], webkit: ['webkit2gtk-driver', 'xvfb'], redis: ['redis-server'] };

/** WebKit's browser binary, or undefined. */
export function findWebKitBrowser() {
  const fromEnv = process.env.WEBKIT_BROWSER_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return WEBKIT_BROWSER_PATHS.find((path) => existsSync(path));
}

/** Absolute path of the browser, or undefined. */
export function findBrowser(name) {
  const { env, paths } = CANDIDATES[name];
  const fromEnv = process.env[env];
  const found = fromEnv ? (existsSync(fromEnv) ? fromEnv : undefined) : paths.find((path) => existsSync(path));
  // WebKit needs its browser and (without a display of one's own) Xvfb too.
  if (name === 'webkit' && found && !(findWebKitBrowser() && (process.env.DISPLAY || existsSync(XVFB_PATH)))) return undefined;
  return found;
}

export function missingBrowserMessage(names) {
  return (
    `No ${names.join(' / ')} found. Install Debian's packages ` +
    `(apt-get install -y ${names.flatMap((n) => DEBIAN_PACKAGES[n]).join(' ')}) ` +
    `or point ${names.map((n) => CANDIDATES[n].env).join(' / ')} at ${names.length === 1 && names[0] === 'redis' ? 'redis-server' : 'a browser binary'}` +
    (names.includes('webkit') ? ' (for WebKit: WEBKIT_DRIVER_PATH at WebKitWebDriver, WEBKIT_BROWSER_PATH at its MiniBrowser, and Xvfb or a DISPLAY).' : '.')
  );
}

/** Flags for a headless Chromium on a machine with a closed network (root, no GPU). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Test files run side by side in tabs of one browser; a background tab must not be throttled.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
