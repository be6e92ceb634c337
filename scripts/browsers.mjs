// Finds the OS browsers the tests, benchmarks and examples drive. Never downloads one.
import { existsSync } from 'node:fs';

const CANDIDATES = {
  chromium: { env: 'CHROME_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'] },
};

/** Debian package names, for the message and for `ensure-browsers`. */
export const DEBIAN_PACKAGES = { chromium: 'chromium', firefox: 'firefox-esr' };

/** Absolute path of the browser, or undefined. */
export function findBrowser(name) {
  const { env, paths } = CANDIDATES[name];
  const fromEnv = process.env[env];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return paths.find((path) => existsSync(path));
}

export function missingBrowserMessage(names) {
  return (
    `No ${names.join(' / ')} found. Install Debian's packages ` +
    `(apt-get install -y ${names.map((n) => DEBIAN_PACKAGES[n]).join(' ')}) ` +
    `or point ${names.map((n) => CANDIDATES[n].env).join(' / ')} at a browser binary.`
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
