// One source, two builds, each in production and development (console warnings for the page's
// developer, see src/development.ts): dist/ and dist/development/ (ES modules, `lit` external, for
// bundlers, which pick the second through the `development` export condition in their dev server), and
// dist/cdn/t-captcha.min.js and t-captcha.dev.js (one ES module with Lit inside, for
// <script type="module">, with each extra language as a small module in dist/cdn/i18n/ that it loads
// on demand). Type declarations come from tsc afterwards (`npm run build`). Only the minified CDN file
// has a source map (with the sources inside): the others are readable as they are.
import { build } from 'esbuild';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { join } from 'node:path';

const list = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? list(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : [],
  );

/** esbuild leaves the text of Lit's css`` templates alone; drop their comments and collapse their whitespace. */
const minifyCssTemplates = {
  name: 'minify-css-templates',
  setup(build) {
    build.onLoad({ filter: /src\/.*\.ts$/ }, ({ path }) => ({
      loader: 'ts',
      contents: readFileSync(path, 'utf8').replace(/\bcss`([^`]*)`/g, (_, body) =>
        `css\`${body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{}:;,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .replace(/\[([\w-]+)='([\w-]+)'\]/g, '[$1=$2]')
          .replace(/\b0\./g, '.')
          .trim()}\``,
      ),
    }));
  },
};

/** src/development.ts as `export const DEV = <dev>`: minifiers drop every `if (DEV)` branch of the production build. */
const development = (dev) => ({
  name: 'development-flag',
  setup(build) {
    build.onLoad({ filter: /src\/development\.ts$/ }, () => ({ loader: 'ts', contents: `export const DEV = ${dev};` }));
  },
});

rmSync('dist', { recursive: true, force: true });

const browser = list('src').filter((file) => !/^src\/(server|emulator)\//.test(file) && file !== 'src/cdn.ts');
const node = list('src').filter((file) => /^src\/(server|emulator)\//.test(file));

await Promise.all([
  // Production (default export condition) and development (`development` condition: with warnings).
  build({ entryPoints: browser, outdir: 'dist', outbase: 'src', format: 'esm', target: 'es2022', platform: 'neutral', charset: 'utf8', plugins: [development(false), minifyCssTemplates] }),
  build({ entryPoints: browser, outdir: 'dist/development', outbase: 'src', format: 'esm', target: 'es2022', platform: 'neutral', charset: 'utf8', plugins: [development(true), minifyCssTemplates] }),
  node.length > 0 &&
    build({ entryPoints: node, outdir: 'dist', outbase: 'src', format: 'esm', target: 'node20', platform: 'node' }),
  build({
    entryPoints: ['src/cdn.ts'],
    outfile: 'dist/cdn/t-captcha.min.js',
    // Each language beyond zh-cn and en stays a module of its own next to the file (built below),
    // loaded on demand: one request for the element, one more only for a page in another language.
    // So do the vendor adapters (legacy.js, tencent.js): a page loads the one of the API it uses.
    external: ['./i18n/*', './legacy.js', './tencent.js', './prepare.js', './controllers/execution.js'],
    charset: 'utf8',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    sourcemap: true,
    plugins: [development(false), minifyCssTemplates],
  }),
  // The same with the development warnings and Lit's development build, readable, for debugging a page.
  build({
    entryPoints: ['src/cdn.ts'],
    outfile: 'dist/cdn/t-captcha.dev.js',
    external: ['./i18n/*', './legacy.js', './tencent.js', './prepare.js', './controllers/execution.js'],
    conditions: ['development'],
    charset: 'utf8',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    plugins: [development(true)],
  }),
  // The languages and their index (translation.ts holds only a type).
  build({ entryPoints: list('src/i18n').filter((file) => !file.endsWith('translation.ts')), outdir: 'dist/cdn/i18n', format: 'esm', target: 'es2022', minify: true, charset: 'utf8' }),
  // The adapters import from the element only types and pure helpers (it lends them the rest), so each bundles alone.
  // So do prepare's check (prepare.js) and execute()'s calls (controllers/execution.js), which only
  // pages that set `prepare` or call execute() load.
  build({
    entryPoints: { legacy: 'src/vendors/legacy.ts', tencent: 'src/vendors/tencent.ts', prepare: 'src/prepare.ts', 'controllers/execution': 'src/controllers/execution.ts' },
    outdir: 'dist/cdn', bundle: true, format: 'esm', target: 'es2022', minify: true, charset: 'utf8' }),
]);
for (const module of ['dist/cdn/legacy.js', 'dist/cdn/tencent.js', 'dist/cdn/prepare.js', 'dist/cdn/controllers/execution.js']) {
  if (/\bimport\s*[{*\w]|\bimport\(/.test(readFileSync(module, 'utf8'))) {
    throw new Error(`${module} imports something: a module loaded on demand must import from the element only types and pure modules`);
  }
}
// A second pass over the CDN file with terser, which compresses further than esbuild's minifier
// (about 300 B min+gzip here, most of it in Lit), keeping the source map and the legal comment.
const cdn = 'dist/cdn/t-captcha.min.js';
const squeezed = await minify(readFileSync(cdn, 'utf8'), {
  module: true,
  ecma: 2022,
  compress: { passes: 2 },
  format: { comments: /^!/ },
  sourceMap: { content: readFileSync(`${cdn}.map`, 'utf8'), url: 't-captcha.min.js.map', includeSources: true },
});
writeFileSync(cdn, squeezed.code);
writeFileSync(`${cdn}.map`, squeezed.map);
// The emulator serves this browser script as it is.
copyFileSync('src/emulator/challenge.browser.js', 'dist/emulator/challenge.browser.js');
console.log('built dist/ and dist/cdn/t-captcha.min.js');
