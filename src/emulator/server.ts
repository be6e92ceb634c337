import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign, stringToSign, type SignatureMethod } from '../server/signature.js';
import { TEST_CREDENTIALS, type EmulatorCredential, type EmulatorMode } from './credentials.js';
import { ExpiringMap } from './expiring.js';
import { refuseAid } from './aid.js';
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

/**
 * A Tencent outage, for testing what a site does in one. It applies to the verification calls only
 * (`CaptchaCheck`, `DescribeCaptchaResult` and the rest of the API); scripts and puzzles keep working.
 */
export type EmulatorFault =
  /** Every answer this much later (ms). */
  | { kind: 'slow'; delayMs: number }
  /** No answer at all: the request stays open until the client gives up. */
  | { kind: 'hang' }
  /** The connection is cut before any answer. */
  | { kind: 'reset' }
  /** An HTTP error status (e.g. 502 from a gateway) with a small HTML body. */
  | { kind: 'status'; status: number }
  /** The API's own internal error: legacy code 6000, current `Error.Code` `InternalError`. */
  | { kind: 'internal-error' }
  /** DescribeCaptchaResult answers `CaptchaCode` 26 (busy); the legacy API answers 6000. */
  | { kind: 'busy' };

export interface Emulator {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** The API endpoint to give `createCaptchaClient({ endpoint })`. */
  endpoint: string;
  /** Starts an outage of the verification API; `undefined` ends it. */
  simulate(fault: EmulatorFault | undefined): void;
  close(): Promise<void>;
}

/** Where the API lives on the emulator, as on Tencent's host. */
export const API_PATH = '/v2/index.php';
const SCRIPT_PATH = '/tcaptcha/TCapIframeApi.js';
const VERIFY_PATH = '/tcaptcha/verify';
/** The current API's scripts, at the paths Tencent serves them from: give one to `<t-captcha src>`. */
export const CURRENT_SCRIPT_PATHS = {
  /** Captcha 2.0, `turing.captcha.qcloud.com/TJCaptcha.js`: Tencent's mainland default. */
  '2.0': '/TJCaptcha.js',
  /** Captcha 1.0, `turing.captcha.qcloud.com/TCaptcha.js`. */
  '1.0': '/TCaptcha.js',
  /** International captcha 3.0, `ca.turing.captcha.qcloud.com/TJNCaptcha-global.js`. */
  '3.0': '/TJNCaptcha-global.js',
} as const;
/** The 2.0 script, Tencent's default for a new customer. */
export const CURRENT_SCRIPT_PATH = CURRENT_SCRIPT_PATHS['2.0'];
const SESSION_PATH = '/tcaptcha/session';
/** The frame script both APIs load before they can render, as Tencent's load theirs from captcha.gtimg.com. */
const FRAME_PATH = '/tcaptcha/frame.js';
const GAP_TOLERANCE_PX = 6;
/** Wrong answers one puzzle takes; each one gets a new gap, and after the last the page needs a new script URL. */
const MAX_ATTEMPTS = 5;
/** Request bodies larger than this are refused (413). */
const MAX_BODY_BYTES = 100_000;
/** Width of the expiry buckets of nonces, puzzles and used tickets. */
const BUCKET_MS = 30_000;
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
  /** Wrong answers so far. */
  attempts: number;
  expires: number;
}

type Answer = { code: number; codeDesc: string; message: string; [key: string]: unknown };
type Refusal = [reason: 'forged' | 'app' | 'expired' | 'used' | 'ip' | 'randstr' | 'mode', message: string];

/**
 * DescribeCaptchaResult's CaptchaCode for each refusal, from Tencent's table (vendor contract §5.6): 1 is
 * a pass; 15 a ticket it cannot read; 13 "verify ip no match" (older lists); 21 risk control, which is
 * what always-fail credentials stand for.
 */
const RESULT_CODES: Record<Refusal[0], number> = { forged: 15, randstr: 7, mode: 21, expired: 8, used: 9, ip: 13, app: 16 };
/** Tencent's disaster-recovery tickets, both spellings of its documents: DescribeCaptchaResult answers 21. */
const DISASTER_TICKET = /^tr?error_/;

const ok = (extra: Record<string, unknown> = {}): Answer => ({ code: 0, codeDesc: 'Success', message: '', ...extra });
const fail = (code: number, codeDesc: string, message: string): Answer => ({ code, codeDesc, message });

class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Collects a small request body; a larger one is a 413, a broken one a 400. */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BadRequest(413, `bodies are limited to ${MAX_BODY_BYTES} bytes`));
        request.removeAllListeners('data');
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => reject(new BadRequest(400, 'the request body broke off')));
  });
}

/** A JSON object from a body, or undefined for anything else (null, arrays, numbers, broken JSON). */
function jsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
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
  // Each expires in time buckets: constant cost per call, memory bounded by what is still live.
  const seenNonces = new ExpiringMap<true>(BUCKET_MS); // `${secretId}:${nonce}`
  const grants = new ExpiringMap<ScriptGrant>(BUCKET_MS); // puzzle token → puzzle
  const usedTickets = new ExpiringMap<true>(BUCKET_MS); // ticket id, until the ticket expires anyway
  const tickets = createTicketSigner();
  let origin = '';

  function forget(now: number): void {
    seenNonces.sweep(now);
    grants.sweep(now);
    usedTickets.sweep(now);
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
    if (seenNonces.has(nonceKey, now)) return fail(4500, 'RequestReplayed', 'Nonce already used');
    seenNonces.set(nonceKey, true, now + 2 * timestampWindowSeconds * 1000);

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
      attempts: 0,
      expires: now + ticketTtlMs,
    };
    grants.set(token, grant, grant.expires);
    return [token, grant];
  }

  function scriptUrlFor(app: EmulatorCredential, params: Record<string, string>, now: number): Answer {
    const missing = ['captchaType', 'disturbLevel', 'isHttps', 'clientType'].filter((key) => !params[key]);
    if (missing.length > 0) return fail(4000, 'InvalidParameter', `missing ${missing.join(', ')}`);
    const clientType = Object.hasOwn(CLIENT_TYPES, params.clientType) ? CLIENT_TYPES[params.clientType] : undefined;
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
    if (usedTickets.has(claims.id, now)) return ['used', 'the ticket was already used'];
    if (claims.userIp !== userIp) return ['ip', 'the user IP does not match the one the captcha was issued for'];
    if (randstr !== undefined && randstr !== claims.randstr) return ['randstr', 'randstr does not match the ticket'];
    usedTickets.set(claims.id, true, claims.expires);
    if (app.mode === 'always-fail') return ['mode', 'always-fail test credentials'];
    return undefined;
  }

  function check(app: EmulatorCredential, params: Record<string, string>, now: number): Answer {
    // Tencent's CaptchaCheck needs the randstr that came with the ticket.
    const missing = ['ticket', 'userIp', 'captchaType', 'randstr'].filter((key) => !params[key]);
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
    const params = jsonObject(body || '{}');
    if (!params) return error('InvalidParameter', 'the body is not a JSON object');
    const missing = ['CaptchaType', 'Ticket', 'UserIp', 'Randstr', 'CaptchaAppId', 'AppSecretKey'].filter((key) => params[key] === undefined || params[key] === '');
    if (missing.length > 0) return error('MissingParameter', `missing ${missing.join(', ')}`);
    const seconds = Math.floor(now / 1000);
    const answer = (CaptchaCode: number, CaptchaMsg: string) => ({
      Response: {
        CaptchaCode,
        CaptchaMsg,
        EvilLevel: CaptchaCode === 21 ? 100 : 0,
        EvilBitmap: 0,
        GetCaptchaTime: seconds,
        SubmitCaptchaTime: seconds,
        DeviceRiskCategory: '',
        RequestId: requestId,
      },
    });
    if (String(params.CaptchaAppId) !== app.appId || params.AppSecretKey !== app.appSecretKey) {
      return answer(100, 'appid-secretkey-ticket mismatch: CaptchaAppId or AppSecretKey does not match');
    }
    if (DISASTER_TICKET.test(String(params.Ticket))) return answer(21, 'diff: a disaster-recovery (trerror) ticket, made by the browser');
    const refusal = judge(app, String(params.Ticket), String(params.UserIp), String(params.Randstr), now);
    return refusal ? answer(RESULT_CODES[refusal[0]], refusal[1]) : answer(1, 'OK');
  }

  function script(url: URL, response: ServerResponse): void {
    const grant = grants.get(url.searchParams.get('token') ?? '', clock());
    response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    if (!grant || grant.served) {
      response.writeHead(403).end('/* this captcha script URL is unknown or was already used: get a new one from CaptchaIframeQuery */');
      return;
    }
    grant.served = true;
    const config = {
      api: 'legacy',
      frameUrl: `${origin}${FRAME_PATH}`,
      verifyUrl: `${origin}${VERIFY_PATH}`,
      token: url.searchParams.get('token'),
      clientType: grant.clientType,
      mode: grant.mode,
      gapX: grant.gapX,
      gapY: grant.gapY,
    };
    response.writeHead(200).end(CHALLENGE_SCRIPT.replace('__TCAPTCHA_CONFIG__', JSON.stringify(config)));
  }

  /** A static script, served with its configuration. */
  function staticScript(response: ServerResponse, config: Record<string, unknown>): void {
    response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(CHALLENGE_SCRIPT.replace('__TCAPTCHA_CONFIG__', JSON.stringify(config)));
  }

  /** A current API's script (1.0, 2.0 or 3.0): not single use (the real ones are static files). */
  function currentScript(response: ServerResponse, family: keyof typeof CURRENT_SCRIPT_PATHS): void {
    staticScript(response, { api: 'current', family, frameUrl: `${origin}${FRAME_PATH}`, sessionUrl: `${origin}${SESSION_PATH}`, verifyUrl: `${origin}${VERIFY_PATH}` });
  }

  /** `TencentCaptcha#show()` asks for a puzzle for its app id; it is bound to the browser's address. */
  function session(request: IncomingMessage, body: string): Record<string, unknown> {
    const input = jsonObject(body);
    if (!input) return { errorCode: 1006, errorMessage: 'bad request' };
    const { appId } = input;
    const app: EmulatorCredential | undefined = credentials.find((credential) => credential.appId === String(appId));
    // Tencent's script reports a refused configuration request as error 1006.
    if (!app) return { errorCode: 1006, errorMessage: `unknown appid ${String(appId)}` };
    const refused = app.aidRequired ? refuseAid(input, app, Math.floor(clock() / 1000)) : undefined;
    if (refused) return { errorCode: 1006, errorMessage: refused };
    const [token, grant] = issueGrant(app, 'pc', (request.socket.remoteAddress ?? '').replace(/^::ffff:/, ''), clock());
    // The current API's script is not a single-use URL: nothing left to serve.
    grant.served = true;
    return { token, gapX: grant.gapX, gapY: grant.gapY, mode: grant.mode };
  }

  /**
   * The user's answer to a puzzle. A solved puzzle yields one ticket and is gone; a wrong answer gets a
   * new gap (the same puzzle never comes back), and after MAX_ATTEMPTS the puzzle is gone too.
   */
  function verify(body: string): Record<string, unknown> {
    const input = jsonObject(body);
    if (!input) return { ret: 'bad-request' };
    const now = clock();
    const token = String(input.token);
    const grant = grants.get(token, now);
    if (!grant) return { ret: 'expired' };
    const solved = grant.mode !== 'interactive' || Math.abs(Number(input.x) - grant.gapX) <= GAP_TOLERANCE_PX;
    if (!solved) {
      grant.attempts += 1;
      if (grant.attempts >= MAX_ATTEMPTS) {
        grants.delete(token);
        return { ret: 'too-many', attempts: grant.attempts };
      }
      // A new gap, far enough from the old one that the old answer cannot solve it.
      const previous = grant.gapX;
      do grant.gapX = randomInt(110, 240);
      while (Math.abs(grant.gapX - previous) <= 2 * GAP_TOLERANCE_PX);
      grant.gapY = randomInt(20, 90);
      return { ret: 'retry', gapX: grant.gapX, gapY: grant.gapY, attemptsLeft: MAX_ATTEMPTS - grant.attempts };
    }
    grants.delete(token);
    // The page may be asked to solve again (a refused ticket, capRefresh): its next puzzle, bound as this one was.
    const app = credentials.find((credential) => credential.appId === grant.appId)!;
    const [nextToken, next] = issueGrant(app, grant.clientType, grant.userIp, now);
    next.served = true;
    const randstr = randomRandstr();
    const ticket = tickets.issue({
      id: randomBytes(9).toString('base64url'),
      appId: grant.appId,
      userIp: grant.userIp,
      randstr,
      expires: clock() + ticketTtlMs,
    });
    return { ret: 0, ticket, randstr, next: { token: nextToken, gapX: next.gapX, gapY: next.gapY } };
  }

  let fault: EmulatorFault | undefined;
  const hanging = new Set<ServerResponse>();

  /** Plays the outage; true when the answer is given (or never will be). */
  async function misbehave(current: EmulatorFault, request: IncomingMessage, response: ServerResponse, json: (status: number, value: unknown) => void): Promise<boolean> {
    const legacy = request.method === 'GET';
    switch (current.kind) {
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, current.delayMs));
        return false;
      case 'hang':
        hanging.add(response);
        response.on('close', () => hanging.delete(response));
        return true;
      case 'reset':
        request.socket.destroy();
        return true;
      case 'status':
        response.writeHead(current.status, { 'Content-Type': 'text/html' }).end(`<html><body><h1>${current.status}</h1></body></html>`);
        return true;
      case 'internal-error':
      case 'busy': {
        if (legacy) json(200, { code: 6000, codeDesc: 'InternalError', message: 'internal error (simulated outage)' });
        else if (current.kind === 'busy') json(200, { Response: { CaptchaCode: 26, CaptchaMsg: 'system busy (simulated outage)', RequestId: randomBytes(8).toString('hex') } });
        else json(200, { Response: { Error: { Code: 'InternalError', Message: 'internal error (simulated outage)' }, RequestId: randomBytes(8).toString('hex') } });
        return true;
      }
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse, json: (status: number, value: unknown) => void): Promise<void> {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://emulator');
    } catch {
      throw new BadRequest(400, 'the request target is not a URL path');
    }
    const apiCall = (request.method === 'GET' && url.pathname === API_PATH) || (request.method === 'POST' && url.pathname === '/' && request.headers['x-tc-action']);
    if (apiCall && fault && (await misbehave(fault, request, response, json))) return;
    if (request.method === 'GET' && url.pathname === API_PATH) return json(200, api(request, url));
    if (request.method === 'GET' && url.pathname === SCRIPT_PATH) return script(url, response);
    const family = Object.entries(CURRENT_SCRIPT_PATHS).find(([, path]) => path === url.pathname)?.[0] as keyof typeof CURRENT_SCRIPT_PATHS | undefined;
    if (request.method === 'GET' && family) return currentScript(response, family);
    if (request.method === 'GET' && url.pathname === FRAME_PATH) return staticScript(response, { api: 'frame' });
    if (request.method === 'POST' && url.pathname === SESSION_PATH) return json(200, session(request, await readBody(request)));
    if (request.method === 'POST' && url.pathname === '/' && request.headers['x-tc-action']) {
      return json(200, describeCaptchaResult(request, url, await readBody(request)));
    }
    if (request.method === 'POST' && url.pathname === VERIFY_PATH) return json(200, verify(await readBody(request)));
    if (request.method === 'GET' && url.pathname === '/') {
      return json(200, { service: 't-captcha emulator', endpoint: `${origin}${API_PATH}` });
    }
    json(404, { code: 4000, codeDesc: 'NotFound', message: `no route ${request.method} ${url.pathname}` });
  }

  // Every request is answered and none can take the process down: a bad one is a 4xx, a bug a 500.
  const server = createServer((request, response) => {
    const json = (status: number, value: unknown) => {
      if (response.headersSent) return;
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
      response.end(JSON.stringify(value));
    };
    route(request, response, json).catch((error: unknown) => {
      const status = error instanceof BadRequest ? error.status : 500;
      const message = error instanceof BadRequest ? error.message : 'internal error';
      if (!response.headersSent) json(status, { code: status === 500 ? 6000 : 4000, codeDesc: status === 500 ? 'InternalError' : 'BadRequest', message });
      else response.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
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
    simulate(next) {
      fault = next;
      if (!next) for (const response of hanging) response.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
