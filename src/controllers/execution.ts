import { CaptchaError, type CaptchaErrorReason, type ResultDetails, type VerifiedEvent } from '../events.js';

/** What `execute()` resolves with: what `verified` carries. */
export type CaptchaResult = { ticket: string; randstr: string } & ResultDetails;

export interface ExecuteOptions {
  /** Rejects the call with `aborted` when it aborts (as `fetch` takes one). */
  signal?: AbortSignal;
  /** Rejects the call with `timeout` after this many milliseconds. */
  timeout?: number;
}

const noop = () => {};

/** A pass as `execute()` answers it: the fields of the `verified` event. */
export function resultOf(event: VerifiedEvent): CaptchaResult {
  const result = Object.assign({}, event) as CaptchaResult & { isTrusted?: boolean };
  delete result.isTrusted;
  return result;
}

/** A promise nobody has to await: its rejection is never reported as unhandled. */
const quiet = <T>(promise: Promise<T>): Promise<T> => (promise.catch(noop), promise);

/**
 * The element's promise API: every `execute()` call waiting for the next result shares it, settled
 * once by the element (a pass, a close, an error, an abort); each call can also give up on its own
 * (its signal, its timeout). A rejection nobody awaits is never an unhandled rejection.
 */
export class ExecutionController {
  #pending: { promise: Promise<CaptchaResult>; resolve(result: CaptchaResult): void; reject(error: CaptchaError): void } | undefined;

  /** Whether a call waits for a result. */
  get waiting(): boolean {
    return this.#pending !== undefined;
  }

  /** A call: the shared result, or its own signal or timeout first. Throws a TypeError on bad options. */
  wait({ signal, timeout }: ExecuteOptions = {}): Promise<CaptchaResult> {
    if (timeout !== undefined && !(timeout >= 0)) throw new TypeError(`execute({ timeout }): a number of milliseconds, not ${String(timeout)}.`);
    if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('execute({ signal }): an AbortSignal.');
    let pending = this.#pending;
    if (!pending) {
      let resolve!: (result: CaptchaResult) => void;
      let reject!: (error: CaptchaError) => void;
      const promise = quiet(new Promise<CaptchaResult>((yes, no) => ((resolve = yes), (reject = no))));
      pending = this.#pending = { promise, resolve, reject };
    }
    const shared = pending.promise;
    if (!signal && timeout === undefined) return shared;
    return quiet(
      new Promise<CaptchaResult>((resolve, reject) => {
        const stop = (code: CaptchaErrorReason, message: string) => () => reject(new CaptchaError(code, message));
        const onAbort = stop('aborted', 'execute() was aborted by its signal');
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        const timer = timeout === undefined ? undefined : setTimeout(stop('timeout', `no result within ${timeout} ms`), timeout);
        shared
          .then(resolve, reject)
          .finally(() => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
          })
          .catch(noop);
      }),
    );
  }

  /** The pass every waiting call resolves with. */
  pass(result: CaptchaResult): void {
    this.#pending?.resolve(result);
    this.#pending = undefined;
  }

  /** The end every waiting call rejects with. */
  fail(code: CaptchaErrorReason, message: string, vendorCode?: number | string): void {
    this.#pending?.reject(new CaptchaError(code, message, vendorCode));
    this.#pending = undefined;
  }
}
