#!/usr/bin/env node
// `t-captcha-emulator [--port N] [--host H]`: runs the offline captcha service until stopped.
import { parseArgs } from 'node:util';
import { TEST_CREDENTIALS } from './credentials.js';
import { CURRENT_SCRIPT_PATHS, startEmulator } from './server.js';

const USAGE = `Usage: t-captcha-emulator [--port N] [--host H]

Runs an offline stand-in for Tencent Cloud captcha: the v2 API (CaptchaIframeQuery, CaptchaCheck),
DescribeCaptchaResult, and the browser scripts, with test credentials printed at start.

  --port N   port to listen on (default 8091; 0 picks a free one)
  --host H   address to listen on (default 127.0.0.1)
  -h, --help this text`;

/** One clear line on stderr and exit status 1: no stack traces for a user's mistake. */
function fail(message: string): never {
  console.error(`t-captcha-emulator: ${message}`);
  process.exit(1);
}

let values: { port: string; host: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8091' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h' },
    },
  }) as { values: typeof values });
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]} (try --help)`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!/^\d+$/.test(values.port) || port > 65535) fail(`--port must be a port number (0-65535), not ${values.port}`);

const emulator = await startEmulator({ port, host: values.host }).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`port ${port} on ${values.host} is already in use: pick another with --port (0 picks a free one)`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(`cannot listen on ${values.host}: not an address of this machine`);
  fail(`cannot start: ${error.message}`);
});
console.log(`t-captcha emulator: API endpoint ${emulator.endpoint}`);
const scripts = Object.entries(CURRENT_SCRIPT_PATHS).map(([family, path]) => `${family} ${emulator.origin}${path}`);
console.log(`  current API: scripts ${scripts.join(', ')}; DescribeCaptchaResult at ${emulator.origin}`);
console.log(`  allow its host in the page's code: customElements.get('t-captcha').allowScriptHosts('${new URL(emulator.origin).host}')`);
for (const [name, credential] of Object.entries(TEST_CREDENTIALS)) {
  const forced = 'aidRequired' in credential ? '  (forced CaptchaAppId check: pass aid-encrypted)' : '';
  console.log(`  ${name.padEnd(11)} secretId ${credential.secretId}  secretKey ${credential.secretKey}  CaptchaAppId ${credential.appId}  AppSecretKey ${credential.appSecretKey}${forced}`);
}
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
