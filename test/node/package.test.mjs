// What package.json promises exists after `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

test('customElements names the committed manifest', () => {
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(existsSync(new URL(pkg.customElements, root)));
});

test('every export, types entry and bin points at a file', () => {
  const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin)];
  for (const value of Object.values(pkg.exports)) {
    if (typeof value === 'string') targets.push(value);
    else targets.push(...Object.values(value));
  }
  for (const target of targets) assert.ok(existsSync(new URL(target, root)), `${target} is missing`);
});
