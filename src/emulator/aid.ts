import { createDecipheriv } from 'node:crypto';

/** What the page passed with `new TencentCaptcha(…)` for an app with the forced CaptchaAppId check. */
export interface AidInput {
  aidEncrypted?: unknown;
  aidEncryptedType?: unknown;
  aidEncryptedAad?: unknown;
}

/** A little clock skew between the business server and Tencent's, no more. */
const SKEW_SECONDS = 30;

/**
 * Why Tencent's forced check ("CaptchaAppid 强制校验") would refuse this `aidEncrypted` for the app,
 * or undefined when it is good: decrypted with the app's AppSecretKey (repeated to 32 bytes), it must
 * read `<appId>&<unix seconds>&<lifetime>`, be for this app, issued no later than now, and still live.
 * Written from the documented format, independently of `encryptCaptchaAppId`, so each checks the other.
 */
export function refuseAid(input: AidInput, app: { appId: string; appSecretKey: string }, nowSeconds: number): string | undefined {
  const { aidEncrypted, aidEncryptedType = 'cbc', aidEncryptedAad } = input;
  if (typeof aidEncrypted !== 'string' || !aidEncrypted) return 'aidEncrypted is missing: this app has the forced CaptchaAppId check on';
  if (aidEncryptedType !== 'cbc' && aidEncryptedType !== 'gcm') return 'aidEncryptedType must be cbc or gcm';
  const secret = Buffer.from(app.appSecretKey, 'utf8');
  const key = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) key[i] = secret[i % secret.length];
  const sealed = Buffer.from(aidEncrypted, 'base64');
  let plaintext: string;
  try {
    if (aidEncryptedType === 'cbc') {
      const decipher = createDecipheriv('aes-256-cbc', key, sealed.subarray(0, 16));
      plaintext = Buffer.concat([decipher.update(sealed.subarray(16)), decipher.final()]).toString('utf8');
    } else {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      if (typeof aidEncryptedAad === 'string' && aidEncryptedAad) decipher.setAAD(Buffer.from(aidEncryptedAad, 'base64'));
      plaintext = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString('utf8');
    }
  } catch {
    return 'aidEncrypted could not be decrypted with this app\'s AppSecretKey';
  }
  const match = /^(\d+)&(\d+)&(\d+)$/.exec(plaintext);
  if (!match) return 'aidEncrypted does not read appid&seconds&lifetime';
  const [, appId, issued, lifetime] = match.map(Number);
  if (String(match[1]) !== app.appId || !appId) return 'aidEncrypted is for another CaptchaAppId';
  if (lifetime < 1 || lifetime > 86_400) return 'aidEncrypted has a lifetime outside 1 to 86400 seconds';
  if (issued > nowSeconds + SKEW_SECONDS) return 'aidEncrypted was issued in the future';
  if (nowSeconds > issued + lifetime) return 'aidEncrypted has expired: mint a fresh one per page view';
  return undefined;
}
