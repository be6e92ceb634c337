import type { IncomingMessage } from 'node:http';
import { createCaptchaClient, type CaptchaClient } from './client.js';
import { CaptchaApiError, CaptchaNetworkError } from './errors.js';
import { clientIp, compileTrust, platformClientIp, type ProxyHeader, type TrustProxy } from './ip.js';
import { createMemoryReplayStore, replayKey, type ReplayStore } from './replay.js';
import { CaptchaRequestError, readNodeBody, readWebBody, type BodyLimits, type ParsedBody } from './request.js';
import { decideFallback, parseFallbackTicket, verifyCaptchaResult, type CaptchaResult, type CaptchaResultReason, type FallbackTicket } from './result.js';
import type { SignatureMethod } from './signature.js';

export type CaptchaApi = 'legacy' | 'current';

/** What counts as Tencent being down: never an answer that says the ticket is bad. */
export type OutageCause = 'timeout' | 'network' | 'http-5xx' | 'internal-error' | 'busy' | 'replay-store';

export interface Outage {
  api: CaptchaApi;
  cause: OutageCause;
  /** The error behind it (a `CaptchaNetworkError`, `CaptchaApiError`, or the replay store's). */
  error?: unknown;
  /** For a disaster-recovery ticket whose replay check failed. */
  fallback?: FallbackTicket;
}

/**
 * What an outage means for the user: `'reject'` (the default: nobody passes while Tencent is down),
 * `'accept'` (everybody does), or a function deciding each one (a literal `true` accepts).
 */
export type OutagePolicy = 'reject' | 'accept' | ((outage: Outage) => boolean | Promise<boolean>);

export type VerificationReason =
  | CaptchaResultReason
  /** CaptchaCheck answered 5100: the legacy ticket is not valid. */
  | 'rejected'
  | 'missing-ticket'
  /** A disaster-recovery ticket that already passed once (on any server sharing the replay store). */
  | 'fallback-replayed'
  | 'outage-accepted'
  | 'outage-rejected'
  /** Tencent refused the call itself (bad keys, bad parameters, a 4xx): the site's configuration, not the user. */
  | 'api-error'
  | CaptchaRequestError['reason'];

export interface Verification {
  passed: boolean;
  reason: VerificationReason;
  /** The API that decided (for a fallback ticket: the current one, decided locally). */
  api: CaptchaApi;
  message: string;
  /**
   * What an HTTP guard answers when it refuses: 403 for a ticket that did not pass, 503 for an outage
   * under `onOutage: 'reject'`, 502 for `api-error`, 400/408/413/415 for a request that could not be
   * read. 200 when passed.
   */
  status: 200 | 400 | 403 | 408 | 413 | 415 | 502 | 503;
  /** The address sent to Tencent. */
  userIp?: string;
  /** DescribeCaptchaResult's `CaptchaCode`, or CaptchaCheck's `code`. */
  code?: number;
  evilLevel?: number;
  /** The rest of DescribeCaptchaResult's answer, when it gave one. */
  result?: CaptchaResult;
  fallback?: FallbackTicket;
  outage?: Outage;
  /** For `api-error`: the error. */
  error?: unknown;
}

/** `fromRequest`'s answer: the verification and the body as read (the form's other fields are there). */
export interface RequestVerification extends Verification {
  body?: ParsedBody;
}

export interface VerifyInput {
  ticket: string;
  randstr?: string;
  userIp: string;
  /** Which API issued the ticket, when both are configured and the page says so. */
  api?: CaptchaApi;
}

export interface CaptchaVerifierOptions {
  /** `CaptchaCheck` (the legacy API): the captcha app's SecretId / SecretKey. */
  legacy?: { secretId: string; secretKey: string; endpoint?: string; signatureMethod?: SignatureMethod; region?: string };
  /** `DescribeCaptchaResult` (the current API): the account's API keys and the app's id and key. */
  current?: {
    secretId: string;
    secretKey: string;
    captchaAppId: number | string;
    appSecretKey: string;
    /** DescribeCaptchaResult's address; default Tencent's. */
    resultEndpoint?: string;
    region?: string;
    captchaType?: number;
  };
  /** Per call to Tencent. Default 5,000 ms. */
  timeoutMs?: number;
  /** Default `'reject'`. */
  onOutage?: OutagePolicy;
  /** Disaster-recovery tickets (current API): as `verifyCaptchaResult`'s; default: they do not pass. */
  acceptFallback?: boolean | ((fallback: FallbackTicket) => boolean);
  /** Default 300. */
  fallbackMaxAgeSeconds?: number;
  /** Where accepted fallback tickets are remembered; default this process's memory. */
  replayStore?: ReplayStore;
  /** `fromRequest`: whose forwarded headers to believe. Default `false`. */
  trustProxy?: TrustProxy;
  /** `fromRequest`: the header the trusted proxies write. Default `'x-forwarded-for'`. */
  proxyHeader?: ProxyHeader;
  /** `fromRequest`: the body's field names. Default the element's: `ticket`, `randstr`; `api` is read only when named. */
  fields?: { ticket?: string; randstr?: string; api?: string };
  /** `fromRequest`. Default 65,536. */
  maxBodyBytes?: number;
  /** `fromRequest`. Default 10,000 ms. */
  bodyTimeoutMs?: number;
}

export interface FromRequestOptions {
  /** The peer's address, for a web `Request` (which carries none): as the framework gives it. */
  remoteAddress?: string;
  /** A body the framework already parsed (Fastify's `request.body`, Koa's `ctx.request.body`). */
  body?: unknown;
}

export interface CaptchaVerifier {
  /** One verification. Resolves for every answer of Tencent (never a pass unless Tencent or a policy said so); throws only a TypeError for bad input types. */
  verify(input: VerifyInput): Promise<Verification>;
  /** Reads the ticket, randstr and client IP from a request and verifies them. Never throws for what a client sent. */
  fromRequest(request: Request | IncomingMessage, options?: FromRequestOptions): Promise<RequestVerification>;
}

const STATUS_OF: Partial<Record<VerificationReason, Verification['status']>> = {
  passed: 200,
  'fallback-accepted': 200,
  'outage-accepted': 200,
  'outage-rejected': 503,
  'api-error': 502,
  'missing-ticket': 400,
};

const isWebRequest = (request: unknown): request is Request => typeof Request !== 'undefined' && request instanceof Request;

/** The outage an error is, or undefined when it is none (anything saying the ticket or the call is bad). */
export function outageOf(error: unknown): Exclude<OutageCause, 'replay-store'> | undefined {
  if (error instanceof CaptchaNetworkError) {
    if (error.kind === 'timeout') return 'timeout';
    if (error.kind === 'network') return 'network';
    if (error.kind === 'http' && error.status !== undefined && error.status >= 500) return 'http-5xx';
    return undefined;
  }
  if (error instanceof CaptchaApiError) {
    if (error.code === 6000 || (typeof error.code === 'string' && /^InternalError(\.|$)/.test(error.code))) return 'internal-error';
  }
  return undefined;
}

/**
 * One verifier for both of Tencent's APIs: `CaptchaCheck` for legacy tickets, `DescribeCaptchaResult`
 * for current ones (and its disaster-recovery tickets, decided locally and accepted at most once per
 * replay store), with one answer shape, an outage policy, and a request reader that finds the real
 * client IP behind the site's proxies.
 */
export function createCaptchaVerifier(options: CaptchaVerifierOptions): CaptchaVerifier {
  if (typeof options !== 'object' || options === null) throw new TypeError('createCaptchaVerifier needs options: { legacy } and/or { current }.');
  const { legacy, current, timeoutMs, onOutage = 'reject', acceptFallback, fallbackMaxAgeSeconds, proxyHeader = 'x-forwarded-for' } = options;
  if (!legacy && !current) throw new TypeError('createCaptchaVerifier needs the credentials of at least one API: { legacy: { secretId, secretKey } } or { current: { secretId, secretKey, captchaAppId, appSecretKey } }.');
  if (current) {
    for (const key of ['secretId', 'secretKey', 'appSecretKey'] as const) {
      if (typeof current[key] !== 'string' || !current[key]) throw new TypeError(`createCaptchaVerifier: current.${key} must be a non-empty string.`);
    }
    if (!/^\d{1,20}$/.test(String(current.captchaAppId))) throw new TypeError(`createCaptchaVerifier: current.captchaAppId must be the app's number, not ${JSON.stringify(current.captchaAppId)}.`);
    if (current.resultEndpoint !== undefined) new URL(current.resultEndpoint);
  }
  if (onOutage !== 'reject' && onOutage !== 'accept' && typeof onOutage !== 'function') {
    throw new TypeError(`createCaptchaVerifier: onOutage must be 'reject', 'accept' or a function, not ${JSON.stringify(onOutage)}.`);
  }
  if (proxyHeader !== 'x-forwarded-for' && proxyHeader !== 'forwarded') {
    throw new TypeError(`createCaptchaVerifier: proxyHeader must be 'x-forwarded-for' or 'forwarded', not ${JSON.stringify(proxyHeader)}.`);
  }
  const client: CaptchaClient | undefined = legacy && createCaptchaClient({ ...legacy, timeoutMs });
  const store = options.replayStore ?? createMemoryReplayStore();
  if (typeof store?.remember !== 'function') throw new TypeError('createCaptchaVerifier: replayStore must have a remember(key, ttlSeconds) method.');
  const { trustProxy } = options;
  const trusts = compileTrust(trustProxy);
  const fields = { ticket: 'ticket', randstr: 'randstr', ...options.fields };
  const limits: BodyLimits = { maxBodyBytes: options.maxBodyBytes ?? 65_536, bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000 };

  // Fills in the status on the object it is given (each is fresh): no copy per verification.
  const finish = (verification: Omit<Verification, 'status'> & { status?: Verification['status'] }): Verification => {
    verification.status ??= STATUS_OF[verification.reason] ?? (verification.passed ? 200 : 403);
    return verification as Verification;
  };

  async function outage(detail: Outage, userIp: string): Promise<Verification> {
    let accepted = onOutage === 'accept';
    if (typeof onOutage === 'function') {
      try {
        accepted = (await onOutage({ ...detail })) === true;
      } catch {
        accepted = false;
      }
    }
    const what = detail.cause === 'replay-store' ? 'the replay store failed' : `Tencent's ${detail.api === 'legacy' ? 'CaptchaCheck' : 'DescribeCaptchaResult'} is unavailable (${detail.cause})`;
    return finish({
      passed: accepted,
      reason: accepted ? 'outage-accepted' : 'outage-rejected',
      api: detail.api,
      message: `${what}; onOutage ${accepted ? 'accepted' : 'refused'} the ticket`,
      userIp,
      outage: detail,
      fallback: detail.fallback,
    });
  }

  async function failure(error: unknown, api: CaptchaApi, userIp: string): Promise<Verification> {
    const cause = outageOf(error);
    if (cause) return outage({ api, cause, error }, userIp);
    const message = error instanceof Error ? error.message : String(error);
    return finish({ passed: false, reason: 'api-error', api, message, userIp, error });
  }

  async function verifyCurrent(ticket: string, randstr: string, userIp: string): Promise<Verification> {
    const app = current!;
    const fallback = parseFallbackTicket(ticket);
    if (fallback) {
      const { replayableForSeconds, ...decision } = decideFallback(fallback, { captchaAppId: app.captchaAppId, randstr, acceptFallback, fallbackMaxAgeSeconds });
      const base = { api: 'current' as const, userIp, fallback, result: decision };
      if (!decision.passed) return finish({ ...base, passed: false, reason: decision.reason, message: decision.message, code: 0 });
      let first: boolean;
      try {
        first = (await store.remember(replayKey(ticket), replayableForSeconds)) === true;
      } catch (error) {
        return outage({ api: 'current', cause: 'replay-store', error, fallback }, userIp);
      }
      if (!first) return finish({ ...base, passed: false, reason: 'fallback-replayed', message: 'disaster-recovery ticket already used', code: 0 });
      return finish({ ...base, passed: true, reason: 'fallback-accepted', message: decision.message, code: 0 });
    }
    try {
      const result = await verifyCaptchaResult({
        secretId: app.secretId,
        secretKey: app.secretKey,
        captchaAppId: app.captchaAppId,
        appSecretKey: app.appSecretKey,
        endpoint: app.resultEndpoint,
        region: app.region,
        captchaType: app.captchaType,
        timeoutMs,
        ticket,
        randstr,
        userIp,
      });
      if (result.captchaCode === 26) return outage({ api: 'current', cause: 'busy' }, userIp);
      return finish({ passed: result.passed, reason: result.reason, api: 'current', message: result.message, userIp, code: result.captchaCode, evilLevel: result.evilLevel, result });
    } catch (error) {
      return failure(error, 'current', userIp);
    }
  }

  async function verifyLegacy(ticket: string, randstr: string, userIp: string): Promise<Verification> {
    try {
      const result = await client!.verifyTicket({ ticket, randstr: randstr || undefined, userIp });
      return finish({ passed: result.passed, reason: result.passed ? 'passed' : 'rejected', api: 'legacy', message: result.message, userIp, code: result.code });
    } catch (error) {
      return failure(error, 'legacy', userIp);
    }
  }

  async function verify(input: VerifyInput): Promise<Verification> {
    if (typeof input !== 'object' || input === null) throw new TypeError('verify needs { ticket, randstr, userIp }.');
    const { ticket, randstr = '', userIp, api } = input;
    if (typeof ticket !== 'string' || typeof randstr !== 'string') throw new TypeError('verify: ticket and randstr must be strings.');
    if (typeof userIp !== 'string' || !userIp) throw new TypeError("verify: userIp must be the user's IP address (Tencent compares it with the captcha's).");
    if (api !== undefined && api !== 'legacy' && api !== 'current') throw new TypeError(`verify: api must be 'legacy' or 'current', not ${JSON.stringify(api)}.`);
    const fallback = parseFallbackTicket(ticket) !== undefined;
    const chosen: CaptchaApi = api ?? (fallback || !legacy ? 'current' : !current ? 'legacy' : 'current');
    if (!ticket) return finish({ passed: false, reason: 'missing-ticket', api: chosen, message: 'no ticket', userIp });
    if (chosen === 'legacy' && !legacy) return finish({ passed: false, reason: 'api-error', status: 400, api: chosen, message: 'this verifier has no legacy credentials', userIp });
    if (chosen === 'current' && !current) return finish({ passed: false, reason: 'api-error', status: 400, api: chosen, message: 'this verifier has no current credentials', userIp });
    if (chosen === 'legacy') return verifyLegacy(ticket, randstr, userIp);
    const verification = await verifyCurrent(ticket, randstr, userIp);
    // Both APIs, no word from the page: a ticket DescribeCaptchaResult cannot read or place is the legacy API's.
    if (legacy && api === undefined && !fallback && (verification.code === 15 || verification.code === 16)) return verifyLegacy(ticket, randstr, userIp);
    return verification;
  }

  async function fromRequest(request: Request | IncomingMessage, { remoteAddress, body: parsed }: FromRequestOptions = {}): Promise<RequestVerification> {
    const web = isWebRequest(request);
    const peer = web ? remoteAddress : (remoteAddress ?? request?.socket?.remoteAddress);
    const raw = web ? request.headers.get(proxyHeader) : request?.headers?.[proxyHeader];
    const header = Array.isArray(raw) ? raw.join(',') : (raw ?? undefined);
    // A platform that gives no peer address (a serverless edge) but writes the header itself: trustProxy hops from its entry.
    const platform = web && remoteAddress === undefined && typeof trustProxy === 'number' && trustProxy >= 1;
    if (web && remoteAddress === undefined && !platform) {
      throw new TypeError("fromRequest: a web Request carries no peer address: pass the framework's as fromRequest(request, { remoteAddress }) (or, on a platform whose edge writes X-Forwarded-For itself, set trustProxy to its number of proxies).");
    }
    const userIp = platform ? platformClientIp(header, proxyHeader, trustProxy) : clientIp(peer, header, proxyHeader, trusts);
    if (!userIp) return finish({ passed: false, reason: 'bad-request', status: 400, api: current ? 'current' : 'legacy', message: 'the client address is unknown' });
    let body: ParsedBody;
    try {
      body = web ? await readWebBody(request, limits) : await readNodeBody(request, parsed ?? (request as { body?: unknown }).body, limits);
    } catch (error) {
      if (!(error instanceof CaptchaRequestError)) throw error;
      return finish({ passed: false, reason: error.reason, status: error.status, api: current ? 'current' : 'legacy', message: error.message, userIp });
    }
    const field = (name: string | undefined) => (name === undefined || !Object.hasOwn(body, name) ? undefined : body[name]);
    const ticket = field(fields.ticket) ?? '';
    const randstr = field(fields.randstr) ?? '';
    const api = field(fields.api);
    if (typeof ticket !== 'string' || typeof randstr !== 'string' || (api !== undefined && api !== 'legacy' && api !== 'current')) {
      return { ...finish({ passed: false, reason: 'bad-request', status: 400, api: current ? 'current' : 'legacy', message: `${fields.ticket}, ${fields.randstr}${fields.api ? ` and ${fields.api}` : ''} must be strings${fields.api ? ` (${fields.api}: legacy or current)` : ''}`, userIp }), body };
    }
    if (ticket.length > 4096 || randstr.length > 256) {
      return { ...finish({ passed: false, reason: 'bad-request', status: 400, api: current ? 'current' : 'legacy', message: 'the ticket or randstr is too long to be one', userIp }), body };
    }
    const verification: RequestVerification = await verify({ ticket, randstr, userIp, api: api as CaptchaApi | undefined });
    verification.body = body;
    return verification;
  }

  return { verify, fromRequest };
}
