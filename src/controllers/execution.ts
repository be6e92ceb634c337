import type { CaptchaError, ResultDetails } from '../events.js';

/** What `execute()` resolves with: what `verified` carries. */
export type CaptchaResult = { ticket: string; randstr: string } & ResultDetails;

export interface ExecuteOptions {
  /** Rejects the call with `aborted` when it aborts (as `fetch` takes one). */
  signal?: AbortSignal;
  /** Rejects the call with `timeout` after this many milliseconds. */
  timeout?: number;
}

/**
 * The element's promise API: every `execute()` call waiting for the next result gets it (a pass, or a
 * `CaptchaError` for a close, an error, an abort); each call can also give up on its own (its signal,
 * its timeout). A rejection nobody awaits is never an unhandled rejection. Loaded on demand, with the
 * first `execute()`: it imports only types, and takes the element's failure class.
 */
export class ExecutionController {
  readonly #waiting = new Set<(outcome: CaptchaResult | CaptchaError) => void>();

  constructor(private readonly Failure: typeof CaptchaError) {}

  /**
   * A call: the next result (or `missed`, one that came while this module was on its way), or its own
   * signal or timeout first. Rejects with a TypeError on bad options.
   */
  wait({ signal, timeout }: ExecuteOptions = {}, missed?: CaptchaResult | CaptchaError): Promise<CaptchaResult> {
    const CaptchaError = this.Failure;
    if (timeout !== undefined && !(timeout >= 0)) throw new TypeError(`execute({ timeout }): a number of milliseconds, not ${String(timeout)}.`);
    if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('execute({ signal }): an AbortSignal.');
    const call = new Promise<CaptchaResult>((resolve, reject) => {
      const settle = (outcome: CaptchaResult | CaptchaError) => {
        this.#waiting.delete(settle);
        clearTimeout(timer);
        signal?.removeEventListener('abort', aborted);
        if (outcome instanceof CaptchaError) reject(outcome);
        else resolve(outcome);
      };
      const aborted = () => settle(new CaptchaError('aborted', 'its signal aborted'));
      const timer = timeout === undefined ? undefined : setTimeout(() => settle(new CaptchaError('timeout', `no result within ${timeout} ms`)), timeout);
      signal?.addEventListener('abort', aborted);
      this.#waiting.add(settle);
      if (missed) settle(missed);
      else if (signal?.aborted) aborted();
    });
    call.catch(() => {});
    return call;
  }

  /** Every waiting call's result: a pass, or why there is none. */
  settle(outcome: CaptchaResult | CaptchaError): void {
    for (const settle of [...this.#waiting]) settle(outcome);
  }

}
