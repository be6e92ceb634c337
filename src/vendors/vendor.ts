import { CaptchaError, ClosedEvent, VerifiedEvent } from '../events.js';
import type { LoadOptions } from '../loader.js';
import { trustedScriptUrl } from '../trusted-types.js';

/**
 * What a vendor reported, already checked: the event for the element to dispatch, or the failure to
 * report. Adapters never dispatch anything themselves.
 */
export type VendorOutcome = VerifiedEvent | ClosedEvent | CaptchaError;

/** One live vendor instance. */
export interface VendorSession {
  refresh(): void;
  /** The vendor's own `{ ticket, randstr }`, unchecked; may throw (the legacy script before it rendered). */
  getTicket(): unknown;
  /** Opens a popup captcha; absent for captchas that are always shown. */
  show?(): void;
  destroy(): void;
}

/** A vendor API behind the element: how to load it and how to start one instance. */
export interface Vendor {
  /** Whether the captcha lives in the element's box (otherwise the element takes no space); may change once `load` knows the script. */
  readonly usesBox: boolean;
  /** The box holds a checkbox (international 3.0): reserved at the checkbox's size. */
  readonly checkbox?: boolean;
  /** A popup: usable as soon as it is created, on screen only after `show()`. */
  readonly onDemand?: boolean;
  /** The vendor call after which its frame should appear, for messages. */
  readonly startCall: string;
  /** Resolves when `start` can be called; rejects with a `CaptchaError`. */
  load(options: LoadOptions): Promise<void>;
  /**
   * Starts one instance in `container` (the element's light-DOM box, which the vendor reaches through
   * `document`). `report` gets each result of this session only; `visible` runs when the vendor's
   * frame is on screen (in the box, on the page, or the popup after `show()`). Neither after
   * `destroy()`. Throws a `CaptchaError` (`vendor-error`) when the vendor throws.
   */
  start(container: HTMLElement, report: (outcome: VendorOutcome) => void, visible: () => void): VendorSession;
  /** The outcome to report instead of a load failure, when the vendor has a fallback for it. */
  recover?(failure: CaptchaError): VerifiedEvent | undefined;
}

/**
 * What the element lends the adapters it loads on demand (legacy.ts, tencent.ts). They import from the
 * element only types and pure modules (helpers.ts, loader.ts, config.ts), so that each ships as a file
 * of its own; with this, the failures and events they make are the element's own classes, and the
 * scripts they load go through the page's one Trusted Types policy.
 */
export interface Kit {
  CaptchaError: typeof CaptchaError;
  VerifiedEvent: typeof VerifiedEvent;
  ClosedEvent: typeof ClosedEvent;
  /** The page's one Trusted Types policy, for the loader inside each adapter. */
  trustedScriptUrl: typeof trustedScriptUrl;
  callVendor: typeof callVendor;
}

/** Runs a vendor call; what it throws becomes a `vendor-error` naming the call. */
export function callVendor<T>(what: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new CaptchaError('vendor-error', `${what} threw: ${(error as Error)?.message ?? error}`);
  }
}

export const kit: Kit = { CaptchaError, VerifiedEvent, ClosedEvent, trustedScriptUrl, callVendor };
