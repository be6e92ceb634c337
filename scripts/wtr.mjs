// The browser tests in Chromium, Firefox and WebKit: starts a virtual display (Xvfb) and WebKitGTK's
// WebDriver for WebKit's MiniBrowser, which has no headless mode, runs the test runner, and stops both
// again, whatever happens (nothing is left running). Arguments go to the test runner (`wtr`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { XVFB_PATH, findBrowser, missingBrowserMessage } from './browsers.mjs';

const driver = findBrowser('webkit');
if (!driver) {
  console.error(missingBrowserMessage(['webkit']));
  process.exit(1);
}

/** A free loopback port. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const children = [];
/** Stops the driver and the display, and waits until they are gone (SIGKILL after 5 s). */
async function stopAll() {
  await Promise.all(
    children.map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      return gone.finally(() => clearTimeout(force));
    }),
  );
}
// Whatever ends this process, the children end with it.
process.on('exit', () => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll().then(() => process.exit(130)));

const env = { ...process.env };
if (!env.DISPLAY) {
  // The first display number nobody uses.
  let display = 99;
  while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display += 1;
  children.push(spawn(XVFB_PATH, [`:${display}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
  env.DISPLAY = `:${display}`;
  for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display}`); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}
const port = await freePort();
children.push(spawn(driver, [`--port=${port}`], { env, stdio: 'ignore' }));
// The driver answers /status once it can start sessions.
for (let i = 0; ; i++) {
  const ready = await fetch(`http://127.0.0.1:${port}/status`).then((response) => response.ok, () => false);
  if (ready) break;
  if (i === 100) {
    console.error(`WebKitWebDriver did not answer on port ${port}.`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const runner = spawn(process.execPath, [new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url).pathname, ...process.argv.slice(2)], {
  env: { ...env, WEBKIT_DRIVER_PORT: String(port) },
  stdio: 'inherit',
});
runner.on('exit', (code, signal) => stopAll().then(() => process.exit(code ?? (signal ? 1 : 0))));
