// `npm run test:examples`: packs t-captcha as a user gets it (scripts/pack.mjs: prepack builds), installs
// the tarball into examples/ (an npm workspace with one app per framework), builds each app with its own
// toolchain, type-checks the framework typings, and drives every built app in Chromium (examples/test/).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { pack } from './pack.mjs';

const run = (command, args, cwd = '.') => execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });

for (const old of readdirSync('examples').filter((name) => name.endsWith('.tgz'))) rmSync(`examples/${old}`);
const packed = pack('.', { destination: 'examples' });
console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} kB`);

run('npm', [existsSync('examples/node_modules') ? 'install' : 'ci', '--no-audit', '--no-fund'], 'examples');
// The tarball, as a user would install it; --no-save keeps the committed lockfile free of its hash.
run('npm', ['install', '--no-save', '--no-audit', '--no-fund', `./${packed.filename}`], 'examples');
run('npx', ['tsc', '-p', 'types-check'], 'examples');
run('npm', ['run', 'build'], 'examples');
run('node', ['--test', 'examples/test/']);
