import { encryptCaptchaAppId, type EncryptCaptchaAppIdOptions } from './aid.js';
import type { Verification } from './verifier.js';

/** What a guard tells the client: why, in a word, and a sentence that leaks nothing of the site's keys. */
export interface RefusalBody {
  error: 'captcha';
  reason: Verification['reason'];
  message: string;
}

const PUBLIC_MESSAGES: Record<number, string> = {
  400: 'The captcha fields are missing or malformed.',
  403: 'The captcha was not solved. Please solve it again.',
  408: 'The request body took too long.',
  413: 'The request body is too large.',
  415: 'The request body is not a form or JSON.',
  502: 'The captcha could not be verified.',
  503: 'The captcha service is unavailable. Please try again shortly.',
};

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
/** Per status, made once: a guard under load answers thousands of refusals a second. */
const HEADERS_OF: Record<number, Readonly<Record<string, string>>> = {
  // The body was not (all) read: the connection cannot carry another request.
  408: Object.freeze({ ...JSON_HEADERS, Connection: 'close' }),
  413: Object.freeze({ ...JSON_HEADERS, Connection: 'close' }),
  503: Object.freeze({ ...JSON_HEADERS, 'Retry-After': '5' }),
};
const DEFAULT_HEADERS = Object.freeze({ ...JSON_HEADERS });

/** The status, headers (shared: copy before changing them) and JSON body a guard answers a refused request with. */
export function refusalOf(verification: Verification): { status: number; headers: Readonly<Record<string, string>>; body: RefusalBody } {
  return {
    status: verification.status,
    headers: HEADERS_OF[verification.status] ?? DEFAULT_HEADERS,
    body: { error: 'captcha', reason: verification.reason, message: PUBLIC_MESSAGES[verification.status] ?? PUBLIC_MESSAGES[403] },
  };
}

/** For fetch-style frameworks (Hono, Next.js, SvelteKit, Nuxt, Deno, Bun): the refusal as a `Response`. */
export function captchaRefusal(verification: Verification): Response {
  const { status, headers, body } = refusalOf(verification);
  return new Response(JSON.stringify(body), { status, headers: { ...headers } });
}

/**
 * A fresh `aidEncrypted` for one page view, as the element's `prepare` fetches it: JSON of
 * `encryptCaptchaAppId`'s result and `Cache-Control: no-store` (a cached one would expire, and be
 * the same for every visitor).
 */
export function aidEncryptedAnswer(options: EncryptCaptchaAppIdOptions): { status: 200; headers: Record<string, string>; body: string } {
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    body: JSON.stringify(encryptCaptchaAppId(options)),
  };
}

/** `aidEncryptedAnswer` as a `Response`, for fetch-style frameworks. */
export function aidEncryptedResponse(options: EncryptCaptchaAppIdOptions): Response {
  const { status, headers, body } = aidEncryptedAnswer(options);
  return new Response(body, { status, headers });
}
