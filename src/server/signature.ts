import { createHmac } from 'node:crypto';

/** Tencent Cloud API v2 signature methods; HMAC-SHA1 is the default when `SignatureMethod` is absent. */
export type SignatureMethod = 'HmacSHA1' | 'HmacSHA256';

export type Params = Record<string, string | number>;

/**
 * The string Tencent Cloud's v2 API signs: method, host, path, `?`, then every parameter except
 * `Signature`, sorted by name, as raw (not URL-encoded) `key=value` pairs joined with `&`; an
 * underscore in a parameter name is written as `.` (sorted by the name as sent, as Tencent's SDK does).
 */
export function stringToSign(method: string, host: string, path: string, params: Params): string {
  const query = Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${key.replace(/_/g, '.')}=${params[key]}`)
    .join('&');
  return `${method.toUpperCase()}${host}${path}?${query}`;
}

/** Base64 HMAC of `text` with the SecretKey (not yet URL-encoded). */
export function sign(text: string, secretKey: string, method: SignatureMethod = 'HmacSHA1'): string {
  const algorithm = method === 'HmacSHA256' ? 'sha256' : 'sha1';
  return createHmac(algorithm, secretKey).update(text, 'utf8').digest('base64');
}

/**
 * Signs a GET request's parameters for `url` (its host and path); returns them with `Signature`.
 * `SignatureMethod` always names the method actually used (a stray one in `params` cannot contradict it).
 */
export function signRequest(url: URL, params: Params, secretKey: string, method: SignatureMethod = 'HmacSHA1'): Params {
  const { SignatureMethod: _ignored, Signature: _unsigned, ...rest } = params;
  const all: Params = method === 'HmacSHA256' ? { ...rest, SignatureMethod: 'HmacSHA256' } : rest;
  return { ...all, Signature: sign(stringToSign('GET', url.host, url.pathname, all), secretKey, method) };
}
