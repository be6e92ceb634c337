import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EmulatorCredential } from './credentials.js';

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/**
 * Checks a request signed with TC3-HMAC-SHA256, the way Tencent Cloud API 3.0 does (and its SDKs
 * sign): canonical request, string to sign, keys derived from "TC3" + SecretKey, date and service.
 */
export function verifyTc3(
  request: IncomingMessage,
  url: URL,
  body: string,
  apps: ReadonlyMap<string, EmulatorCredential>,
  nowMs: number,
  windowSeconds: number,
): { app: EmulatorCredential } | { error: string; message: string } {
  const match = AUTHORIZATION.exec(String(request.headers.authorization ?? ''));
  if (!match) return { error: 'AuthFailure.InvalidAuthorization', message: 'no TC3-HMAC-SHA256 Authorization header' };
  const [, secretId, date, service, signedHeaders, signature] = match;
  const app = apps.get(secretId);
  if (!app) return { error: 'AuthFailure.SecretIdNotFound', message: 'unknown SecretId' };
  const timestamp = Number(request.headers['x-tc-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > windowSeconds) {
    return { error: 'AuthFailure.SignatureExpire', message: `X-TC-Timestamp is more than ${windowSeconds} s away from now` };
  }
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) {
    return { error: 'AuthFailure.SignatureFailure', message: 'the credential date is not the timestamp date' };
  }
  const headerValue = (name: string) => {
    const value = String(request.headers[name] ?? '');
    // The SDKs sign the host name without the port.
    return name === 'host' ? value.replace(/:\d+$/, '') : value.trim();
  };
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => `${name}:${headerValue(name)}\n`)
    .join('');
  const canonicalRequest = [request.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, sha256Hex(body)].join('\n');
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${app.secretKey}`, date), service), 'tc3_request');
  const expected = Buffer.from(createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { error: 'AuthFailure.SignatureFailure', message: 'signature does not match' };
  }
  return { app };
}
