import { createHash, createHmac } from 'node:crypto';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The API's host, e.g. `captcha.tencentcloudapi.com`; its first label is the service. */
  url: URL;
  /** The JSON body, exactly as sent. */
  payload: string;
  /** Unix seconds. */
  timestamp: number;
  contentType: string;
}

/**
 * The `Authorization` header of Tencent Cloud API 3.0 (TC3-HMAC-SHA256), as Tencent's SDKs compute it
 * for a POST of JSON: content-type and host signed, the body hashed, the key derived from "TC3" +
 * SecretKey, the UTC date and the service.
 */
export function signTc3({ secretId, secretKey, url, payload, timestamp, contentType }: Tc3Request): string {
  const service = url.hostname.split('.')[0];
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = ['POST', url.pathname, url.search.slice(1), `content-type:${contentType}\nhost:${url.hostname}\n`, signedHeaders, sha256Hex(payload)].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
