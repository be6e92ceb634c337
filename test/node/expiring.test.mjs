// The emulator's expiring store: constant work per call and memory bounded by what is still live.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExpiringMap } from '../../dist/emulator/expiring.js';

test('an entry lives until its expiry; sweep() drops whole past buckets', () => {
  const map = new ExpiringMap(1000);
  map.set('a', 1, 1500);
  map.set('b', 2, 4200);
  assert.equal(map.get('a', 1400), 1);
  assert.equal(map.get('a', 1501), undefined, 'expired, even before its bucket is swept');
  map.sweep(2500);
  assert.equal(map.size, 1);
  assert.equal(map.get('b', 2500), 2);
  map.sweep(10_000);
  assert.equal(map.size, 0);
});

test('set() replaces a key; buckets stay in expiry order whatever order they come in', () => {
  const map = new ExpiringMap(100);
  map.set('late', 1, 900);
  map.set('early', 2, 150);
  map.set('late', 3, 950);
  assert.equal(map.size, 2);
  map.sweep(300);
  assert.deepEqual([map.get('early', 300), map.get('late', 300)], [undefined, 3]);
  assert.equal(map.size, 1);
});

test('100,000 keys over time: memory stays bounded by the live ones', () => {
  const map = new ExpiringMap(1000);
  for (let now = 0; now < 100_000; now++) {
    map.sweep(now);
    map.set(`k${now}`, true, now + 5000);
  }
  assert.ok(map.size <= 6000, `held ${map.size}`);
});
