#!/usr/bin/env node
// `t-captcha-emulator [--port N] [--host H]`: runs the offline captcha service until stopped.
import { parseArgs } from 'node:util';
import { TEST_CREDENTIALS } from './credentials.js';
import { CURRENT_SCRIPT_PATH, startEmulator } from './server.js';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8091' }, host: { type: 'string', default: '127.0.0.1' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}
const emulator = await startEmulator({ port, host: values.host });
console.log(`t-captcha emulator: API endpoint ${emulator.endpoint}`);
console.log(`  current API: TCaptcha.js at ${emulator.origin}${CURRENT_SCRIPT_PATH}, DescribeCaptchaResult at ${emulator.origin}`);
for (const [name, credential] of Object.entries(TEST_CREDENTIALS)) {
  console.log(`  ${name.padEnd(11)} secretId ${credential.secretId}  secretKey ${credential.secretKey}`);
}
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
