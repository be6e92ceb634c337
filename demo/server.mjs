// The demo business site: `npm start`. It runs the captcha service emulator and a small login site
// that uses t-captcha/server exactly as a real site would use it against Tencent.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { CURRENT_SCRIPT_PATH, TEST_CREDENTIALS, startEmulator } from '../dist/emulator/index.js';
import { createCaptchaClient, createCaptchaVerifier, encryptCaptchaAppId, normalizeIp } from '../dist/server/index.js';
import { aidEncryptedHandler, requireCaptcha } from '../dist/server/middleware/express.js';
import { loginPage } from './pages.mjs';

/** The CDN build as a CDN serves it: the element's file, its on-demand modules (tencent.js, i18n/) next to it. */
const CDN_DIR = new URL('../dist/cdn/', import.meta.url);
const CDN_PATH = /^\/cdn\/((i18n\/|controllers\/)?[\w-]+(\.min|\.dev)?\.js)$/;

/** The address the site sees for the browser (no proxy in front: the socket's); the captcha is issued for it and verified against it. */
function userIp(request) {
  return normalizeIp(request.socket.remoteAddress) ?? '';
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address().port));
  });
}

/**
 * Headers of the demo's pages: a strict CSP, as a real site should have (the element carries the nonce
 * to the vendor script), no framing (the captcha must not run inside an iframe anyway), forms posted
 * only here, and no MIME sniffing.
 */
function pageHeaders(nonce) {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': `script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`,
  };
}

/**
 * Starts the emulator and the site. `port` / `emulatorPort` 0 pick free ports; a busy preferred port
 * falls back to a free one.
 */
export async function startDemo({
  port = 8090,
  emulatorPort = 8091,
  host = '127.0.0.1',
  credential = TEST_CREDENTIALS.interactive,
  currentCredential = TEST_CREDENTIALS.encrypted,
} = {}) {
  const emulator = await startEmulator({ port: emulatorPort, host }).catch(() => startEmulator({ port: 0, host }));
  const captcha = createCaptchaClient({ secretId: credential.secretId, secretKey: credential.secretKey, endpoint: emulator.endpoint });

  async function page(request, response, clientType) {
    const nonce = randomBytes(16).toString('base64');
    let scriptUrl;
    let error;
    try {
      // A fresh, single-use script URL for every page view.
      scriptUrl = await captcha.getScriptUrl({ clientType, userIp: userIp(request), isHttps: 0 });
    } catch (failure) {
      error = `The captcha service could not be reached (${failure.message}).`;
    }
    response.writeHead(200, pageHeaders(nonce));
    response.end(loginPage({ clientType, scriptUrl, nonce, error, emulatorHost: new URL(emulator.origin).host }));
  }

  /**
   * The current API (captcha 2.0) needs no script URL from the server: the page names the app. Its app
   * has the forced CaptchaAppId check on, so every page view carries a fresh aidEncrypted minted here.
   */
  function currentPage(response) {
    const nonce = randomBytes(16).toString('base64');
    const { aidEncrypted } = encryptCaptchaAppId({ captchaAppId: currentCredential.appId, appSecretKey: currentCredential.appSecretKey, lifetimeSeconds: 600 });
    response.writeHead(200, pageHeaders(nonce));
    response.end(
      loginPage({
        clientType: 'pc',
        nonce,
        emulatorHost: new URL(emulator.origin).host,
        current: { appId: currentCredential.appId, src: `${emulator.origin}${CURRENT_SCRIPT_PATH}`, aidEncrypted },
      }),
    );
  }

  /**
   * One verifier for both pages' APIs: the pc and mobile pages' legacy tickets go to CaptchaCheck, the
   * current page's to DescribeCaptchaResult (its form says which, in the `api` field).
   */
  const verifier = createCaptchaVerifier({
    legacy: { secretId: credential.secretId, secretKey: credential.secretKey, endpoint: emulator.endpoint },
    current: {
      secretId: currentCredential.secretId,
      secretKey: currentCredential.secretKey,
      captchaAppId: currentCredential.appId,
      appSecretKey: currentCredential.appSecretKey,
      resultEndpoint: emulator.origin,
    },
    fields: { api: 'api' },
  });
  const requireSolvedCaptcha = requireCaptcha(verifier);
  /** A fresh aidEncrypted for the current page's prepare (a retry, a refresh or an expiry after the first). */
  const aidEndpoint = aidEncryptedHandler({ captchaAppId: currentCredential.appId, appSecretKey: currentCredential.appSecretKey, lifetimeSeconds: 600 });

  /** The login: the guard refuses anything without a passing captcha (403 and a small JSON body); then the account. */
  function login(request, response) {
    requireSolvedCaptcha(request, response, (error) => {
      const reply = (status, body) => response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
      if (error) return reply(500, { ok: false, message: 'The login failed. Please try again.' });
      const { username, password } = request.body;
      if (typeof username !== 'string' || !username || typeof password !== 'string' || !password) {
        return reply(400, { ok: false, message: 'Enter a username and a password.' });
      }
      return reply(200, { ok: true, message: `Welcome, ${username}! The server verified your captcha ticket.` });
    });
  }

  // Every request is answered and none can take the process down: a bad one is a 4xx, a bug a 500.
  const site = createServer(async (request, response) => {
    let pathname;
    try {
      ({ pathname } = new URL(request.url ?? '/', 'http://demo'));
    } catch {
      return response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request target');
    }
    try {
      if (request.method === 'GET' && pathname === '/') return await page(request, response, 'pc');
      if (request.method === 'GET' && pathname === '/mobile') return await page(request, response, 'mobile');
      if (request.method === 'GET' && pathname === '/current') return currentPage(response);
      if (request.method === 'POST' && pathname === '/login') return login(request, response);
      if (request.method === 'GET' && pathname === '/captcha/aid') return aidEndpoint(request, response);
      const cdnFile = request.method === 'GET' && CDN_PATH.exec(pathname)?.[1];
      if (cdnFile) {
        const body = await readFile(new URL(cdnFile, CDN_DIR)).catch(() => undefined);
        if (!body) return response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
        return response.end(body);
      }
      if (pathname === '/favicon.ico') return response.writeHead(204).end();
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    } catch {
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Demo error');
    }
  });
  site.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const sitePort = await listen(site, port, host).catch(() => listen(site, 0, host));
  const origin = `http://${host}:${sitePort}`;
  return {
    origin,
    emulator,
    close: async () => {
      site.closeAllConnections();
      await new Promise((resolve) => site.close(resolve));
      await emulator.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const demo = await startDemo({ port: Number(process.env.PORT ?? 8090) });
  console.log(`\n  t-captcha demo:   ${demo.origin}/   (mobile: ${demo.origin}/mobile, current API: ${demo.origin}/current)`);
  console.log(`  captcha emulator: ${demo.emulator.endpoint}\n  Stop with Ctrl+C.\n`);
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
