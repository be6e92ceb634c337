import type { CaptchaFailure, CaptchaTicket } from '../events.js';
import type { LoadOptions } from '../loader.js';

/** What a vendor reported, already checked and normalised; adapters never dispatch events. */
export type VendorOutcome =
  | { kind: 'verified'; ticket: string; randstr: string }
  | { kind: 'closed' }
  | { kind: 'failed'; failure: CaptchaFailure };

export interface VendorStartOptions {
  /** The element's own box, in the light DOM so that the vendor can reach it through `document`. */
  container: HTMLElement;
  clientType: 'pc' | 'mobile';
  showHeader: boolean;
  /** Called for each result of this session only, and never after `destroy()`. */
  onOutcome(outcome: VendorOutcome): void;
}

/** One live vendor instance. */
export interface VendorSession {
  refresh(): void;
  getTicket(): CaptchaTicket;
  destroy(): void;
}

/** A vendor API behind the element: how to load it and how to start one instance. */
export interface Vendor {
  /** Resolves when `start` can be called; rejects with a `CaptchaFailure`. */
  load(options: LoadOptions): Promise<void>;
  /** Throws a `CaptchaFailure` (`vendor-error`) when the vendor throws. */
  start(options: VendorStartOptions): VendorSession;
}

export const EMPTY_TICKET: CaptchaTicket = Object.freeze({ ticket: '', randstr: '' });

export function describeThrown(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
