// `npm run size`: min+gzip size of what ships to browsers, measured one way for every file.
// Goals (packaging issue): the element's own code (npm build, `lit` external) at most 2.5 kB,
// the CDN file (Lit inside) at most 9 kB. For comparison, @hcaptcha/vanilla-hcaptcha's shipped
// element (its `module` file, which has no dependencies to leave out), measured the same way.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bundles `entry` minified with `external` left out, and returns its min+gzip size. */
async function minGzip(entry, external = []) {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, external, logLevel: 'silent' });
  return gzip(result.outputFiles[0].contents);
}

export async function measureSizes() {
  const require = createRequire(import.meta.url);
  const hcaptchaDir = dirname(require.resolve('@hcaptcha/vanilla-hcaptcha/package.json'));
  const hcaptchaModule = JSON.parse(readFileSync(join(hcaptchaDir, 'package.json'), 'utf8')).module;
  return {
    ownCode: await minGzip('dist/define.js', ['lit', 'lit/*', '@lit/*']),
    cdnFile: gzip(readFileSync('dist/cdn/t-captcha.min.js')),
    hcaptcha: await minGzip(join(hcaptchaDir, hcaptchaModule)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ownCode, cdnFile, hcaptcha } = await measureSizes();
  const row = (label, bytes, goal) => `${label.padEnd(52)} ${bytes.toLocaleString('en').padStart(6)} B${goal ? `   goal ≤ ${goal.toLocaleString('en')} B ${bytes <= goal ? 'met' : 'NOT met'}` : ''}`;
  console.log('min+gzip (gzip -9)');
  console.log(row('t-captcha own code (npm build, Lit external)', ownCode, 2500));
  console.log(row('t-captcha CDN file (dist/cdn/t-captcha.min.js)', cdnFile, 9000));
  console.log(row('@hcaptcha/vanilla-hcaptcha element, for comparison', hcaptcha));
}
