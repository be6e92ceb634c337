// Test-server routes that reproduce what networks do to the vendor script: slow, missing, hanging,
// a script without the globals, a vendor that throws. Each answer is real HTTP, so the element meets
// it exactly as in a browser on a bad day. `/__requests?path=…` tells how often a path was asked for.
import { readFile } from 'node:fs/promises';

const FAKE = new URL('../fixtures/legacy-vendor.js', import.meta.url);
const requests = new Map();

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function vendorRoutes() {
  return async function vendor(ctx, next) {
    if (ctx.path === '/__requests') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ count: requests.get(ctx.query.path) ?? 0 });
      return;
    }
    if (!ctx.path.startsWith('/vendor/')) return next();
    requests.set(ctx.url, (requests.get(ctx.url) ?? 0) + 1);
    const wait = Number(ctx.query.delay ?? 0);
    if (wait > 0) await delay(wait);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/javascript';
    switch (ctx.path) {
      case '/vendor/legacy.js':
        ctx.body = await readFile(FAKE, 'utf8');
        return;
      case '/vendor/missing.js':
        ctx.body = 'window.__missingVendorRan = (window.__missingVendorRan || 0) + 1;';
        return;
      case '/vendor/throwing.js':
        ctx.body = 'window.capInit = function () { throw new Error("this appid is disabled"); };';
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
