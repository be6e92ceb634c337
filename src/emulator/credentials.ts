/** How the emulator's challenge behaves for an app. */
export type EmulatorMode = 'interactive' | 'always-pass' | 'always-fail';

export interface EmulatorCredential {
  secretId: string;
  secretKey: string;
  /** The captcha app: `aid` of script URLs, `CaptchaAppId` of DescribeCaptchaResult. */
  appId: string;
  /** The app's own key, checked by DescribeCaptchaResult (`AppSecretKey`). */
  appSecretKey: string;
  mode: EmulatorMode;
  /** Tencent's forced CaptchaAppId check ("CaptchaAppid 强制校验") is on: every page must pass a good `aidEncrypted`. */
  aidRequired?: boolean;
}

/**
 * Credentials the emulator knows out of the box (documented in the README). They work only
 * against the emulator; Tencent knows none of them.
 */
export const TEST_CREDENTIALS = {
  /** A real slider puzzle that a person (or a test that drags) solves. */
  interactive: { secretId: 'AKIDtcaptchaEmulatorDemo', secretKey: 'tcaptcha-emulator-demo-key', appId: '2000000001', appSecretKey: 'emulator-app-secret-demo', mode: 'interactive' },
  /** One click on the captcha passes; CaptchaCheck accepts the ticket (once). */
  alwaysPass: { secretId: 'AKIDtcaptchaAlwaysPass', secretKey: 'tcaptcha-always-pass-key', appId: '2000000002', appSecretKey: 'emulator-app-secret-pass', mode: 'always-pass' },
  /** One click on the captcha gives a ticket; CaptchaCheck always rejects it (5100). */
  alwaysFail: { secretId: 'AKIDtcaptchaAlwaysFail', secretKey: 'tcaptcha-always-fail-key', appId: '2000000003', appSecretKey: 'emulator-app-secret-fail', mode: 'always-fail' },
  /**
   * The slider puzzle, with the forced CaptchaAppId check on: the current API's captcha starts only with
   * a fresh `aidEncrypted` minted under this AppSecretKey (`encryptCaptchaAppId`).
   */
  encrypted: { secretId: 'AKIDtcaptchaEncrypted', secretKey: 'tcaptcha-encrypted-key', appId: '2000000004', appSecretKey: 'emulator-app-secret-encrypted', mode: 'interactive', aidRequired: true },
} as const satisfies Record<string, EmulatorCredential>;
