import { CaptchaApiError, CaptchaNetworkError } from './errors.js';

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
   * A disaster-recovery ticket (`trerror_…`, made when the captcha script could not load) is never
   * sent to Tencent. It passes only when this says so: `true`, or a function of the ticket's facts.
   * Default: it does not pass.
   */
  acceptFallback?: boolean | ((fallback: FallbackTicket) => boolean);
  /** A fallback ticket older than this does not pass, whatever `acceptFallback` says. Default 300. */
  fallbackMaxAgeSeconds?: number;
}

export interface FallbackTicket {
  /** Tencent's error code in the ticket (1001: the script could not load). */
  errorCode: number;
  appId: string;
  /** When the browser made it up (its own clock). */
  issuedAt: Date;
}

export interface CaptchaResult {
  passed: boolean;
  /** `CaptchaCode`: 1 passed; other values say why not. 0 for a fallback ticket. */
  captchaCode: number;
  message: string;
  /** `EvilLevel` (0 or 100) when the API gave one. */
  evilLevel?: number;
  /** Present for a disaster-recovery ticket, which was not sent to Tencent. */
  fallback?: FallbackTicket;
}

/** The facts of a disaster-recovery ticket `trerror_<code>_<appId>_<unix seconds>`, or undefined. */
export function parseFallbackTicket(ticket: string): FallbackTicket | undefined {
  const match = /^trerror_(\d+)_([^_]+)_(\d+)$/.exec(ticket);
  if (!match) return undefined;
  return { errorCode: Number(match[1]), appId: match[2], issuedAt: new Date(Number(match[3]) * 1000) };
}

interface SdkModule {
  CommonClient: new (
    endpoint: string,
    version: string,
    config: {
      credential: { secretId: string; secretKey: string };
      region?: string;
      profile?: { httpProfile?: { endpoint?: string; protocol?: string; reqTimeout?: number } };
    },
  ) => { request(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> };
}

async function loadSdk(): Promise<SdkModule> {
  try {
    return (await import('tencentcloud-sdk-nodejs-common')) as unknown as SdkModule;
  } catch {
    throw new Error('verifyCaptchaResult needs the optional peer dependency tencentcloud-sdk-nodejs-common: npm install tencentcloud-sdk-nodejs-common');
  }
}

/**
 * `DescribeCaptchaResult` for tickets of the current `TencentCaptcha` API, through Tencent's official
 * SDK client (TC3-HMAC-SHA256). Disaster-recovery tickets are recognised and decided locally.
 */
export async function verifyCaptchaResult(request: CaptchaResultRequest): Promise<CaptchaResult> {
  const fallback = parseFallbackTicket(request.ticket);
  if (fallback) {
    const ageSeconds = (Date.now() - fallback.issuedAt.getTime()) / 1000;
    const fresh = ageSeconds <= (request.fallbackMaxAgeSeconds ?? 300) && ageSeconds >= -60;
    const sameApp = fallback.appId === String(request.captchaAppId);
    const { acceptFallback = false } = request;
    const accepted = typeof acceptFallback === 'function' ? acceptFallback(fallback) : acceptFallback;
    const passed = fresh && sameApp && accepted;
    const why = !sameApp ? 'for another app' : !fresh ? 'too old' : accepted ? 'accepted' : 'not accepted (acceptFallback)';
    return { passed, captchaCode: 0, message: `disaster-recovery ticket ${why}`, fallback };
  }
  const { CommonClient } = await loadSdk();
  const endpoint = new URL(request.endpoint ?? RESULT_ENDPOINT);
  const client = new CommonClient(endpoint.host, API_VERSION, {
    credential: { secretId: request.secretId, secretKey: request.secretKey },
    region: request.region ?? '',
    profile: {
      httpProfile: {
        endpoint: endpoint.host,
        protocol: `${endpoint.protocol}//`,
        reqTimeout: Math.max(1, Math.ceil((request.timeoutMs ?? 5000) / 1000)),
      },
    },
  });
  let answer: Record<string, unknown>;
  try {
    answer = await client.request('DescribeCaptchaResult', {
      CaptchaType: request.captchaType ?? 9,
      Ticket: request.ticket,
      UserIp: request.userIp,
      Randstr: request.randstr,
      CaptchaAppId: Number(request.captchaAppId),
      AppSecretKey: request.appSecretKey,
    });
  } catch (error) {
    const { code, message = '' } = error as { code?: string; message?: string };
    if (code) throw new CaptchaApiError('DescribeCaptchaResult', code, message);
    const timedOut = /timeout|abort/i.test(message);
    throw new CaptchaNetworkError('DescribeCaptchaResult', timedOut ? 'no answer in time' : `could not reach ${endpoint.host}`, { timedOut });
  }
  const captchaCode = Number(answer.CaptchaCode);
  return {
    passed: captchaCode === PASSED,
    captchaCode,
    message: String(answer.CaptchaMsg ?? ''),
    ...(typeof answer.EvilLevel === 'number' ? { evilLevel: answer.EvilLevel } : {}),
  };
}
