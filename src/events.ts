/** Error codes carried by {@link CaptchaErrorEvent}. Documented in the README's "Errors" table. */
export type CaptchaErrorCode =
  | 'invalid-src'
  | 'invalid-attribute'
  | 'script-load-failed'
  | 'script-timeout'
  | 'vendor-missing'
  | 'vendor-error';

/** What the user obtained by solving the captcha; both empty when they have not passed. */
export interface CaptchaTicket {
  ticket: string;
  randstr: string;
}

// `Event` does not exist in Node; this keeps `import 't-captcha'` safe during server-side rendering.
const EventBase: typeof Event =
  typeof Event === 'function' ? Event : (class {} as unknown as typeof Event);

const RESULT_INIT: EventInit = { bubbles: true, composed: true };

/** The user passed the captcha. Send `ticket` and `randstr` to your server, which verifies them. */
export class VerifiedEvent extends EventBase implements CaptchaTicket {
  readonly ticket: string;
  readonly randstr: string;
  constructor(ticket: string, randstr: string) {
    super('verified', RESULT_INIT);
    this.ticket = ticket;
    this.randstr = randstr;
  }
}

/** The captcha closed without the user passing. `ticket` and `randstr` are empty strings. */
export class ClosedEvent extends EventBase implements CaptchaTicket {
  readonly ticket = '';
  readonly randstr = '';
  constructor() {
    super('closed', RESULT_INIT);
  }
}

/** The captcha is shown and can be solved. */
export class ReadyEvent extends EventBase {
  constructor() {
    super('ready', RESULT_INIT);
  }
}

/**
 * Something went wrong; `code` says what, `message` says it for people.
 * Like the native `error` event of `<script>` and `<img>`, it does not bubble: a bubbling `error`
 * reaching `window` is taken for an uncaught exception by error monitors and test runners.
 */
export class CaptchaErrorEvent extends EventBase {
  readonly code: CaptchaErrorCode;
  readonly message: string;
  constructor(code: CaptchaErrorCode, message: string) {
    super('error');
    this.code = code;
    this.message = message;
  }
}

/** A failure inside the package, turned into a {@link CaptchaErrorEvent} by the element. */
export class CaptchaFailure extends Error {
  readonly code: CaptchaErrorCode;
  constructor(code: CaptchaErrorCode, message: string) {
    super(message);
    this.name = 'CaptchaFailure';
    this.code = code;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    verified: VerifiedEvent;
    closed: ClosedEvent;
    ready: ReadyEvent;
  }
}
