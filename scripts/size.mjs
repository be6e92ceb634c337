// `npm run size`: min+gzip size of what ships to browsers, measured one way for every file.
// Goals (issue "Tencent's captcha as Tencent ships it today"): the element's own code (npm build, `lit`
// external), what every page loads, at most 6,500 B, the CDN file (Lit inside) at most 12,000 B; the
// modules loaded on demand (the adapter of each API, each extra language) are reported, and what a
// page of each API loads in all. For
// comparison, @hcaptcha/vanilla-hcaptcha's shipped element (its `module` file), measured the same way.
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bundles `entry` minified with `external` left out, and returns its min+gzip size. */
async function minGzip(entry, external = []) {
  // UTF-8, as the files ship (Chinese messages are 3 bytes a character, not a 6-byte \u escape).
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', charset: 'utf8', write: false, external, logLevel: 'silent' });
  return gzip(result.outputFiles[0].contents);
}

export async function measureSizes() {
  const require = createRequire(import.meta.url);
  const hcaptchaDir = dirname(require.resolve('@hcaptcha/vanilla-hcaptcha/package.json'));
  const hcaptchaModule = JSON.parse(readFileSync(join(hcaptchaDir, 'package.json'), 'utf8')).module;
  const languages = Object.fromEntries(
    readdirSync('dist/cdn/i18n')
      .filter((file) => file.endsWith('.js') && file !== 'index.js')
      .map((file) => [file.replace(/\.js$/, ''), gzip(readFileSync(join('dist/cdn/i18n', file)))]),
  );
  // The index of those modules, loaded with the first of them (never by a Chinese or English page).
  const languageIndex = gzip(readFileSync('dist/cdn/i18n/index.js'));
  return {
    // The i18n modules are loaded on demand: not part of what every page pays.
    ownCode: await minGzip('dist/define.js', ['lit', 'lit/*', '@lit/*', './i18n/*', './legacy.js', './tencent.js', './prepare.js', './controllers/execution.js']),
    cdnFile: gzip(readFileSync('dist/cdn/t-captcha.min.js')),
    // The vendor adapters, loaded on demand: a page loads the one of the API it uses.
    legacyAdapter: await minGzip('dist/vendors/legacy.js'),
    tencentAdapter: await minGzip('dist/vendors/tencent.js'),
    // prepare's check, loaded on demand by pages that set `prepare`.
    prepare: await minGzip('dist/prepare.js'),
    // execute()'s calls, loaded on demand by pages that call execute().
    execution: await minGzip('dist/controllers/execution.js'),
    languages,
    languageIndex,
    hcaptcha: await minGzip(join(hcaptchaDir, hcaptchaModule)),
  };
}

export const SIZE_GOALS = { ownCode: 6500, cdnFile: 12000 };

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ownCode, cdnFile, legacyAdapter, tencentAdapter, prepare, execution, languages, languageIndex, hcaptcha } = await measureSizes();
  const row = (label, bytes, goal) => `${label.padEnd(52)} ${bytes.toLocaleString('en').padStart(6)} B${goal ? `   goal ≤ ${goal.toLocaleString('en')} B ${bytes <= goal ? 'met' : 'NOT met'}` : ''}`;
  console.log('min+gzip (gzip -9)');
  console.log(row('t-captcha own code (npm build, Lit external)', ownCode, SIZE_GOALS.ownCode));
  console.log(row('t-captcha CDN file (dist/cdn/t-captcha.min.js)', cdnFile, SIZE_GOALS.cdnFile));
  console.log(row('  legacy adapter (on demand, pages with a script URL)', legacyAdapter));
  console.log(row('  TencentCaptcha adapter (on demand, app-id pages)', tencentAdapter));
  console.log(row('  prepare check (on demand, pages that set prepare)', prepare));
  console.log(row('  execute() calls (on demand, pages that call it)', execution));
  console.log(row('  own code + legacy adapter (a legacy page)', ownCode + legacyAdapter));
  console.log(row('  own code + TencentCaptcha adapter (an app-id page)', ownCode + tencentAdapter));
  console.log(row('  language index (on demand, with the first module)', languageIndex));
  for (const [language, bytes] of Object.entries(languages)) console.log(row(`  language module ${language} (on demand)`, bytes));
  console.log(row('@hcaptcha/vanilla-hcaptcha element, for comparison', hcaptcha));
}
