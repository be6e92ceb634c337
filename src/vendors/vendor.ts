import { CaptchaFailure, type CaptchaTicket, type ResultDetails } from '../events.js';
import { TRUSTED_TYPES_ADVICE, loadScript, trustedTypesBlocked, violationCount, type LoadOptions } from '../loader.js';

/** What a vendor reported, already checked and normalised; adapters never dispatch events. */
export type VendorOutcome =
  | ({ kind: 'verified'; ticket: string; randstr: string } & ResultDetails)
  | ({ kind: 'closed' } & ResultDetails)
  | { kind: 'failed'; failure: CaptchaFailure };

export interface VendorStartOptions {
  /** The element's own box, in the light DOM so that the vendor can reach it through `document`. */
  container: HTMLElement;
  /** Called for each result of this session only, and never after `destroy()`. */
  onOutcome(outcome: VendorOutcome): void;
  /**
   * The vendor's frame is on screen: in the box (legacy pc, embed), on the page (legacy mobile), or
   * the popup after `show()`. Never after `destroy()`.
   */
  onVisible(): void;
}

/** One live vendor instance. */
export interface VendorSession {
  refresh(): void;
  /** What the vendor holds now; throws while it cannot tell (the legacy script before it rendered). */
  getTicket(): CaptchaTicket;
  /** Opens a popup captcha; nothing for captchas that are always shown. */
  show(): void;
  destroy(): void;
}

/** A vendor API behind the element: how to load it and how to start one instance. */
export interface Vendor {
  /** Whether the captcha lives in the element's box (otherwise the element takes no space). */
  readonly usesBox: boolean;
  /** A popup: usable as soon as it is created, on screen only after `show()`. */
  readonly onDemand: boolean;
  /** The vendor call after which its frame should appear, for messages. */
  readonly startCall: string;
  /** Resolves when `start` can be called; rejects with a `CaptchaFailure`. */
  load(options: LoadOptions): Promise<void>;
  /** Throws a `CaptchaFailure` (`vendor-error`) when the vendor throws. */
  start(options: VendorStartOptions): VendorSession;
  /** The outcome to report instead of a load failure, when the vendor has a fallback for it. */
  recover?(failure: CaptchaFailure): VendorOutcome | undefined;
}

export const EMPTY_TICKET: CaptchaTicket = Object.freeze({ ticket: '', randstr: '' });

/** Runs a vendor call; what it throws becomes a `vendor-error` naming the call. */
export function callVendor<T>(what: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new CaptchaFailure('vendor-error', `${what} threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Tears a vendor instance down; one that fails to leaves nothing for us to do but forget it. */
export function destroyQuietly(destroy: () => void): void {
  try {
    destroy();
  } catch {
    // Nothing more to undo.
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** `{ ticket, randstr }` when both are strings, otherwise the empty ticket. */
export function toTicket(value: unknown): CaptchaTicket {
  const ticket = field(value, 'ticket');
  const randstr = field(value, 'randstr');
  return typeof ticket === 'string' && typeof randstr === 'string' ? { ticket, randstr } : EMPTY_TICKET;
}

export { field };

/**
 * Loads a vendor script and checks that it defined its API (`defined`); when it did not, the failure
 * says whether Trusted Types killed it (Tencent's scripts assign HTML strings as they load).
 */
export async function loadVendorScript(src: string, options: LoadOptions, defined: () => boolean, api: string): Promise<void> {
  const since = violationCount();
  await loadScript(src, { ...options, isReady: defined });
  if (defined()) return;
  const message = (await trustedTypesBlocked(since))
    ? `${src} ran but defined no ${api}: ${TRUSTED_TYPES_ADVICE}`
    : `${src} defined no ${api}: not a captcha script URL?`;
  throw new CaptchaFailure('vendor-missing', message);
}
