// `npm test` needs Chromium, Firefox and WebKit (WebKitGTK's WebDriver and MiniBrowser, under Xvfb), and redis-server. Where they are missing and this is a Debian/Ubuntu machine
// run as root, install Debian's packages; otherwise say exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEBIAN_PACKAGES, findBrowser, missingBrowserMessage } from './browsers.mjs';

const missing = Object.keys(DEBIAN_PACKAGES).filter((name) => !findBrowser(name));
if (missing.length > 0) {
  const canInstall = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canInstall) {
    console.error(missingBrowserMessage(missing));
    process.exit(1);
  }
  const packages = missing.flatMap((name) => DEBIAN_PACKAGES[name]);
  console.log(`Installing ${packages.join(' ')} from Debian's packages for the tests…`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const still = missing.filter((name) => !findBrowser(name));
  if (still.length > 0) {
    console.error(missingBrowserMessage(still));
    process.exit(1);
  }
}
