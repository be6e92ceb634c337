// Server-side rendering (Nuxt, SvelteKit, Angular SSR) imports the package where there is no DOM.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('importing the package and its define module in plain Node does not throw', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const api = await import('../../dist/index.js');
  await import('../../dist/define.js');
  assert.equal(typeof api.TCaptcha, 'function');
  const event = new api.VerifiedEvent('t', 'r');
  assert.equal(event.ticket, 't');
});
