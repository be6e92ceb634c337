// One source, two builds: dist/ (ES modules, `lit` external, for bundlers) and
// dist/cdn/t-captcha.min.js (one minified ES module with Lit inside, for <script type="module">, with
// each extra language as a small module in dist/cdn/i18n/ that it loads on demand).
// Type declarations come from tsc afterwards (`npm run build`). Only the CDN file has a source map
// (with the sources inside): the npm build is readable as it is.
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

rmSync('dist', { recursive: true, force: true });

const browser = list('src').filter((file) => !/^src\/(server|emulator)\//.test(file) && file !== 'src/cdn.ts');
const node = list('src').filter((file) => /^src\/(server|emulator)\//.test(file));

await Promise.all([
  build({ entryPoints: browser, outdir: 'dist', outbase: 'src', format: 'esm', target: 'es2022', platform: 'neutral', charset: 'utf8', plugins: [minifyCssTemplates] }),
  node.length > 0 &&
    build({ entryPoints: node, outdir: 'dist', outbase: 'src', format: 'esm', target: 'node20', platform: 'node' }),
  build({
    entryPoints: ['src/cdn.ts'],
    outfile: 'dist/cdn/t-captcha.min.js',
    // Each language beyond zh-cn and en stays a module of its own next to the file (built below),
    // loaded on demand: one request for the element, one more only for a page in another language.
    external: ['./i18n/*'],
    charset: 'utf8',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    sourcemap: true,
    plugins: [minifyCssTemplates],
  }),
  build({ entryPoints: list('src/i18n'), outdir: 'dist/cdn/i18n', format: 'esm', target: 'es2022', minify: true, charset: 'utf8' }),
]);
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
