import { CaptchaFailure } from './events.js';

/** One source of truth for the numbers the README documents. */
export const DEFAULT_LOAD_TIMEOUT_MS = 10_000;
export const CLIENT_TYPES = ['pc', 'mobile'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

/** Tencent's current script (vendor contract §5); `src` overrides it (e.g. the overseas one). */
export const CURRENT_SCRIPT_URL = 'https://turing.captcha.qcloud.com/TCaptcha.js';

/** The integration document's viewport tag for mobile pages. */
export const MOBILE_VIEWPORT =
  'initial-scale=1.0, maximum-scale=1.0, minimum-scale=1.0, user-scalable=no, width=device-width';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isClientType(value: unknown): value is ClientType {
  return (CLIENT_TYPES as readonly unknown[]).includes(value);
}

export function checkClientType(value: unknown): ClientType {
  if (isClientType(value)) return value;
  throw new CaptchaFailure(
    'invalid-attribute',
    `client-type="${String(value)}": use one of ${CLIENT_TYPES.join(', ')}.`,
  );
}

/**
 * Returns the absolute script URL, or throws `invalid-src`: only https (and http on loopback,
 * for development), and only the listed hosts when the page gave an allow-list.
 */
export function checkScriptSrc(src: string, allowedHosts: readonly string[], base: string): string {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    throw new CaptchaFailure('invalid-src', `src="${src}" is not a URL.`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new CaptchaFailure(
      'invalid-src',
      `src must be https: (http: on localhost only), not ${url.protocol}`,
    );
  }
  if (allowedHosts.length > 0 && !allowedHosts.includes(url.host) && !allowedHosts.includes(url.hostname)) {
    throw new CaptchaFailure(
      'invalid-src',
      `${url.host} is not in allowed-hosts (${allowedHosts.join(' ')}).`,
    );
  }
  return url.href;
}
