import { randomInt } from 'node:crypto';
import { CaptchaApiError, CaptchaNetworkError } from './errors.js';
import { signRequest, type Params, type SignatureMethod } from './signature.js';
import { DEFAULT_TIMEOUT_MS, fetchJson } from './transport.js';

export { DEFAULT_TIMEOUT_MS, MAX_ANSWER_BYTES } from './transport.js';

/** Tencent's legacy captcha API endpoint (vendor contract §4). */
export const DEFAULT_ENDPOINT = 'https://csec.api.qcloud.com/v2/index.php';
/** The "ticket is not valid" answer of CaptchaCheck. */
export const TICKET_REJECTED = 5100;

const CLIENT_TYPE_CODES = { mobile: 1, pc: 2, app: 4 } as const;

export interface CaptchaClientOptions {
  secretId: string;
  secretKey: string;
  /** Default: Tencent's real endpoint. Point it at the emulator for development and tests. */
  endpoint?: string;
  signatureMethod?: SignatureMethod;
  timeoutMs?: number;
  /** The `Region` common parameter. Default `gz`. */
  region?: string;
}

/** Extra API parameters are passed through as they are. */
type Extra = Record<string, string | number | undefined>;

export interface ScriptUrlRequest extends Extra {
  clientType: keyof typeof CLIENT_TYPE_CODES;
  /** The user's IP address, as your server sees it; CaptchaCheck must be given the same. */
  userIp: string;
  captchaType?: number;
  disturbLevel?: number;
  /** 1 when the page is served over https (the default). */
  isHttps?: 0 | 1;
  accountType?: number;
  appId?: string;
  uid?: string;
  businessId?: string;
  sceneId?: string;
}

export interface VerifyRequest extends Extra {
  ticket: string;
  userIp: string;
  /** Sent when given; the emulator checks that it matches the ticket. */
  randstr?: string;
  captchaType?: number;
  businessId?: string;
  sceneId?: string;
  uid?: string;
}

export interface VerifyResult {
  /** Only this decides whether the user passed. */
  passed: boolean;
  /** The API's `code`: 0 passed, 5100 the ticket is not valid. */
  code: number;
  message: string;
}

interface ApiAnswer {
  code: number;
  codeDesc?: string;
  message?: string;
  url?: string;
}

/** Defaults the legacy API expects (the values Tencent's own samples use). */
const QUERY_DEFAULTS = { captchaType: 9, disturbLevel: 1, isHttps: 1 };

export interface CaptchaClient {
  /** `CaptchaIframeQuery`: a fresh, single-use script URL for one page view. */
  getScriptUrl(request: ScriptUrlRequest): Promise<string>;
  /** `CaptchaCheck`: whether a ticket is good. Throws `CaptchaApiError` / `CaptchaNetworkError` otherwise. */
  verifyTicket(request: VerifyRequest): Promise<VerifyResult>;
}

export function createCaptchaClient(options: CaptchaClientOptions): CaptchaClient {
  const { secretId, secretKey, signatureMethod = 'HmacSHA1', timeoutMs = DEFAULT_TIMEOUT_MS, region = 'gz' } = options;
  if (!secretId || !secretKey) throw new TypeError('createCaptchaClient needs a secretId and a secretKey.');
  if (signatureMethod !== 'HmacSHA1' && signatureMethod !== 'HmacSHA256') {
    throw new TypeError(`signatureMethod must be HmacSHA1 or HmacSHA256, not ${String(signatureMethod)}.`);
  }
  const endpoint = new URL(options.endpoint ?? DEFAULT_ENDPOINT);

  async function call(action: string, params: Extra): Promise<ApiAnswer> {
    const common: Params = {
      Action: action,
      Region: region,
      SecretId: secretId,
      Timestamp: Math.floor(Date.now() / 1000),
      // 48 random bits (randomInt's limit), still a safe integer: collisions, and spurious 4500s, stay out of reach.
      Nonce: randomInt(1, 2 ** 48 - 1),
    };
    const defined = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as Params;
    const signed = signRequest(endpoint, { ...defined, ...common }, secretKey, signatureMethod);
    const url = new URL(endpoint);
    for (const [key, value] of Object.entries(signed)) url.searchParams.set(key, String(value));
    const answer = (await fetchJson(action, url, {}, timeoutMs)) as Partial<ApiAnswer>;
    if (typeof answer.code !== 'number') {
      throw new CaptchaNetworkError(action, `${endpoint.host} answered without a code`, { kind: 'malformed' });
    }
    return answer as ApiAnswer;
  }

  const describe = (answer: ApiAnswer) => answer.message || answer.codeDesc || '';

  return {
    async getScriptUrl({ clientType, ...rest }) {
      const code = Object.hasOwn(CLIENT_TYPE_CODES, clientType) ? CLIENT_TYPE_CODES[clientType] : undefined;
      if (!code) throw new TypeError(`clientType must be one of ${Object.keys(CLIENT_TYPE_CODES).join(', ')}, not ${String(clientType)}.`);
      const answer = await call('CaptchaIframeQuery', { ...QUERY_DEFAULTS, ...rest, clientType: code });
      if (answer.code !== 0) throw new CaptchaApiError('CaptchaIframeQuery', answer.code, describe(answer));
      if (!answer.url) throw new CaptchaNetworkError('CaptchaIframeQuery', 'the answer carried no url');
      return answer.url;
    },
    async verifyTicket(request) {
      if (typeof request.ticket !== 'string' || !request.ticket) {
        return { passed: false, code: TICKET_REJECTED, message: 'no ticket' };
      }
      const answer = await call('CaptchaCheck', { captchaType: QUERY_DEFAULTS.captchaType, ...request });
      if (answer.code === 0 || answer.code === TICKET_REJECTED) {
        return { passed: answer.code === 0, code: answer.code, message: describe(answer) };
      }
      throw new CaptchaApiError('CaptchaCheck', answer.code, describe(answer));
    },
  };
}
