import { createCipheriv, randomBytes } from 'node:crypto';

/** The longest lifetime Tencent accepts for an `aidEncrypted` (vendor contract §5.3). */
export const MAX_AID_LIFETIME_SECONDS = 86_400;
const KEY_BYTES = 32;

export interface EncryptCaptchaAppIdOptions {
  /** The CaptchaAppId (the element's `app-id`). */
  captchaAppId: number | string;
  /** The app's AppSecretKey, from the captcha console. */
  appSecretKey: string;
  /** How long the page may use it, 1 to 86,400 seconds. Default 300. */
  lifetimeSeconds?: number;
  /** `cbc` (default) or `gcm`. */
  mode?: 'cbc' | 'gcm';
  /** GCM only: additional authenticated data, at most 128 bytes; handed to the page Base64 encoded. */
  aad?: string | Uint8Array;
  /** The Unix time to put in it (seconds); default now. Never in the future. */
  now?: number;
}

/** What the page passes on: the element's `aid-encrypted`, `aid-encrypted-type` and `aid-encrypted-aad`. */
export interface EncryptedCaptchaAppId {
  aidEncrypted: string;
  aidEncryptedType: 'cbc' | 'gcm';
  aidEncryptedAad?: string;
}

/** The AppSecretKey as an AES-256 key: shorter ones are repeated from their start up to 32 bytes. */
function keyOf(appSecretKey: string): Buffer {
  const bytes = Buffer.from(appSecretKey, 'utf8');
  if (bytes.length >= KEY_BYTES) return bytes.subarray(0, KEY_BYTES);
  return Buffer.alloc(KEY_BYTES, bytes);
}

/**
 * Mints an `aidEncrypted` for one page view, as Tencent's "CaptchaAppid 强制校验" needs once it is
 * switched on: `<CaptchaAppId>&<unix seconds>&<lifetime>` encrypted with AES-256 under the app's
 * AppSecretKey, with a fresh random IV every call. CBC: `Base64(IV ‖ ciphertext)`; GCM:
 * `Base64(IV ‖ ciphertext ‖ tag)`. A bad input is a TypeError that names it.
 */
export function encryptCaptchaAppId(options: EncryptCaptchaAppIdOptions): EncryptedCaptchaAppId {
  const { captchaAppId, appSecretKey, lifetimeSeconds = 300, mode = 'cbc', aad, now = Math.floor(Date.now() / 1000) } = options ?? ({} as EncryptCaptchaAppIdOptions);
  const appId = String(captchaAppId ?? '');
  if (!/^\d{1,20}$/.test(appId)) throw new TypeError(`encryptCaptchaAppId: captchaAppId must be the app's number, not ${JSON.stringify(captchaAppId)}.`);
  if (typeof appSecretKey !== 'string' || !appSecretKey) throw new TypeError('encryptCaptchaAppId: appSecretKey must be the app\'s AppSecretKey (a non-empty string).');
  if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 1 || lifetimeSeconds > MAX_AID_LIFETIME_SECONDS) {
    throw new TypeError(`encryptCaptchaAppId: lifetimeSeconds must be a whole number from 1 to ${MAX_AID_LIFETIME_SECONDS}, not ${String(lifetimeSeconds)}.`);
  }
  if (mode !== 'cbc' && mode !== 'gcm') throw new TypeError(`encryptCaptchaAppId: mode must be 'cbc' or 'gcm', not ${JSON.stringify(mode)}.`);
  if (!Number.isInteger(now) || now < 0 || now > Date.now() / 1000 + 1) throw new TypeError('encryptCaptchaAppId: now must be a Unix time in seconds, not in the future.');
  let aadBytes: Buffer | undefined;
  if (aad !== undefined) {
    if (mode !== 'gcm') throw new TypeError("encryptCaptchaAppId: aad is for mode 'gcm' only.");
    if (typeof aad !== 'string' && !(aad instanceof Uint8Array)) throw new TypeError('encryptCaptchaAppId: aad must be a string or bytes.');
    aadBytes = Buffer.from(aad);
    if (aadBytes.length > 128) throw new TypeError(`encryptCaptchaAppId: aad is at most 128 bytes, not ${aadBytes.length}.`);
  }
  const plaintext = Buffer.from(`${appId}&${now}&${lifetimeSeconds}`, 'utf8');
  const key = keyOf(appSecretKey);
  if (mode === 'cbc') {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    return { aidEncrypted: Buffer.concat([iv, cipher.update(plaintext), cipher.final()]).toString('base64'), aidEncryptedType: 'cbc' };
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aadBytes) cipher.setAAD(aadBytes);
  const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return {
    aidEncrypted: sealed.toString('base64'),
    aidEncryptedType: 'gcm',
    ...(aadBytes && { aidEncryptedAad: aadBytes.toString('base64') }),
  };
}
