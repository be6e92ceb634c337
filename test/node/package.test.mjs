// What package.json promises is in the tarball npm makes from a fresh clone, and on disk after a build.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { freshClone, pack, promisedPaths } from '../../scripts/pack.mjs';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

test('customElements names the committed manifest', () => {
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(existsSync(new URL(pkg.customElements, root)));
});

test('every export, types entry and bin points at a file after the build', () => {
  for (const target of promisedPaths(pkg)) assert.ok(existsSync(new URL(target, root)), `${target} is missing`);
});

test('npm pack of a fresh clone (no dist/ yet: prepack builds it) ships every promised path', { timeout: 180_000 }, () => {
  const clone = freshClone();
  try {
    assert.ok(!existsSync(`${clone.dir}/dist`), 'a fresh clone has no dist/');
    const packed = pack(clone.dir, { dryRun: true });
    const files = new Set(packed.files.map((file) => file.path));
    for (const path of promisedPaths(pkg)) assert.ok(files.has(path), `${path} is not in the tarball`);
    assert.ok(files.has('dist/cdn/t-captcha.min.js'));
  } finally {
    clone.remove();
  }
});

test('development warnings ship only in the development builds (the `development` condition, t-captcha.dev.js)', async () => {
  const { build } = await import('esbuild');
  const warning = 'does not work in an iframe';
  // What a bundler makes of `import 't-captcha/define'` under each condition.
  const bundle = async (condition) => {
    const entry = new URL(pkg.exports['./define'][condition], root).pathname;
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, external: ['lit', 'lit/*', '@lit/*', './i18n/*'], logLevel: 'silent' });
    return result.outputFiles[0].text;
  };
  assert.ok(!(await bundle('default')).includes(warning), 'the production build has the warnings');
  assert.ok((await bundle('development')).includes(warning), 'the development build lost the warnings');
  assert.ok(!readFileSync(new URL('dist/cdn/t-captcha.min.js', root), 'utf8').includes(warning));
  assert.ok(readFileSync(new URL('dist/cdn/t-captcha.dev.js', root), 'utf8').includes(warning));
});
