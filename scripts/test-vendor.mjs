// `npm run test:vendor [-- --dir DIR]`: the vendor conformance cases (test/vendor/) in Chromium, against
// the project's fakes, or with --dir against local copies of Tencent's real scripts served at their
// real addresses. DIR must hold TCapIframeApi.js, TCapIframe.js, TCapMsg.js, json2.js and TCaptcha.js.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

let values;
try {
  ({ values } = parseArgs({ options: { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  console.error(`test:vendor: ${error.message}. Usage: npm run test:vendor [-- --dir DIR]`);
  process.exit(1);
}
if (values.help) {
  console.log('Usage: npm run test:vendor [-- --dir DIR]\n  without --dir: against the fakes in test/fixtures/\n  --dir DIR: against local copies of Tencent\'s scripts (see the README, Development)');
  process.exit(0);
}
if (!existsSync('dist/cdn/t-captcha.min.js')) spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
const env = { ...process.env };
if (values.dir) env.VENDOR_DIR = resolve(values.dir);
const { status } = spawnSync(process.execPath, ['--test', 'test/vendor/'], { stdio: 'inherit', env });
process.exit(status ?? 1);
