import { CaptchaApiError, CaptchaNetworkError } from './errors.js';
import { signTc3 } from './tc3.js';
import { DEFAULT_TIMEOUT_MS, fetchJson } from './transport.js';

/** The current API's verification service (vendor contract §5). */
export const RESULT_ENDPOINT = 'https://captcha.tencentcloudapi.com';
const API_VERSION = '2019-07-22';
const PASSED = 1;

export interface CaptchaResultRequest {
  secretId: string;
  secretKey: string;
  /** The CaptchaAppId of the captcha (the element's `app-id`). */
  captchaAppId: number | string;
  /** The app's own key, from the captcha console (not the API secret). */
  appSecretKey: string;
  ticket: string;
  randstr: string;
  userIp: string;
  /** Default 9. */
  captchaType?: number;
  /** Default Tencent's; e.g. the emulator's `origin`. */
  endpoint?: string;
  region?: string;
  timeoutMs?: number;
  /**
   * A disaster-recovery ticket (`terror_…`, built by Tencent's script when it failed, or by the element
   * when the script could not load) is never sent to Tencent. It passes only when this says so: `true`,
   * or a function of the ticket's facts (its `errorCode` among them) that returns `true`. Default: it
   * does not pass. Such tickets are made in the browser and replayable within their age: rate-limit them.
   */
  acceptFallback?: boolean | ((fallback: FallbackTicket) => boolean);
  /** A fallback ticket older than this does not pass, whatever `acceptFallback` says. Default 300. */
  fallbackMaxAgeSeconds?: number;
}

export interface FallbackTicket {
  /** How the ticket spells its prefix: Tencent's documents write both. */
  prefix: 'terror' | 'trerror';
  /** Tencent's error code in the ticket (1001: the script could not load). */
  errorCode: number;
  appId: string;
  /** When the browser made it up (its own clock). */
  issuedAt: Date;
}

/**
 * Why a result did not pass, named from Tencent's `CaptchaCode` (vendor contract §5.6), or `passed`.
 * `fallback-*` are the local decisions on a disaster-recovery ticket, which never goes to Tencent.
 */
export type CaptchaResultReason =
  | 'passed'
  | 'randstr-mismatch'
  | 'expired'
  | 'reused'
  | 'ip-mismatch'
  | 'undecryptable'
  | 'app-mismatch'
  | 'disaster-ticket'
  | 'risk-control'
  | 'key-mismatch'
  | 'busy'
  | 'other'
  | 'fallback-accepted'
  | 'fallback-refused';

/** `CaptchaCode` → reason; 21 is split by the ticket (a disaster ticket or Tencent's risk control). */
const REASONS: Record<number, CaptchaResultReason> = {
  1: 'passed',
  6: 'randstr-mismatch',
  7: 'randstr-mismatch',
  8: 'expired',
  9: 'reused',
  13: 'ip-mismatch',
  15: 'undecryptable',
  16: 'app-mismatch',
  21: 'risk-control',
  26: 'busy',
  100: 'key-mismatch',
};

export interface CaptchaResult {
  passed: boolean;
  /** What decided it: Tencent's `CaptchaCode` by name, or the fallback rule's decision. */
  reason: CaptchaResultReason;
  /** `CaptchaCode`: 1 passed; other values say why not. 0 for a fallback ticket. */
  captchaCode: number;
  message: string;
  /** `EvilLevel` (0 or 100) when the API gave one. */
  evilLevel?: number;
  /** `EvilBitmap`, Tencent's bitmap of what looked malicious, when given. */
  evilBitmap?: number;
  /** `GetCaptchaTime`: when the captcha was fetched (Unix seconds), when given. */
  getCaptchaTime?: number;
  /** `SubmitCaptchaTime`: when it was submitted (Unix seconds), when given. */
  submitCaptchaTime?: number;
  /** `DeviceRiskCategory`, when given. */
  deviceRiskCategory?: string;
  /** `Score` (newer SDKs), when given. */
  score?: number;
  /** `RequestId` of Tencent's answer, for support requests. */
  requestId?: string;
  /** Present for a disaster-recovery ticket, which was not sent to Tencent. */
  fallback?: FallbackTicket;
}

/** Tencent's documented error codes of the current script (1001 entry script load error … 1014 rate limit). */
const FALLBACK_ERROR_CODES = { min: 1001, max: 1014 };

/**
 * The facts of a disaster-recovery ticket `terror_<errorCode>_<appId>_<unix seconds>[_<sid>]` (the
 * format Tencent's script builds; its documents also write the prefix `trerror_`), or undefined. Only
 * Tencent's documented error codes count.
 */
export function parseFallbackTicket(ticket: string): FallbackTicket | undefined {
  if (typeof ticket !== 'string') return undefined;
  const match = /^(terror|trerror)_(\d{4})_(\d{1,20})_(\d{1,12})(_[\w-]{1,64})?$/.exec(ticket);
  if (!match) return undefined;
  const errorCode = Number(match[2]);
  if (errorCode < FALLBACK_ERROR_CODES.min || errorCode > FALLBACK_ERROR_CODES.max) return undefined;
  return { prefix: match[1] as FallbackTicket['prefix'], errorCode, appId: match[3], issuedAt: new Date(Number(match[4]) * 1000) };
}

/** The fields of DescribeCaptchaResult's answer that are there and of the type Tencent sends. */
function answerFields(answer: Record<string, unknown>): Partial<CaptchaResult> {
  const pick = <T>(key: string, type: 'number' | 'string'): T | undefined => (typeof answer[key] === type ? (answer[key] as T) : undefined);
  const fields: Partial<CaptchaResult> = {
    evilLevel: pick('EvilLevel', 'number'),
    evilBitmap: pick('EvilBitmap', 'number'),
    getCaptchaTime: pick('GetCaptchaTime', 'number'),
    submitCaptchaTime: pick('SubmitCaptchaTime', 'number'),
    deviceRiskCategory: pick('DeviceRiskCategory', 'string'),
    score: pick('Score', 'number'),
    requestId: pick('RequestId', 'string'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** The reason for a `CaptchaCode`; 21 names a disaster ticket when the ticket looks like one. */
export function reasonOf(captchaCode: number, ticket: string): CaptchaResultReason {
  if (captchaCode === 21 && /^tr?error_/.test(ticket)) return 'disaster-ticket';
  return (Object.hasOwn(REASONS, captchaCode) && REASONS[captchaCode]) || 'other';
}

/** How long a fallback ticket stays acceptable after it was made, by default (seconds). */
export const FALLBACK_MAX_AGE_SECONDS = 300;
/** The browser's clock may be this far ahead of the server's (seconds). */
const CLOCK_SKEW_SECONDS = 60;

/**
 * The local decision on a disaster-recovery ticket: fresh, for this app, with an `@` randstr, and
 * accepted by `acceptFallback`. `replayableForSeconds` is how long the same ticket would pass again:
 * what a replay store must remember it for.
 */
export function decideFallback(
  fallback: FallbackTicket,
  request: Pick<CaptchaResultRequest, 'captchaAppId' | 'randstr' | 'acceptFallback' | 'fallbackMaxAgeSeconds'>,
  now = Date.now(),
): CaptchaResult & { replayableForSeconds: number } {
  const maxAge = request.fallbackMaxAgeSeconds ?? FALLBACK_MAX_AGE_SECONDS;
  const ageSeconds = (now - fallback.issuedAt.getTime()) / 1000;
  const fresh = ageSeconds <= maxAge && ageSeconds >= -CLOCK_SKEW_SECONDS;
  const sameApp = fallback.appId === String(request.captchaAppId);
  const randstrOk = typeof request.randstr === 'string' && /^@[\w-]{1,64}$/.test(request.randstr);
  const { acceptFallback = false } = request;
  // Only a literal `true` accepts: "yes" or 1 from a careless rule is a refusal.
  const accepted = fresh && sameApp && randstrOk && (typeof acceptFallback === 'function' ? acceptFallback({ ...fallback }) : acceptFallback) === true;
  const why = !sameApp ? 'for another app' : !fresh ? 'too old' : !randstrOk ? 'without an @ randstr' : accepted ? 'accepted' : 'not accepted (acceptFallback)';
  return {
    passed: accepted,
    reason: accepted ? 'fallback-accepted' : 'fallback-refused',
    captchaCode: 0,
    message: `disaster-recovery ticket ${why}`,
    fallback,
    replayableForSeconds: Math.max(1, Math.ceil(maxAge - ageSeconds)),
  };
}

/**
 * `DescribeCaptchaResult` for tickets of the current `TencentCaptcha` API: Tencent Cloud API 3.0,
 * signed with TC3-HMAC-SHA256 as Tencent's SDKs sign it, sent with the same bounds as the legacy
 * calls (one deadline, no redirects, a 2xx JSON answer of bounded size, or a `CaptchaNetworkError`).
 * An `Error` in the answer is a `CaptchaApiError` with Tencent's code. Disaster-recovery tickets are
 * recognised and decided locally (never sent to Tencent).
 */
export async function verifyCaptchaResult(request: CaptchaResultRequest): Promise<CaptchaResult> {
  const fallback = parseFallbackTicket(request.ticket);
  if (fallback) {
    const { replayableForSeconds: _, ...decision } = decideFallback(fallback, request);
    return decision;
  }
  const { secretId, secretKey } = request;
  if (typeof secretId !== 'string' || !secretId || typeof secretKey !== 'string' || !secretKey) {
    throw new TypeError('verifyCaptchaResult needs the API keys secretId and secretKey (non-empty strings).');
  }
  const url = new URL(request.endpoint ?? RESULT_ENDPOINT);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`verifyCaptchaResult: endpoint must be an http(s) URL, not ${url.protocol}`);
  url.pathname = '/';
  url.search = '';
  const payload = JSON.stringify({
    CaptchaType: request.captchaType ?? 9,
    Ticket: String(request.ticket),
    UserIp: String(request.userIp),
    Randstr: String(request.randstr),
    CaptchaAppId: Number(request.captchaAppId),
    AppSecretKey: request.appSecretKey,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const contentType = 'application/json; charset=utf-8';
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-TC-Action': 'DescribeCaptchaResult',
    'X-TC-Version': API_VERSION,
    'X-TC-Timestamp': String(timestamp),
    Authorization: signTc3({ secretId, secretKey, url, payload, timestamp, contentType }),
  };
  if (request.region) headers['X-TC-Region'] = request.region;
  const envelope = await fetchJson('DescribeCaptchaResult', url, { method: 'POST', headers, body: payload }, request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const answer = envelope.Response as Record<string, unknown> | undefined;
  if (typeof answer !== 'object' || answer === null) {
    throw new CaptchaNetworkError('DescribeCaptchaResult', `${url.host} answered without a Response`, { kind: 'malformed' });
  }
  if (answer.Error !== undefined) {
    const { Code, Message } = (answer.Error ?? {}) as { Code?: unknown; Message?: unknown };
    throw new CaptchaApiError('DescribeCaptchaResult', String(Code ?? 'UnknownError'), String(Message ?? ''));
  }
  // Only the number 1 is a pass: "1", true or [1] are not what Tencent sends.
  const captchaCode = typeof answer?.CaptchaCode === 'number' ? answer.CaptchaCode : Number.NaN;
  return {
    passed: captchaCode === PASSED,
    reason: reasonOf(captchaCode, request.ticket),
    captchaCode,
    message: String(answer?.CaptchaMsg ?? ''),
    ...answerFields(answer ?? {}),
  };
}
