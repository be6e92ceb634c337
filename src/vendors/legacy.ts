import { loadScript } from '../loader.js';
import { destroyQuietly, field, toTicket, warmUp, watchForFrame } from './helpers.js';
import type { Kit, Vendor, VendorOutcome } from './vendor.js';

// Loaded on demand, only by pages with a legacy script URL; like tencent.ts, it imports from the
// element only types and helpers.ts, and uses what the element lends it (`Kit`).

interface LegacyOptions {
  callback(result: unknown): void;
  showHeader: boolean;
  /** Called by the real pc script when the challenge opens. */
  start(): void;
  /** Called by the real pc script whenever the challenge closes; on a pass, just before the callback. */
  end(): void;
}

/** The globals the legacy script (the integration document's `capInit` API) defines. */
interface LegacyGlobals {
  capInit?: (target: HTMLElement | Document, options: LegacyOptions) => void;
  capGetTicket?: () => unknown;
  capRefresh?: () => void;
  capDestroy?: () => void;
}

const vendorGlobals = () => globalThis as LegacyGlobals;
const hasCapInit = () => typeof vendorGlobals().capInit === 'function';

/**
 * A session destroyed before the vendor rendered keeps watching its box, because the real script may
 * still render there later (its `capInit` waits for sub-scripts and `capDestroy` cannot cancel that).
 * A newer `capInit` replaces the waiting one, so a newer session stops that watch.
 */
let stopLateWatch: (() => void) | undefined;

/** The legacy API: a script URL issued per page view by the business server, then `capInit`. */
export function legacyVendor(kit: Kit, src: string, mobile: boolean, showHeader: boolean): Vendor {
  const { ClosedEvent, VerifiedEvent, CaptchaError, callVendor } = kit;
  /** The document compares `ret == 0` loosely; a pass must also carry a usable ticket. */
  function toOutcome(result: unknown): VendorOutcome {
    if (![0, '0'].includes(field(result, 'ret') as number)) return new ClosedEvent();
    const { ticket, randstr } = toTicket(result);
    return ticket ? new VerifiedEvent(ticket, randstr) : new CaptchaError('vendor-error', 'A pass without a ticket');
  }

  return {
    usesBox: !mobile,
    startCall: 'capInit()',
    load(options) {
      // Tencent's loader fetches its sub-scripts from captcha.gtimg.com once it has run: start them now.
      warmUp(src, options.nonce);
      return loadScript(kit, src, options, hasCapInit, 'capInit()');
    },
    start(container, report, visible) {
      stopLateWatch?.();
      stopLateWatch = undefined;
      // This load's functions: a later script URL redefines the globals, and this instance is not its.
      const { capInit, capGetTicket, capRefresh, capDestroy } = vendorGlobals();
      let alive = true;
      let shown = false;
      /** Inside our own capRefresh / capDestroy, whose `end` is no close by the user. */
      let ownCall = false;
      let closing = false;
      const own = (action: () => void) => {
        ownCall = true;
        try {
          action();
        } finally {
          ownCall = false;
        }
      };
      const tearDown = () => own(() => destroyQuietly(capDestroy));

      const callback = (result: unknown) => {
        // The vendor keeps every callback it was ever given; only this session's live one counts.
        if (!alive) return;
        closing = false;
        report(toOutcome(result));
      };
      // pc reports a close only through `end`; on a pass, `end` comes first and the callback follows
      // in the same task, so a close is an `end` that no result followed.
      const end = () => {
        if (!alive || ownCall) return;
        closing = true;
        queueMicrotask(() => {
          if (closing && alive) {
            closing = false;
            report(new ClosedEvent());
          }
        });
      };
      const stopWatching = watchForFrame(
        mobile ? document.body : container,
        () => {
          shown = true;
          if (alive) visible();
          else tearDown();
        },
        mobile,
        !mobile,
      );
      try {
        callVendor('capInit()', () => capInit!(mobile ? document : container, { callback, showHeader, start() {}, end }));
      } catch (failure) {
        alive = false;
        stopWatching();
        // It may have half-registered an instance (a callback, a frame) before it threw.
        tearDown();
        throw failure;
      }
      return {
        refresh: () => own(() => callVendor('capRefresh()', () => capRefresh?.())),
        getTicket: () => capGetTicket?.(),
        // The legacy captcha is shown from capInit on: no show().
        destroy() {
          if (!alive) return;
          alive = false;
          tearDown();
          if (shown) stopWatching();
          else stopLateWatch = stopWatching;
        },
      };
    },
  };
}
