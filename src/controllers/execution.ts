import { CaptchaError, type ResultDetails, type VerifiedEvent } from '../events.js';

/** What `execute()` resolves with: what `verified` carries. */
export type CaptchaResult = { ticket: string; randstr: string } & ResultDetails;

export interface ExecuteOptions {
  /** Rejects the call with `aborted` when it aborts (as `fetch` takes one). */
  signal?: AbortSignal;
  /** Rejects the call with `timeout` after this many milliseconds. */
  timeout?: number;
}

/** A pass as `execute()` answers it: the fields of the `verified` event, as a plain object. */
export const resultOf = (event: VerifiedEvent): CaptchaResult => ({ ...event });

/**
 * The element's promise API: every `execute()` call waiting for the next result gets it (a pass, or a
 * `CaptchaError` for a close, an error, an abort); each call can also give up on its own (its signal,
 * its timeout). A rejection nobody awaits is never an unhandled rejection.
 */
export class ExecutionController {
  readonly #waiting = new Set<(outcome: CaptchaResult | CaptchaError) => void>();

  /** A call: the next result, or its own signal or timeout first. Throws a TypeError on bad options. */
  wait({ signal, timeout }: ExecuteOptions = {}): Promise<CaptchaResult> {
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
      if (signal?.aborted) aborted();
    });
    call.catch(() => {});
    return call;
  }

  /** Every waiting call's result: a pass, or why there is none. */
  settle(outcome: CaptchaResult | CaptchaError): void {
    for (const settle of [...this.#waiting]) settle(outcome);
  }

  /** Every waiting call ends without a result: `aborted`, for this reason. */
  abort(why: string): void {
    this.settle(new CaptchaError('aborted', why));
  }
}
