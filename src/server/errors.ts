/** The captcha API answered with a non-zero `code` other than "ticket not valid" (5100). */
export class CaptchaApiError extends Error {
  /**
   * The API's code. Legacy API: a number (4000 parameters, 4100 authentication, 4500 replayed
   * request, 6000 internal). Current API: a string such as `AuthFailure.SignatureFailure`.
   */
  readonly code: number | string;
  readonly action: string;
  constructor(action: string, code: number | string, message: string) {
    super(`${action} failed with code ${code}: ${message}`);
    this.name = 'CaptchaApiError';
    this.code = code;
    this.action = action;
  }
}

/** The captcha API could not be reached, timed out, or answered something that is not its JSON. */
export class CaptchaNetworkError extends Error {
  readonly action: string;
  readonly timedOut: boolean;
  /** The HTTP status when the API answered with one other than 2xx. */
  readonly status?: number;
  /**
   * What went wrong: no answer in time, no connection, an HTTP status other than 2xx, or an answer
   * that is not the API's JSON.
   */
  readonly kind: 'timeout' | 'network' | 'http' | 'malformed';
  constructor(
    action: string,
    message: string,
    { timedOut = false, cause, status, kind = timedOut ? 'timeout' : status ? 'http' : 'malformed' }: { timedOut?: boolean; cause?: unknown; status?: number; kind?: CaptchaNetworkError['kind'] } = {},
  ) {
    super(`${action}: ${message}`, { cause });
    this.name = 'CaptchaNetworkError';
    this.action = action;
    this.timedOut = timedOut;
    this.status = status;
    this.kind = kind;
  }
}
