import type { CaptchaError, ResultDetails } from '../events.js';
import type { TencentCaptchaConstructor, TencentCaptchaInstance, TencentOptions } from './families.js';
import { loadScript } from '../loader.js';
import { destroyQuietly, field, toTicket, warmUp, watchForFrame } from './helpers.js';
import type { Kit, Vendor, VendorOutcome } from './vendor.js';
import { currentFamily } from './current.js';
import { globalFamily, isGlobalLoaded, namesGlobalScript } from './global.js';

// Loaded on demand, only by pages that use `app-id`: it imports from the element only types and the
// pure helpers.ts, and uses what the element lends it (`Kit`), so that it ships as a file of its own.

/** What the element tells the adapter; the element itself is passed. */
export interface TencentSettings {
  appId: string;
  /** `popup` (default) opens with `show()`; `embed` renders in the element's box. */
  type: 'popup' | 'embed';
  userLanguage?: string;
  darkMode: boolean | 'force';
  bizState?: unknown;
  /** Tencent's disaster-recovery advice: pass vendor errors on as fallback tickets, and make one when the script cannot load. */
  fallback: boolean;
  aidEncrypted?: string;
  aidEncryptedType?: 'cbc' | 'gcm';
  aidEncryptedAad?: string;
  needFeedback?: boolean | string;
  autoCheck: boolean;
  vendorOptions?: Record<string, unknown>;
}

const constructorOf = () => (globalThis as { TencentCaptcha?: TencentCaptchaConstructor }).TencentCaptcha;
const hasConstructor = () => typeof constructorOf() === 'function';

/** The error code Tencent's disaster-recovery advice gives a ticket made when the script cannot load. */
const ENTRY_SCRIPT_LOAD_ERROR = 1001;
/** Tencent's "config request error": also how a refused CaptchaAppId check (`aidEncrypted`) comes back. */
const CONFIG_REQUEST_ERROR = 1006;
/** The extra result fields of 2.0, passed on when the script gives them. */
const RESULT_FIELDS = ['verifyDuration', 'actionDuration', 'sid'] as const;

/**
 * The real script queues a `show()` until its frame script has loaded, and `destroy()` does not cancel
 * it: a destroyed session whose show is still queued watches for that frame and destroys it before it
 * is painted. A newer session's `show()` replaces the vendor's page-wide captcha anyway, and stops it.
 */
let stopGhostWatch: (() => void) | undefined;

/** The script load in flight, whatever its URL (one copy per page: a second one throws). */
let entryLoad: Promise<void> | undefined;

/**
 * The documented options of one instance: the page's `vendorOptions`, under the element's attributes
 * where they are set, under `type` and `ready`, which the element never lets a page replace (the
 * callback is an argument). The element's own loading panel covers its box, so Tencent's loading box
 * is hidden there (unless `vendorOptions` asks for it) and kept for a popup.
 */
function optionsOf(settings: TencentSettings, inBox: boolean, ready: (info: unknown) => void): TencentOptions {
  const { type, userLanguage, darkMode, bizState, aidEncrypted, aidEncryptedType, aidEncryptedAad, autoCheck, vendorOptions } = settings;
  const set = Object.entries({
    bizState,
    userLanguage: userLanguage || undefined,
    enableDarkMode: darkMode || undefined,
    needFeedBack: feedbackOf(settings.needFeedback),
    enableAutoCheck: autoCheck || undefined,
    aidEncrypted: aidEncrypted || undefined,
    aidEncryptedType: aidEncrypted ? aidEncryptedType : undefined,
    aidEncryptedAad: aidEncrypted && aidEncryptedAad ? aidEncryptedAad : undefined,
  }).filter(([, value]) => value !== undefined);
  const { callback: _callback, ready: _ready, ...extra } = vendorOptions ?? {};
  return { ...(inBox && { loading: false }), ...extra, ...Object.fromEntries(set), type, ready };
}

/** `need-feedback`: unset is Tencent's default; `false` (or "false") hides the help button; `true` or "" shows it; else a URL for its link. */
const feedbackOf = (value: boolean | string | undefined): boolean | string | undefined =>
  typeof value !== 'string' ? value : /^\s*(true)?\s*$/i.test(value) ? true : /^\s*false\s*$/i.test(value) ? false : value.trim();

/** The settings only this adapter reads, checked: a `CaptchaError` (`invalid-attribute`) that says which. */
function check(settings: TencentSettings, invalid: (message: string) => Error): void {
  const { aidEncryptedType, needFeedback, vendorOptions } = settings;
  if (aidEncryptedType && aidEncryptedType !== 'cbc' && aidEncryptedType !== 'gcm') throw invalid(`aid-encrypted-type="${aidEncryptedType}": use cbc or gcm.`);
  const feedback = feedbackOf(needFeedback);
  if (typeof feedback === 'string' && !/^https:\/\/\S+$/i.test(feedback)) throw invalid(`need-feedback="${feedback}": use false, or an https URL for the help link.`);
  if (vendorOptions != null && (typeof vendorOptions !== 'object' || Array.isArray(vendorOptions))) throw invalid('vendorOptions must be an object of TencentCaptcha options.');
}

/** `new TencentCaptcha(...)` of any current script: 2.0 (the default), 1.0, or international 3.0. */
export function tencentVendor(kit: Kit, src: string, settings: TencentSettings): Vendor {
  const { CaptchaError, VerifiedEvent, ClosedEvent, callVendor } = kit;
  const { appId, type, bizState, fallback } = settings;
  // Which family: the file name tells before the load (so that a 3.0 box is reserved from the start),
  // the script's own global after it.
  let family = namesGlobalScript(src) ? globalFamily : currentFamily;

  const toOutcome = (result: unknown): VendorOutcome => {
    const details: ResultDetails = { appid: String(field(result, 'CaptchaAppId') ?? field(result, 'appid') ?? appId), bizState: field(result, 'bizState') ?? bizState };
    for (const key of RESULT_FIELDS) {
      const value = field(result, key);
      if (value !== undefined && value !== null) Object.assign(details, { [key]: value });
    }
    const errorCode = field(result, 'errorCode');
    const { ticket, randstr } = toTicket(result);
    if (errorCode) {
      const vendorCode = typeof errorCode === 'number' ? errorCode : String(errorCode);
      // The script built its own disaster-recovery ticket (terror_<code>_<appId>_<seconds>): pass it on.
      if (fallback && ticket) return new VerifiedEvent(ticket, randstr, { ...details, fallback, vendorCode });
      const said = String(field(result, 'errorMessage') ?? '') || 'the captcha reported an error';
      if (Number(vendorCode) === CONFIG_REQUEST_ERROR) {
        return new CaptchaError(
          'config-refused',
          `Tencent refused the captcha's configuration (1006: ${said}). Check app-id; an app with the forced CaptchaAppId check needs a fresh aid-encrypted for every page view (README, CaptchaAppId encryption).`,
          vendorCode,
        );
      }
      return new CaptchaError('vendor-error', said, vendorCode);
    }
    if (field(result, 'ret') !== 0) return new ClosedEvent(details);
    return ticket ? new VerifiedEvent(ticket, randstr, details) : new CaptchaError('vendor-error', 'A pass without a ticket');
  };

  return {
    get usesBox() {
      return family.usesBox(type);
    },
    get checkbox() {
      return family.checkbox === true;
    },
    get onDemand() {
      return type !== 'embed';
    },
    startCall: 'show()',
    async load(options) {
      check(settings, (message) => new CaptchaError('invalid-attribute', message));
      // The script fetches its core or frame script from another host: connect to it now.
      warmUp(src);
      // One script per page whatever its URL: a second copy throws ("loaded twice"), and one already
      // on the page (or on its way) is the one to use.
      while (entryLoad) {
        await entryLoad.catch(() => undefined);
        if (hasConstructor()) break;
      }
      if (!hasConstructor()) {
        const load = (entryLoad = loadScript(kit, src, options, hasConstructor, 'TencentCaptcha'));
        try {
          await load;
        } finally {
          if (entryLoad === load) entryLoad = undefined;
        }
      }
      family = isGlobalLoaded() ? globalFamily : currentFamily;
    },
    recover(failure: CaptchaError) {
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
      const inBox = family.usesBox(type);
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
        const options = optionsOf(settings, inBox, () => created && appeared(created));
        const callback = (result: unknown) => {
          if (!alive || created !== current) return;
          if (pendingFor === created) {
            pendingFor = undefined;
            stopWatching();
          }
          report(toOutcome(result));
        };
        return (created = callVendor('new TencentCaptcha()', () => family.create(TencentCaptcha, container, appId, callback, options)));
      };
      const show = () => {
        // This show replaces the vendor's page-wide captcha, queued or not, after any earlier one.
        stopGhostWatch?.();
        stopGhostWatch = undefined;
        stopWatching();
        const shown = (pendingFor = current);
        stopWatching = watchForFrame(inBox ? container : document.body, () => appeared(shown), !inBox, inBox);
        callVendor('show()', () => shown.show());
      };

      let current = create();
      if (type === 'embed') show();
      return {
        show,
        // 1.0 and 2.0 have no refresh: a new instance asks the user again; 3.0 reloads its own. A show
        // of the old instance that is still queued stays watched, and is destroyed when its frame comes.
        refresh() {
          if (current.reload) {
            callVendor('reload()', () => current.reload!());
            return;
          }
          callVendor('destroy()', () => current.destroy());
          current = create();
          if (type === 'embed') show();
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
