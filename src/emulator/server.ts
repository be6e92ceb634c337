import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign, stringToSign, type SignatureMethod } from '../server/signature.js';
import { TEST_CREDENTIALS, type EmulatorCredential, type EmulatorMode } from './credentials.js';
import { verifyTc3 } from './tc3.js';
import { createTicketSigner, randomRandstr } from './tickets.js';

export interface EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Known apps; default: the three `TEST_CREDENTIALS`. */
  credentials?: readonly EmulatorCredential[];
  /** How long a ticket stays valid. Default 5 minutes. */
  ticketTtlMs?: number;
  /** How far a request's Timestamp may be from now. Default 300 s. */
  timestampWindowSeconds?: number;
  /** The emulator's clock (Unix ms); tests move it to expire tickets without waiting. */
  now?: () => number;
}

export interface Emulator {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** The API endpoint to give `createCaptchaClient({ endpoint })`. */
  endpoint: string;
  close(): Promise<void>;
}

/** Where the API lives on the emulator, as on Tencent's host. */
export const API_PATH = '/v2/index.php';
const SCRIPT_PATH = '/tcaptcha/TCapIframeApi.js';
const VERIFY_PATH = '/tcaptcha/verify';
/** The current API's script, as `turing.captcha.qcloud.com/TCaptcha.js`: give it to `<t-captcha src>`. */
export const CURRENT_SCRIPT_PATH = '/TCaptcha.js';
const SESSION_PATH = '/tcaptcha/session';
const GAP_TOLERANCE_PX = 6;
const CLIENT_TYPES: Record<string, 'mobile' | 'pc' | 'app'> = { '1': 'mobile', '2': 'pc', '4': 'app' };

const CHALLENGE_SCRIPT = readFileSync(new URL('./challenge.browser.js', import.meta.url), 'utf8');

interface ScriptGrant {
  appId: string;
  mode: EmulatorMode;
  clientType: 'mobile' | 'pc' | 'app';
  userIp: string;
  gapX: number;
  gapY: number;
  served: boolean;
  expires: number;
}

type Answer = { code: number; codeDesc: string; message: string; [key: string]: unknown };
type Refusal = [reason: 'forged' | 'app' | 'expired' | 'used' | 'ip' | 'randstr' | 'mode', message: string];

/** DescribeCaptchaResult's CaptchaCode for each refusal (1 is a pass). */
const RESULT_CODES: Record<Refusal[0], number> = { forged: 7, randstr: 7, mode: 7, expired: 6, used: 9, ip: 10, app: 16 };

const ok = (extra: Record<string, unknown> = {}): Answer => ({ code: 0, codeDesc: 'Success', message: '', ...extra });
const fail = (code: number, codeDesc: string, message: string): Answer => ({ code, codeDesc, message });

/** Collects a small request body, then hands it over. */
function readBody(request: IncomingMessage, then: (body: string) => void): void {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => {
    body += chunk;
    if (body.length > 100_000) request.destroy();
  });
  request.on('end', () => then(body));
}

/**
 * An offline stand-in for Tencent's legacy captcha service: the v2 API (`CaptchaIframeQuery`,
 * `CaptchaCheck`, with signatures, replay and parameter checks) and the browser script it hands out.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const {
    port = 0,
    host = '127.0.0.1',
    credentials = Object.values(TEST_CREDENTIALS),
    ticketTtlMs = 5 * 60_000,
    timestampWindowSeconds = 300,
    now: clock = Date.now,
  } = options;
  const apps = new Map(credentials.map((credential) => [credential.secretId, credential]));
  const seenNonces = new Map<string, number>(); // `${secretId}:${nonce}` → expiry (ms)
  const grants = new Map<string, ScriptGrant>();
  const usedTickets = new Set<string>();
  const tickets = createTicketSigner();
  let origin = '';

  function forget(now: number): void {
    for (const [key, expiry] of seenNonces) if (expiry < now) seenNonces.delete(key);
    for (const [token, grant] of grants) if (grant.expires < now) grants.delete(token);
  }

  function api(request: IncomingMessage, url: URL): Answer {
    const now = clock();
    forget(now);
    const params = Object.fromEntries(url.searchParams);
    const missing = ['Action', 'SecretId', 'Timestamp', 'Nonce', 'Signature'].filter((key) => !params[key]);
    if (missing.length > 0) return fail(4000, 'InvalidParameter', `missing ${missing.join(', ')}`);
    const app = apps.get(params.SecretId);
    if (!app) return fail(4100, 'AuthFailure', 'unknown SecretId');
    const method = (params.SignatureMethod ?? 'HmacSHA1') as SignatureMethod;
    if (method !== 'HmacSHA1' && method !== 'HmacSHA256') return fail(4000, 'InvalidParameter', 'unknown SignatureMethod');
    const expected = Buffer.from(sign(stringToSign('GET', request.headers.host ?? '', API_PATH, params), app.secretKey, method));
    const given = Buffer.from(params.Signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return fail(4100, 'AuthFailure', 'signature does not match');
    }
    const timestamp = Number(params.Timestamp);
    if (!Number.isFinite(timestamp) || Math.abs(now / 1000 - timestamp) > timestampWindowSeconds) {
      return fail(4500, 'RequestReplayed', `Timestamp is more than ${timestampWindowSeconds} s away from now`);
    }
    const nonceKey = `${app.secretId}:${params.Nonce}`;
    if (seenNonces.has(nonceKey)) return fail(4500, 'RequestReplayed', 'Nonce already used');
    seenNonces.set(nonceKey, now + 2 * timestampWindowSeconds * 1000);

    switch (params.Action) {
      case 'CaptchaIframeQuery':
        return scriptUrlFor(app, params, now);
      case 'CaptchaCheck':
        return check(app, params, now);
      default:
        return fail(4000, 'InvalidAction', `unknown Action ${params.Action}`);
    }
  }

  /** A puzzle for one page view: its gap, bound to the app and the user's address, valid for the ticket lifetime. */
  function issueGrant(app: EmulatorCredential, clientType: ScriptGrant['clientType'], userIp: string, now: number): [string, ScriptGrant] {
    const token = randomBytes(16).toString('base64url');
    const grant: ScriptGrant = {
      appId: app.appId,
      mode: app.mode,
      clientType,
      userIp,
      gapX: randomInt(110, 240),
      gapY: randomInt(20, 90),
      served: false,
      expires: now + ticketTtlMs,
    };
    grants.set(token, grant);
    return [token, grant];
  }

  function scriptUrlFor(app: EmulatorCredential, params: Record<string, string>, now: number): Answer {
    const missing = ['captchaType', 'disturbLevel', 'isHttps', 'clientType'].filter((key) => !params[key]);
    if (missing.length > 0) return fail(4000, 'InvalidParameter', `missing ${missing.join(', ')}`);
    const clientType = CLIENT_TYPES[params.clientType];
    if (!clientType) return fail(4000, 'InvalidParameter', 'clientType must be 1 (mobile), 2 (pc) or 4 (app)');
    const [token] = issueGrant(app, clientType, params.userIp ?? '', now);
    const asig = randomBytes(12).toString('base64url');
    return ok({ url: `${origin}${SCRIPT_PATH}?aid=${app.appId}&token=${token}&asig=${asig}` });
  }

  /** Why a ticket is refused, the same for both APIs; undefined when it passes (it is then used up). */
  function judge(app: EmulatorCredential, ticket: string, userIp: string, randstr: string | undefined, now: number): Refusal | undefined {
    const claims = tickets.read(ticket);
    if (!claims) return ['forged', 'the ticket was not issued by this service'];
    if (claims.appId !== app.appId) return ['app', 'the ticket belongs to another app'];
    if (claims.expires < now) return ['expired', 'the ticket has expired'];
    if (usedTickets.has(claims.id)) return ['used', 'the ticket was already used'];
    if (claims.userIp !== userIp) return ['ip', 'the user IP does not match the one the captcha was issued for'];
    if (randstr !== undefined && randstr !== claims.randstr) return ['randstr', 'randstr does not match the ticket'];
    usedTickets.add(claims.id);
    if (app.mode === 'always-fail') return ['mode', 'always-fail test credentials'];
    return undefined;
  }

  function check(app: EmulatorCredential, params: Record<string, string>, now: number): Answer {
    const missing = ['ticket', 'userIp', 'captchaType'].filter((key) => !params[key]);
    if (missing.length > 0) return fail(4000, 'InvalidParameter', `missing ${missing.join(', ')}`);
    const refusal = judge(app, params.ticket, params.userIp, params.randstr, now);
    return refusal ? fail(5100, 'TicketInvalid', refusal[1]) : ok();
  }

  /** DescribeCaptchaResult (current API), signed with TC3-HMAC-SHA256 as Tencent's SDK does. */
  function describeCaptchaResult(request: IncomingMessage, url: URL, body: string): Record<string, unknown> {
    const now = clock();
    const requestId = randomBytes(8).toString('hex');
    const error = (Code: string, Message: string) => ({ Response: { Error: { Code, Message }, RequestId: requestId } });
    const checked = verifyTc3(request, url, body, apps, now, timestampWindowSeconds);
    if ('error' in checked) return error(checked.error, checked.message);
    const { app } = checked;
    if (request.headers['x-tc-action'] !== 'DescribeCaptchaResult') {
      return error('InvalidAction', `unknown action ${String(request.headers['x-tc-action'])}`);
    }
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(body || '{}');
    } catch {
      return error('InvalidParameter', 'the body is not JSON');
    }
    const missing = ['CaptchaType', 'Ticket', 'UserIp', 'Randstr', 'CaptchaAppId', 'AppSecretKey'].filter((key) => params[key] === undefined || params[key] === '');
    if (missing.length > 0) return error('MissingParameter', `missing ${missing.join(', ')}`);
    const answer = (CaptchaCode: number, CaptchaMsg: string) => ({
      Response: { CaptchaCode, CaptchaMsg, EvilLevel: 0, GetCaptchaTime: 0, RequestId: requestId },
    });
    if (String(params.CaptchaAppId) !== app.appId || params.AppSecretKey !== app.appSecretKey) {
      return answer(100, 'CaptchaAppId or AppSecretKey does not match');
    }
    const refusal = judge(app, String(params.Ticket), String(params.UserIp), String(params.Randstr), now);
    return refusal ? answer(RESULT_CODES[refusal[0]], refusal[1]) : answer(1, 'OK');
  }

  function script(url: URL, response: ServerResponse): void {
    const grant = grants.get(url.searchParams.get('token') ?? '');
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    if (!grant || grant.served) {
      response.writeHead(403).end('/* this captcha script URL is unknown or was already used: get a new one from CaptchaIframeQuery */');
      return;
    }
    grant.served = true;
    const config = {
      api: 'legacy',
      verifyUrl: `${origin}${VERIFY_PATH}`,
      token: url.searchParams.get('token'),
      clientType: grant.clientType,
      mode: grant.mode,
      gapX: grant.gapX,
      gapY: grant.gapY,
    };
    response.writeHead(200).end(CHALLENGE_SCRIPT.replace('__TCAPTCHA_CONFIG__', JSON.stringify(config)));
  }

  /** The current API's script: not single use (the real one is a static file). */
  function currentScript(response: ServerResponse): void {
    const config = { api: 'current', sessionUrl: `${origin}${SESSION_PATH}`, verifyUrl: `${origin}${VERIFY_PATH}` };
    response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(CHALLENGE_SCRIPT.replace('__TCAPTCHA_CONFIG__', JSON.stringify(config)));
  }

  /** `TencentCaptcha#show()` asks for a puzzle for its app id; it is bound to the browser's address. */
  function session(request: IncomingMessage, body: string): Record<string, unknown> {
    let appId: unknown;
    try {
      appId = JSON.parse(body).appId;
    } catch {
      return { errorCode: 1001, errorMessage: 'bad request' };
    }
    const app = credentials.find((credential) => credential.appId === String(appId));
    if (!app) return { errorCode: 10, errorMessage: `unknown appid ${String(appId)}` };
    const [token, grant] = issueGrant(app, 'pc', (request.socket.remoteAddress ?? '').replace(/^::ffff:/, ''), clock());
    // The current API's script is not a single-use URL: nothing left to serve.
    grant.served = true;
    return { token, gapX: grant.gapX, gapY: grant.gapY, mode: grant.mode };
  }

  function verify(body: string): Record<string, unknown> {
    let input: { token?: unknown; x?: unknown };
    try {
      input = JSON.parse(body);
    } catch {
      return { ret: 'bad-request' };
    }
    const grant = grants.get(String(input.token));
    if (!grant) return { ret: 'expired' };
    const solved = grant.mode !== 'interactive' || Math.abs(Number(input.x) - grant.gapX) <= GAP_TOLERANCE_PX;
    if (!solved) return { ret: 'retry' };
    const randstr = randomRandstr();
    const ticket = tickets.issue({
      id: randomBytes(9).toString('base64url'),
      appId: grant.appId,
      userIp: grant.userIp,
      randstr,
      expires: clock() + ticketTtlMs,
    });
    return { ret: 0, ticket, randstr };
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
      response.end(JSON.stringify(value));
    };
    if (request.method === 'GET' && url.pathname === API_PATH) return json(200, api(request, url));
    if (request.method === 'GET' && url.pathname === SCRIPT_PATH) return script(url, response);
    if (request.method === 'GET' && url.pathname === CURRENT_SCRIPT_PATH) return currentScript(response);
    if (request.method === 'POST' && url.pathname === SESSION_PATH) {
      readBody(request, (body) => json(200, session(request, body)));
      return;
    }
    if (request.method === 'POST' && url.pathname === '/' && request.headers['x-tc-action']) {
      readBody(request, (body) => json(200, describeCaptchaResult(request, url, body)));
      return;
    }
    if (request.method === 'POST' && url.pathname === VERIFY_PATH) {
      readBody(request, (body) => json(200, verify(body)));
      return;
    }
    if (request.method === 'GET' && url.pathname === '/') {
      return json(200, { service: 't-captcha emulator', endpoint: `${origin}${API_PATH}` });
    }
    json(404, { code: 4000, codeDesc: 'NotFound', message: `no route ${request.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    origin,
    endpoint: `${origin}${API_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
