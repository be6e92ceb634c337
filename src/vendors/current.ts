import { CaptchaFailure } from '../events.js';
import { loadScript, type LoadOptions } from '../loader.js';
import { callVendor, destroyQuietly, field, toTicket, type Vendor, type VendorOutcome, type VendorSession } from './vendor.js';

export interface CurrentSettings {
  appId: string;
  /** `popup` (default) opens with `show()`; `embed` renders in the element's box. */
  type: 'popup' | 'embed';
  userLanguage?: string;
  darkMode: boolean;
  bizState?: unknown;
  /** Tencent's disaster-recovery advice: a synthetic ticket when the script cannot load. */
  fallback: boolean;
}

interface TencentCaptchaInstance {
  show(): void;
  destroy(): void;
  getTicket?(): unknown;
}
type TencentCaptchaConstructor = new (...args: unknown[]) => TencentCaptchaInstance;

const constructorOf = () => (globalThis as { TencentCaptcha?: TencentCaptchaConstructor }).TencentCaptcha;
const hasConstructor = () => typeof constructorOf() === 'function';

function randomRandstr(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `@${Array.from(bytes, (byte) => byte.toString(36).padStart(2, '0')).join('')}`;
}

/** `new TencentCaptcha(...)`: an app id, a popup or an embedded captcha, results with appid and bizState. */
export function currentVendor(src: string, settings: CurrentSettings): Vendor {
  const { appId, type, bizState, fallback } = settings;
  const details = { appid: appId, bizState };
  const fallbackOutcome = (): VendorOutcome => ({
    kind: 'verified',
    ticket: `trerror_1001_${appId}_${Math.floor(Date.now() / 1000)}`,
    randstr: randomRandstr(),
    ...details,
    fallback: true,
  });

  const toOutcome = (result: unknown): VendorOutcome => {
    const errorCode = field(result, 'errorCode');
    if (errorCode !== undefined && errorCode !== null && errorCode !== '' && errorCode !== 0) {
      if (fallback) return fallbackOutcome();
      const message = String(field(result, 'errorMessage') ?? '') || 'the captcha reported an error';
      return { kind: 'failed', failure: new CaptchaFailure('vendor-error', message, errorCode as number | string) };
    }
    const appid = String(field(result, 'appid') ?? appId);
    const resultDetails = { appid, bizState: field(result, 'bizState') ?? bizState };
    if (field(result, 'ret') !== 0) return { kind: 'closed', ...resultDetails };
    const { ticket, randstr } = toTicket(result);
    if (!ticket) return { kind: 'failed', failure: new CaptchaFailure('vendor-error', 'A pass without a ticket') };
    return { kind: 'verified', ticket, randstr, ...resultDetails };
  };

  return {
    usesBox: type === 'embed',
    async load(options: LoadOptions) {
      await loadScript(src, { ...options, isReady: hasConstructor });
      if (!hasConstructor()) throw new CaptchaFailure('vendor-missing', `${src} defined no TencentCaptcha`);
    },
    recover: (failure) =>
      fallback && (failure.code === 'script-load-failed' || failure.code === 'script-timeout') ? fallbackOutcome() : undefined,
    start({ container, onOutcome }) {
      const TencentCaptcha = constructorOf()!;
      let alive = true;
      const callback = (result: unknown) => {
        if (alive) onOutcome(toOutcome(result));
      };
      const options = {
        type,
        bizState,
        enableDarkMode: settings.darkMode,
        ...(settings.userLanguage ? { userLanguage: settings.userLanguage } : {}),
      };
      const create = () =>
        callVendor('new TencentCaptcha()', () =>
          type === 'embed' ? new TencentCaptcha(container, appId, callback, options) : new TencentCaptcha(appId, callback, options),
        );
      let instance = create();
      if (type === 'embed') callVendor('show()', () => instance.show());
      const session: VendorSession = {
        show: () => callVendor('show()', () => instance.show()),
        // The current API has no refresh: a new instance asks the user again.
        refresh() {
          callVendor('destroy()', () => instance.destroy());
          instance = create();
          if (type === 'embed') callVendor('show()', () => instance.show());
        },
        getTicket: () => toTicket(callVendor('getTicket()', () => instance.getTicket?.())),
        destroy() {
          if (!alive) return;
          alive = false;
          destroyQuietly(() => instance.destroy());
        },
      };
      return session;
    },
  };
}
