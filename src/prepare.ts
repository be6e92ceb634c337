import type { CaptchaError } from './events.js';

/** Why the element asks `prepare` for fresh inputs. */
export type PrepareReason = 'start' | 'retry' | 'refresh' | 'expired';

/** What `prepare` resolves to: fresh single-use inputs for one attempt. */
export interface PreparedInputs {
  /** A fresh script URL (legacy API), or another script (current API). */
  src?: string;
  /** A fresh `aidEncrypted` (current API, forced CaptchaAppId check). */
  aidEncrypted?: string;
}

/** The element's `prepare` property. */
export type Prepare = (context: { reason: PrepareReason }) => PreparedInputs | undefined | Promise<PreparedInputs | undefined>;

/**
 * `prepare`'s answer for one start, checked: `{ src?, aidEncrypted? }` with strings (nothing is
 * nothing to change). Its rejection, a throw or a bad value is a `prepare-failed` failure. Loaded on
 * demand, only by pages that set `prepare`; it imports only types, and is lent the failure class.
 */
export async function prepareInputs(prepare: Prepare, reason: PrepareReason, Failure: typeof CaptchaError): Promise<PreparedInputs> {
  const failed = (why: string) => new Failure('prepare-failed', `prepare({ reason: '${reason}' }) ${why}`);
  let inputs: unknown;
  try {
    inputs = await prepare({ reason });
  } catch (error) {
    throw failed(`failed: ${(error as Error)?.message ?? error}`);
  }
  if (inputs == null) return {};
  const bad = typeof inputs !== 'object' || Object.entries(inputs).some(([key, value]) => !['src', 'aidEncrypted'].includes(key) || typeof value !== 'string');
  if (bad) throw failed(`resolved to ${JSON.stringify(inputs)}: expected { src?, aidEncrypted? } with strings.`);
  return inputs as PreparedInputs;
}
