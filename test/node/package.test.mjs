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
