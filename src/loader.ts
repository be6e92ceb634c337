import { CSP_ADVICE } from './config.js';
import type { CaptchaError, CaptchaErrorCode } from './events.js';

/**
 * What the element lends the loader, which ships inside each on-demand adapter (legacy.js, tencent.js):
 * its failure class, and its Trusted Types policy (one per page, whichever adapters load).
 */
export interface LoaderKit {
  CaptchaError: typeof CaptchaError;
  trustedScriptUrl(url: string): unknown;
}

export interface LoadOptions {
  /** Give up after this many milliseconds (`script-timeout`). */
  timeoutMs: number;
  /** Put on the `<script>` for pages with a nonce-based Content-Security-Policy. */
  nonce?: string;
}

/** Marks the `<script>` elements this module added, so that a page and the tests can find them. */
export const SCRIPT_MARKER = 'data-t-captcha';

/** Query parameter that makes a retry of a failed URL reach the network (see `loadScript`). */
export const RETRY_PARAMETER = 't_captcha_retry';

const loads = new Map<string, Promise<void>>();
const failures = new Map<string, number>();


/**
 * Loads a vendor's classic script once per URL per document, and checks that it defined its API
 * (`defined`, named `api` in the error), else `vendor-missing`. Every caller for one URL shares one
 * load, settled once: resolved when the script has run, rejected with a {@link CaptchaError} on a
 * network error (`script-load-failed`) or after `timeoutMs` (`script-timeout`). After a failure the
 * `<script>` is removed and forgotten, so that the next call adds a fresh one; and since Chromium
 * answers a second `<script>` for a URL that failed in this document from its memory cache (the same
 * failure, no request), that one asks for the URL with a retry counter.
 */
export async function loadScript(
  { CaptchaError, trustedScriptUrl }: LoaderKit,
  url: string,
  { timeoutMs, nonce }: LoadOptions,
  defined: () => boolean,
  api: string,
): Promise<void> {
  let load = loads.get(url);
  if (!load) {
    load = new Promise<void>((resolve, reject) => {
      // The page may load the script itself, as the integration document shows: use that one.
      const own = [...document.scripts].find((script) => script.src === url);
      if (own && defined()) return resolve();
      const script = own ?? document.createElement('script');
      const settle = (code?: CaptchaErrorCode, message?: string) => () => {
        clearTimeout(timer);
        script.onload = script.onerror = null;
        if (!code) return resolve();
        if (!own) script.remove();
        loads.delete(url);
        failures.set(url, (failures.get(url) ?? 0) + 1);
        reject(new CaptchaError(code, message!));
      };
      script.onload = settle();
      script.onerror = settle('script-load-failed', `Could not load ${url}`);
      const timer = setTimeout(settle('script-timeout', `No script from ${url} within ${timeoutMs} ms`), timeoutMs);
      if (own) return;
      script.async = true;
      if (nonce) script.nonce = nonce;
      script.setAttribute(SCRIPT_MARKER, '');
      const request = new URL(url);
      if (failures.has(url)) request.searchParams.set(RETRY_PARAMETER, `${failures.get(url)}`);
      try {
        (script as { src: unknown }).src = trustedScriptUrl(request.href);
      } catch {
        // Settled a microtask later, so that the failed promise is in the cache before it is forgotten.
        return queueMicrotask(settle('script-load-failed', 'Trusted Types refused the policy "t-captcha"'));
      }
      document.head.append(script);
    });
    loads.set(url, load);
    // Callers may all be gone by the time it fails; the failure is theirs to report, not the page's.
    load.catch(() => undefined);
  }
  await load;
  if (!defined()) throw new CaptchaError('vendor-missing', `${url} defined no ${api}: not a captcha script, ${CSP_ADVICE}`);
}
