import { CaptchaFailure } from './events.js';

export interface LoadOptions {
  /** Give up after this many milliseconds (`script-timeout`). */
  timeoutMs: number;
  /** Put on the `<script>` for pages with a nonce-based Content-Security-Policy. */
  nonce?: string;
  /** True when the script's work is already done (a `<script>` of the page's own has run). */
  isReady?: () => boolean;
}

interface TrustedTypePolicyLike {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): TrustedTypePolicyLike;
}

/** The Trusted Types policy name to allow in a `trusted-types` CSP directive. */
export const TRUSTED_TYPES_POLICY = 't-captcha';

/** Marks the `<script>` elements this module added, so that a page and the tests can find them. */
export const SCRIPT_MARKER = 'data-t-captcha';

/** Query parameter that makes a retry of a failed URL reach the network (see `requestUrl`). */
export const RETRY_PARAMETER = 't_captcha_retry';

const loads = new Map<string, Promise<void>>();
const failures = new Map<string, number>();
let policy: TrustedTypePolicyLike | undefined;

/**
 * Loads a classic script once per URL per document. Every caller for one URL shares one promise,
 * settled once: resolved when the script has run, rejected with a {@link CaptchaFailure} on a network
 * error (`script-load-failed`) or after `timeoutMs` (`script-timeout`). After a failure the `<script>`
 * is removed and forgotten, so that the next call adds a fresh one.
 */
export function loadScript(url: string, options: LoadOptions): Promise<void> {
  let load = loads.get(url);
  if (!load) {
    load = startLoad(url, options);
    loads.set(url, load);
    // Callers may all be gone by the time it fails; the failure is theirs to report, not the page's.
    load.catch(() => undefined);
  }
  return load;
}

function startLoad(url: string, { timeoutMs, nonce, isReady }: LoadOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // The page may load the script itself, as the integration document shows: use that one.
    const own = [...document.scripts].find((script) => script.src === url);
    if (own && isReady?.()) return resolve();
    const script = own ?? document.createElement('script');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (failure?: CaptchaFailure) => {
      clearTimeout(timer);
      script.onload = script.onerror = null;
      if (failure) {
        if (!own) script.remove();
        loads.delete(url);
        failures.set(url, (failures.get(url) ?? 0) + 1);
        reject(failure);
      } else {
        resolve();
      }
    };
    script.onload = () => settle();
    script.onerror = () =>
      settle(new CaptchaFailure('script-load-failed', `Could not load ${url}`));
    timer = setTimeout(
      () =>
        settle(new CaptchaFailure('script-timeout', `No script from ${url} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    if (own) return;
    script.async = true;
    if (nonce) script.nonce = nonce;
    script.setAttribute(SCRIPT_MARKER, '');
    try {
      setScriptSrc(script, requestUrl(url));
    } catch {
      // Settled a microtask later, so that the failed promise is in the cache before it is forgotten.
      queueMicrotask(() =>
        settle(
          new CaptchaFailure(
            'script-load-failed',
            `Trusted Types blocked the script: allow policy "${TRUSTED_TYPES_POLICY}"`,
          ),
        ),
      );
      return;
    }
    document.head.append(script);
  });
}

/**
 * Chromium answers a second `<script>` for a URL that failed in this document from its memory
 * cache, with the same failure and no request. A retry therefore asks for the URL with a counter.
 */
function requestUrl(url: string): string {
  const retries = failures.get(url);
  if (!retries) return url;
  const retry = new URL(url);
  retry.searchParams.set(RETRY_PARAMETER, String(retries));
  return retry.href;
}

/**
 * Assigns `src` as a plain string and, only when the page enforces Trusted Types (the assignment
 * throws), through a named policy created on first need.
 */
function setScriptSrc(script: HTMLScriptElement, url: string): void {
  if (!policy) {
    try {
      script.src = url;
      return;
    } catch (error) {
      const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
      if (!trustedTypes) throw error;
      policy = trustedTypes.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: (value) => value });
    }
  }
  (script as { src: unknown }).src = policy.createScriptURL(url);
}
