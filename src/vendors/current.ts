import { CaptchaFailure } from '../events.js';
import type { LoadOptions } from '../loader.js';
import { watchForFrame } from './frames.js';
import { callVendor, destroyQuietly, field, loadVendorScript, toTicket, type Vendor, type VendorOutcome, type VendorSession } from './vendor.js';

export interface CurrentSettings {
  appId: string;
  /** `popup` (default) opens with `show()`; `embed` renders in the element's box. */
  type: 'popup' | 'embed';
  userLanguage?: string;
  darkMode: boolean;
  bizState?: unknown;
  /** Tencent's disaster-recovery advice: pass vendor errors on as fallback tickets, and make one when the script cannot load. */
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

/** The error code Tencent's disaster-recovery advice gives a ticket made when TCaptcha.js cannot load. */
const ENTRY_SCRIPT_LOAD_ERROR = 1001;

function randomRandstr(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `@${Array.from(bytes, (byte) => byte.toString(36).padStart(2, '0')).join('')}`;
}

/**
 * The real script queues a `show()` until its frame script has loaded, and `destroy()` does not cancel
 * it: a destroyed session whose show is still queued watches for that frame and destroys it before it
 * is painted. A newer session's `show()` replaces the vendor's page-wide captcha anyway, and stops it.
 */
let stopGhostWatch: (() => void) | undefined;

/** The TCaptcha.js load in flight, whatever its URL: a second copy would throw when it runs. */
let entryLoad: Promise<void> | undefined;

/** `new TencentCaptcha(...)`: an app id, a popup or an embedded captcha, results with appid and bizState. */
export function currentVendor(src: string, settings: CurrentSettings): Vendor {
  const { appId, type, bizState, fallback } = settings;
  const embed = type === 'embed';

  const toOutcome = (result: unknown): VendorOutcome => {
    const appid = String(field(result, 'appid') ?? appId);
    const details = { appid, bizState: field(result, 'bizState') ?? bizState };
    const errorCode = field(result, 'errorCode');
    if (errorCode !== undefined && errorCode !== null && errorCode !== '' && errorCode !== 0) {
      const vendorCode = typeof errorCode === 'number' ? errorCode : String(errorCode);
      const { ticket, randstr } = toTicket(result);
      // The script built its own disaster-recovery ticket (terror_<code>_<appId>_<seconds>): pass it on.
      if (fallback && ticket) return { kind: 'verified', ticket, randstr, ...details, fallback: true, vendorCode };
      const message = String(field(result, 'errorMessage') ?? '') || 'the captcha reported an error';
      return { kind: 'failed', failure: new CaptchaFailure('vendor-error', message, vendorCode) };
    }
    if (field(result, 'ret') !== 0) return { kind: 'closed', ...details };
    const { ticket, randstr } = toTicket(result);
    if (!ticket) return { kind: 'failed', failure: new CaptchaFailure('vendor-error', 'A pass without a ticket') };
    return { kind: 'verified', ticket, randstr, ...details };
  };

  return {
    usesBox: embed,
    startCall: 'show()',
    onDemand: !embed,
    async load(options: LoadOptions) {
      // A second copy of TCaptcha.js throws ("loaded twice"): one already on the page is the one to use.
      while (entryLoad) {
        await entryLoad.catch(() => undefined);
        if (hasConstructor()) return;
      }
      if (hasConstructor()) return;
      const load = loadVendorScript(src, options, hasConstructor, 'TencentCaptcha');
      entryLoad = load;
      try {
        await load;
      } finally {
        if (entryLoad === load) entryLoad = undefined;
      }
    },
    recover: (failure) =>
      fallback && (failure.code === 'script-load-failed' || failure.code === 'script-timeout')
        ? {
            kind: 'verified',
            ticket: `terror_${ENTRY_SCRIPT_LOAD_ERROR}_${appId}_${Math.floor(Date.now() / 1000)}`,
            randstr: randomRandstr(),
            appid: appId,
            bizState,
            fallback: true,
            vendorCode: ENTRY_SCRIPT_LOAD_ERROR,
          }
        : undefined,
    start({ container, onOutcome, onVisible }) {
      const TencentCaptcha = constructorOf()!;
      let alive = true;
      /** The instance whose `show()` has not put its frame on screen yet. */
      let pendingFor: TencentCaptchaInstance | undefined;
      let stopWatching: () => void = () => undefined;
      const frameRoot = embed ? container : document.body;

      const appeared = (shown: TencentCaptchaInstance) => {
        if (pendingFor !== shown) return;
        pendingFor = undefined;
        stopWatching();
        if (alive && shown === current) onVisible();
        else destroyQuietly(() => shown.destroy());
      };
      // The constructor writes into its options (wrapping `ready` again each time): a fresh object per instance.
      const create = (): TencentCaptchaInstance => {
        let created: TencentCaptchaInstance | undefined;
        const options = {
          type,
          bizState,
          enableDarkMode: settings.darkMode,
          ...(settings.userLanguage ? { userLanguage: settings.userLanguage } : {}),
          ready: () => created && appeared(created),
        };
        const callback = (result: unknown) => {
          if (!alive || created !== current) return;
          if (pendingFor === created) {
            pendingFor = undefined;
            stopWatching();
          }
          onOutcome(toOutcome(result));
        };
        created = callVendor('new TencentCaptcha()', () =>
          embed ? new TencentCaptcha(container, appId, callback, options) : new TencentCaptcha(appId, callback, options),
        );
        return created;
      };
      const show = () => {
        // This show replaces the vendor's page-wide captcha, queued or not, after any earlier one.
        stopGhostWatch?.();
        stopGhostWatch = undefined;
        stopWatching();
        const shown = current;
        pendingFor = shown;
        stopWatching = watchForFrame(frameRoot, () => appeared(shown), { onlyNew: !embed, subtree: embed });
        callVendor('show()', () => shown.show());
      };

      let current = create();
      if (embed) show();
      const session: VendorSession = {
        show,
        // The current API has no refresh: a new instance asks the user again. A show of the old one
        // that is still queued stays watched, and is destroyed when its frame comes.
        refresh() {
          callVendor('destroy()', () => current.destroy());
          current = create();
          if (embed) show();
        },
        getTicket: () => toTicket(callVendor('getTicket()', () => current.getTicket?.())),
        destroy() {
          if (!alive) return;
          alive = false;
          destroyQuietly(() => current.destroy());
          if (pendingFor) stopGhostWatch = stopWatching;
          else stopWatching();
        },
      };
      return session;
    },
  };
}
