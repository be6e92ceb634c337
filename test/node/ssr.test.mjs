// Server-side rendering (Nuxt, SvelteKit, Angular SSR) imports the package where there is no DOM.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('importing the package and its define module in plain Node does not throw', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const api = await import('../../dist/index.js');
  await import('../../dist/define.js');
  // The development build too (a Nuxt or SvelteKit dev server resolves the `development` condition).
  await import('../../dist/development/define.js');
  assert.equal(typeof api.TCaptcha, 'function');
  const event = new api.VerifiedEvent('t', 'r');
  assert.equal(event.ticket, 't');
});

test('the CDN file registers the tag when imported (the build did not tree-shake define away)', async () => {
  const { readFile } = await import('node:fs/promises');
  const cdn = await readFile(new URL('../../dist/cdn/t-captcha.min.js', import.meta.url), 'utf8');
  assert.match(cdn, /customElements\.define\("t-captcha"/);
});
