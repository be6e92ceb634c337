import { CaptchaNetworkError } from './errors.js';

/** One deadline per call to Tencent, unless the caller gives its own. */
export const DEFAULT_TIMEOUT_MS = 5_000;

/** An answer larger than this is no answer of the captcha API. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** Reads at most `limit` bytes of a body; throws past that. The fetch's signal bounds the time. */
async function readCapped(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new RangeError(`answer larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One call to a Tencent API: one deadline for connecting, the headers and the whole body; redirects
 * are not followed (they would carry the signed request elsewhere); anything but a 2xx JSON object of
 * bounded size is a `CaptchaNetworkError` whose `kind` says what went wrong. The request URL and
 * headers carry the SecretId and signature: they never go into the error.
 */
export async function fetchJson(action: string, url: URL, init: RequestInit, timeoutMs: number): Promise<Record<string, unknown>> {
  const host = url.host;
  let text: string;
  let status: number;
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    status = response.status;
    if (status < 200 || status > 299) {
      await response.body?.cancel().catch(() => undefined);
      throw new CaptchaNetworkError(action, `${host} answered HTTP ${status || 'redirect'}`, { status, kind: 'http' });
    }
    text = await readCapped(response, MAX_ANSWER_BYTES);
  } catch (error) {
    if (error instanceof CaptchaNetworkError) throw error;
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    if (timedOut) throw new CaptchaNetworkError(action, `no answer within ${timeoutMs} ms`, { timedOut, kind: 'timeout' });
    if (error instanceof RangeError) throw new CaptchaNetworkError(action, `${host}: ${error.message}`, { kind: 'malformed' });
    throw new CaptchaNetworkError(action, `could not reach ${host}`, { kind: 'network' });
  }
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new CaptchaNetworkError(action, `${host} answered HTTP ${status} without JSON`, { status, kind: 'malformed' });
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new CaptchaNetworkError(action, `${host} answered HTTP ${status} with JSON that is not an object`, { status, kind: 'malformed' });
  }
  return answer as Record<string, unknown>;
}
