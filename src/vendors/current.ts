import { CaptchaFailure, ClosedEvent, VerifiedEvent, type ResultDetails } from '../events.js';
import { callVendor, destroyQuietly, field, toTicket, watchForFrame, type Vendor, type VendorOutcome } from './vendor.js';
import { loadScript } from '../loader.js';

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

/**
 * The real script queues a `show()` until its frame script has loaded, and `destroy()` does not cancel
 * it: a destroyed session whose show is still queued watches for that frame and destroys it before it
 * is painted. A newer session's `show()` replaces the vendor's page-wide captcha anyway, and stops it.
 */
let stopGhostWatch: (() => void) | undefined;

/** The TCaptcha.js load in flight, whatever its URL. */
let entryLoad: Promise<void> | undefined;

/** `new TencentCaptcha(...)`: an app id, a popup or an embedded captcha, results with appid and bizState. */
export function currentVendor(src: string, { appId, type, userLanguage, darkMode, bizState, fallback }: CurrentSettings): Vendor {
  const embed = type === 'embed';

  const toOutcome = (result: unknown): VendorOutcome => {
    const details: ResultDetails = { appid: String(field(result, 'appid') ?? appId), bizState: field(result, 'bizState') ?? bizState };
    const errorCode = field(result, 'errorCode');
    const { ticket, randstr } = toTicket(result);
    if (errorCode) {
      const vendorCode = typeof errorCode === 'number' ? errorCode : String(errorCode);
      // The script built its own disaster-recovery ticket (terror_<code>_<appId>_<seconds>): pass it on.
      if (fallback && ticket) return new VerifiedEvent(ticket, randstr, { ...details, fallback, vendorCode });
      return new CaptchaFailure('vendor-error', String(field(result, 'errorMessage') ?? '') || 'the captcha reported an error', vendorCode);
    }
    if (field(result, 'ret') !== 0) return new ClosedEvent(details);
    return ticket ? new VerifiedEvent(ticket, randstr, details) : new CaptchaFailure('vendor-error', 'A pass without a ticket');
  };

  return {
    usesBox: embed,
    startCall: 'show()',
    onDemand: !embed,
    async load(options) {
      // One TCaptcha.js per page whatever its URL: a second copy throws ("loaded twice"), and one
      // already on the page (or on its way) is the one to use.
      while (entryLoad) {
        await entryLoad.catch(() => undefined);
        if (hasConstructor()) return;
      }
      if (hasConstructor()) return;
      const load = (entryLoad = loadScript(src, options, hasConstructor, 'TencentCaptcha'));
      try {
        await load;
      } finally {
        if (entryLoad === load) entryLoad = undefined;
      }
    },
    recover(failure) {
      if (fallback && failure.code.startsWith('script-')) {
        // The randstr of a ticket made in the browser proves nothing; the server judges terror_ tickets.
        return new VerifiedEvent(
          `terror_${ENTRY_SCRIPT_LOAD_ERROR}_${appId}_${Math.floor(Date.now() / 1000)}`,
          `@${Math.random().toString(36).slice(2, 12)}`,
          { appid: appId, bizState, fallback, vendorCode: ENTRY_SCRIPT_LOAD_ERROR },
        );
      }
    },
    start(container, report, visible) {
      const TencentCaptcha = constructorOf()!;
      let alive = true;
      /** The instance whose `show()` has not put its frame on screen yet. */
      let pendingFor: TencentCaptchaInstance | undefined;
      let stopWatching = () => {};

      const appeared = (shown: TencentCaptchaInstance) => {
        if (pendingFor !== shown) return;
        pendingFor = undefined;
        stopWatching();
        if (alive && shown === current) visible();
        else destroyQuietly(() => shown.destroy());
      };
      // The constructor writes into its options (wrapping `ready` again each time): a fresh object per instance.
      const create = (): TencentCaptchaInstance => {
        let created: TencentCaptchaInstance | undefined;
        const options = { type, bizState, enableDarkMode: darkMode, ...(userLanguage && { userLanguage }), ready: () => created && appeared(created) };
        const callback = (result: unknown) => {
          if (!alive || created !== current) return;
          if (pendingFor === created) {
            pendingFor = undefined;
            stopWatching();
          }
          report(toOutcome(result));
        };
        return (created = callVendor('new TencentCaptcha()', () =>
          embed ? new TencentCaptcha(container, appId, callback, options) : new TencentCaptcha(appId, callback, options),
        ));
      };
      const show = () => {
        // This show replaces the vendor's page-wide captcha, queued or not, after any earlier one.
        stopGhostWatch?.();
        stopGhostWatch = undefined;
        stopWatching();
        const shown = (pendingFor = current);
        stopWatching = watchForFrame(embed ? container : document.body, () => appeared(shown), !embed, embed);
        callVendor('show()', () => shown.show());
      };

      let current = create();
      if (embed) show();
      return {
        show,
        // The current API has no refresh: a new instance asks the user again. A show of the old one
        // that is still queued stays watched, and is destroyed when its frame comes.
        refresh() {
          callVendor('destroy()', () => current.destroy());
          current = create();
          if (embed) show();
        },
        getTicket: () => current.getTicket?.(),
        destroy() {
          if (!alive) return;
          alive = false;
          destroyQuietly(() => current.destroy());
          if (pendingFor) stopGhostWatch = stopWatching;
          else stopWatching();
        },
      };
    },
  };
}
