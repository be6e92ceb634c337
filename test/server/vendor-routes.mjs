// Test-server routes that reproduce what networks do to the vendor script: slow, missing, hanging,
// a script without the globals, a vendor that throws. Each answer is real HTTP, so the element meets
// it exactly as in a browser on a bad day. `/__requests?path=…` tells how often a path was asked for.
import { readFile } from 'node:fs/promises';

const FAKE = new URL('../fixtures/legacy-vendor.js', import.meta.url);
const FAKE_CURRENT = new URL('../fixtures/tcaptcha-vendor.js', import.meta.url);
/** The vendors' sub-scripts, which their entry scripts load from next to themselves. */
const SUB_SCRIPTS = {
  '/vendor/legacy-frame.js': new URL('../fixtures/legacy-frame.js', import.meta.url),
  '/vendor/tcaptcha-frame.js': new URL('../fixtures/tcaptcha-frame.js', import.meta.url),
};
const requests = new Map();

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function vendorRoutes() {
  return async function vendor(ctx, next) {
    if (ctx.path === '/__requests') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ count: requests.get(ctx.query.path) ?? 0 });
      return;
    }
    if (ctx.path === '/csp/page') return cspPage(ctx);
    if (!ctx.path.startsWith('/vendor/')) return next();
    requests.set(ctx.url, (requests.get(ctx.url) ?? 0) + 1);
    const wait = Number(ctx.query.delay ?? 0);
    if (wait > 0) await delay(wait);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/javascript';
    if (SUB_SCRIPTS[ctx.path]) {
      if (ctx.query.status) {
        ctx.status = Number(ctx.query.status);
        ctx.body = '// not served';
      } else {
        ctx.body = await readFile(SUB_SCRIPTS[ctx.path], 'utf8');
      }
      return;
    }
    switch (ctx.path) {
      case '/vendor/legacy.js':
        ctx.body = await readFile(FAKE, 'utf8');
        return;
      case '/vendor/TCaptcha.js':
      case '/vendor/TJCaptcha.js':
      case '/vendor/TJNCaptcha-global.js':
        ctx.body = await readFile(FAKE_CURRENT, 'utf8');
        return;
      case '/vendor/missing.js':
        ctx.body = 'window.__missingVendorRan = (window.__missingVendorRan || 0) + 1;';
        return;
      case '/vendor/throwing.js':
        ctx.body = 'window.capInit = function () { throw new Error("this appid is disabled"); };';
        return;
      case '/vendor/flaky.js':
        // Fails the first time it is asked for, works afterwards: a retry must add a fresh <script>.
        if (!ctx.query.t_captcha_retry) {
          ctx.status = 503;
          ctx.body = '// try again';
        } else {
          ctx.body = await readFile(FAKE, 'utf8');
        }
        return;
      case '/vendor/hang.js':
        // Headers go out, the body never ends.
        ctx.status = 200;
        ctx.respond = false;
        ctx.res.writeHead(200, { 'Content-Type': 'text/javascript' });
        ctx.res.write('/* waiting… */');
        return;
      default:
        ctx.status = 404;
        ctx.body = '// not found';
    }
  };
}

export const CSP_NONCE = 'b64nonceForTests==';

const POLICIES = {
  // Nonce and 'strict-dynamic', as Google's strict CSP recommends.
  'strict-dynamic': `script-src 'nonce-${CSP_NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`,
  // Nonce only: a cross-origin script needs the nonce on its <script>.
  nonce: `script-src 'self' 'nonce-${CSP_NONCE}'; object-src 'none'`,
  // Trusted Types enforced; any policy name allowed.
  'trusted-types': `script-src 'self' 'nonce-${CSP_NONCE}'; require-trusted-types-for 'script'`,
  // Trusted Types enforced, with 'strict-dynamic' so that the vendor's own sub-scripts may load.
  'trusted-types-strict-dynamic': `script-src 'nonce-${CSP_NONCE}' 'strict-dynamic'; object-src 'none'; require-trusted-types-for 'script'`,
  // Trusted Types enforced with named policies, as the README says to list them: ours and Lit's.
  'trusted-types-named': `script-src 'self' 'nonce-${CSP_NONCE}'; require-trusted-types-for 'script'; trusted-types t-captcha lit-html`,
  // No inline styles at all: the element's shadow styles must still apply (constructable stylesheets).
  'no-inline-styles': `script-src 'nonce-${CSP_NONCE}' 'strict-dynamic'; style-src 'self'; object-src 'none'`,
  // Trusted Types enforced and only Lit's policy allowed: ours cannot be created.
  'trusted-types-lit-only': `script-src 'self' 'nonce-${CSP_NONCE}'; require-trusted-types-for 'script'; trusted-types lit-html`,
};

/**
 * A page served with a strict Content-Security-Policy. It runs test/fixtures/csp-page.js, which
 * reports back to the parent frame. Query: policy, vendor (script URL), nonce (1 = give the element the nonce).
 */
function cspPage(ctx) {
  const policy = POLICIES[ctx.query.policy];
  if (!policy) {
    ctx.status = 400;
    return;
  }
  const nonceAttribute = ctx.query.nonce === '1' ? ` nonce="${CSP_NONCE}"` : '';
  ctx.set('Content-Security-Policy', policy);
  ctx.type = 'text/html';
  ctx.body = `<!doctype html><html><head><meta charset="utf-8">
<script type="module" nonce="${CSP_NONCE}" src="/test/fixtures/csp-page.js"></script></head>
<body><t-captcha${nonceAttribute} load-timeout="3000" src="${String(ctx.query.vendor).replace(/"/g, '&quot;')}"></t-captcha></body></html>`;
}
