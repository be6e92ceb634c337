// The demo site's own safety: headers on every page, and inline JSON that cannot end its <script>.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loginPage } from '../../demo/pages.mjs';
import { startDemo } from '../../demo/server.mjs';

let demo;
before(async () => {
  demo = await startDemo({ port: 0, emulatorPort: 0 });
});
after(() => demo?.close());

test('every page: nosniff, frame-ancestors none, form-action self, a nonce-based strict CSP', async () => {
  for (const path of ['/', '/mobile', '/current']) {
    const response = await fetch(`${demo.origin}${path}`);
    await response.text();
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    const csp = response.headers.get('content-security-policy');
    for (const directive of ["frame-ancestors 'none'", "form-action 'self'", "'strict-dynamic'", "object-src 'none'"]) {
      assert.ok(csp.includes(directive), `${path}: ${directive} in ${csp}`);
    }
  }
});

test('values put into the inline script cannot close it (</script>, <!--, U+2028)', () => {
  const hostile = 'https://x.example/a</script><script>alert(1)</script><!--\u2028';
  const html = loginPage({ clientType: 'mobile', scriptUrl: hostile, nonce: 'n', emulatorHost: 'h</script>' });
  const script = html.slice(html.indexOf('<script type="module"'));
  assert.equal(script.match(/<\/script>/gi).length, 1, 'only the script element\'s own end tag');
  assert.ok(!script.includes('<!--'));
  assert.ok(!script.includes('\u2028'));
});
