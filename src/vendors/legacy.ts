import { CaptchaFailure } from '../events.js';
import { loadScript, type LoadOptions } from '../loader.js';
import { callVendor, destroyQuietly, field, toTicket, type Vendor, type VendorOutcome, type VendorSession } from './vendor.js';

/** The globals the legacy script (the integration document's `capInit` API) defines. */
interface LegacyGlobals {
  capInit?: (target: HTMLElement | Document, options: { callback(result: unknown): void; showHeader: boolean }) => void;
  capGetTicket?: () => unknown;
  capRefresh?: () => void;
  capDestroy?: () => void;
}

const vendorGlobals = () => globalThis as LegacyGlobals;
const hasCapInit = () => typeof vendorGlobals().capInit === 'function';

export interface LegacySettings {
  clientType: 'pc' | 'mobile';
  showHeader: boolean;
}

/** The legacy API: a script URL issued per page view by the business server, then `capInit`. */
export function legacyVendor(src: string, { clientType, showHeader }: LegacySettings): Vendor {
  return {
    usesBox: clientType === 'pc',
    async load(options: LoadOptions) {
      await loadScript(src, { ...options, isReady: hasCapInit });
      if (!hasCapInit()) {
        throw new CaptchaFailure(
          'vendor-missing',
          `${src} defined no capInit(): not a captcha script URL?`,
        );
      }
    },
    start({ container, onOutcome }) {
      const vendor = vendorGlobals();
      let alive = true;
      const callback = (result: unknown) => {
        // The vendor keeps every callback it was ever given; only this session's live one counts.
        if (alive) onOutcome(toOutcome(result));
      };
      const tearDown = () => destroyQuietly(() => vendor.capDestroy?.());
      try {
        callVendor('capInit()', () => vendor.capInit!(clientType === 'mobile' ? document : container, { callback, showHeader }));
      } catch (failure) {
        alive = false;
        // It may have half-registered an instance (a callback, a frame) before it threw.
        tearDown();
        throw failure;
      }
      const session: VendorSession = {
        refresh: () => callVendor('capRefresh()', () => vendor.capRefresh?.()),
        getTicket: () => toTicket(callVendor('capGetTicket()', () => vendor.capGetTicket?.())),
        // The legacy captcha is shown from capInit on.
        show: () => undefined,
        destroy() {
          if (!alive) return;
          alive = false;
          tearDown();
        },
      };
      return session;
    },
  };
}

/** The document compares `ret == 0` loosely; a pass must also carry a usable ticket. */
function toOutcome(result: unknown): VendorOutcome {
  const ret = field(result, 'ret');
  if (ret !== 0 && ret !== '0') return { kind: 'closed' };
  const { ticket, randstr } = toTicket(result);
  if (!ticket) {
    return {
      kind: 'failed',
      failure: new CaptchaFailure('vendor-error', 'A pass without a ticket'),
    };
  }
  return { kind: 'verified', ticket, randstr };
}
