/** Error codes carried by {@link CaptchaErrorEvent}. Documented in the README's "Errors" table. */
export type CaptchaErrorCode =
  | 'invalid-src'
  | 'invalid-attribute'
  | 'script-load-failed'
  | 'script-timeout'
  | 'vendor-missing'
  | 'vendor-error'
  | 'config-refused'
  | 'render-timeout'
  | 'prepare-failed';

/**
 * Why `execute()` rejected: an error code above, or `closed` (the user closed the captcha), `aborted`
 * (the element was removed or refreshed, or the signal aborted) or `timeout` (its `timeout` passed).
 */
export type CaptchaErrorReason = CaptchaErrorCode | 'closed' | 'aborted' | 'timeout';

/** Setup mistakes: the same page fails the same way, so no retry can help (the panel offers none). */
const PERMANENT: readonly string[] = ['invalid-src', 'invalid-attribute'];

/** What the user obtained by solving the captcha; both empty when they have not passed. */
export interface CaptchaTicket {
  ticket: string;
  randstr: string;
}

const RESULT_INIT: EventInit = { bubbles: true, composed: true };

/** What the current `TencentCaptcha` API adds to a result; absent with the legacy API. */
export interface ResultDetails {
  /** The captcha app id. */
  appid?: string;
  /** The `bizState` given to the element, handed back. */
  bizState?: unknown;
  /**
   * True for Tencent's disaster-recovery ticket (`terror_<errorCode>_<appId>_<seconds>`): built by the
   * vendor's script when it failed, or by the element when the script could not load (1001). Your
   * server decides what it is worth.
   */
  fallback?: boolean;
  /** With `fallback`: the vendor's error code (1001 entry script load error, 1002 show timeout, …). */
  vendorCode?: number | string;
  /** Captcha 2.0: how long the verification took (ms), when the script reports it. */
  verifyDuration?: number;
  /** Captcha 2.0: how long the user took to act (ms), when the script reports it. */
  actionDuration?: number;
  /** Captcha 2.0 and 3.0: the captcha session's id, when the script reports it (Tencent support asks for it). */
  sid?: string;
}

/** The user passed the captcha. Send `ticket` and `randstr` to your server, which verifies them. */
export class VerifiedEvent extends Event implements CaptchaTicket, ResultDetails {
  declare readonly ticket: string;
  declare readonly randstr: string;
  declare readonly appid?: string;
  declare readonly bizState?: unknown;
  declare readonly fallback: boolean;
  declare readonly vendorCode?: number | string;
  declare readonly verifyDuration?: number;
  declare readonly actionDuration?: number;
  declare readonly sid?: string;
  constructor(ticket: string, randstr: string, details: ResultDetails = {}) {
    super('verified', RESULT_INIT);
    Object.assign(this, details, { ticket, randstr, fallback: details.fallback === true });
  }
}

/** The captcha closed without the user passing. `ticket` and `randstr` are empty strings. */
export class ClosedEvent extends Event implements CaptchaTicket, ResultDetails {
  declare readonly ticket: '';
  declare readonly randstr: '';
  declare readonly appid?: string;
  declare readonly bizState?: unknown;
  declare readonly sid?: string;
  constructor(details: Omit<ResultDetails, 'fallback' | 'vendorCode'> = {}) {
    super('closed', RESULT_INIT);
    Object.assign(this, details, { ticket: '', randstr: '' });
  }
}

/** The captcha is on screen and can be solved (a popup: it can be opened with `show()`). */
export class ReadyEvent extends Event {
  constructor() {
    super('ready', RESULT_INIT);
  }
}

/**
 * Something went wrong; `code` says what, `message` says it for people.
 * Like the native `error` event of `<script>` and `<img>`, it does not bubble: a bubbling `error`
 * reaching `window` is taken for an uncaught exception by error monitors and test runners.
 */
export class CaptchaErrorEvent extends Event {
  declare readonly code: CaptchaErrorCode;
  declare readonly message: string;
  /** The vendor's own error code (`errorCode` of the current API), when it gave one. */
  declare readonly vendorCode?: number | string;
  /** Whether `refresh()` (the panel's "Try again") can help: false for setup mistakes (`invalid-src`, `invalid-attribute`). */
  declare readonly retryable: boolean;
  constructor(code: CaptchaErrorCode, message: string, vendorCode?: number | string) {
    super('error');
    Object.assign(this, { code, message, vendorCode, retryable: !PERMANENT.includes(code) });
  }
}

/**
 * A failure: what the element's parts raise (turned into a {@link CaptchaErrorEvent}), and what
 * `execute()` rejects with (then also `closed`, `aborted` or `timeout`).
 */
export class CaptchaError extends Error {
  declare readonly code: CaptchaErrorReason;
  declare readonly vendorCode?: number | string;
  /** Whether asking again can help (see {@link CaptchaErrorEvent.retryable}). */
  declare readonly retryable: boolean;
  constructor(code: CaptchaErrorReason, message: string, vendorCode?: number | string) {
    super(message);
    Object.assign(this, { name: 'CaptchaError', code, vendorCode, retryable: !PERMANENT.includes(code) });
  }
}

/** For a module of t-captcha's own loaded on demand that did not arrive (its file is missing next to the element's, or the network failed): throws `script-load-failed`. */
export const missingModule =
  (name: string) =>
  (error: unknown): never => {
    throw new CaptchaError('script-load-failed', `Could not load t-captcha's own ${name} (next to the element's file): ${(error as Error)?.message ?? error}`);
  };

/** The ticket the element held expired (`ticket-lifetime` after the pass): the form value is cleared. */
export class ExpiredEvent extends Event {
  constructor() {
    super('expired', RESULT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    verified: VerifiedEvent;
    closed: ClosedEvent;
    ready: ReadyEvent;
    expired: ExpiredEvent;
  }
}
