import { CaptchaFailure } from './events.js';
import { isPageAllowed } from './hosts.js';

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
/** undefined: not tried yet; null: this page has no Trusted Types or refused the policy. */
let policy: TrustedTypePolicyLike | null | undefined;
let trustedTypesViolations = 0;
let watchingViolations = false;

/**
 * Counts Trusted Types violations on the page: Tencent's scripts assign HTML strings when they load,
 * so on a page that enforces Trusted Types they die, and the element's error should say why.
 */
function watchViolations(): void {
  if (watchingViolations || typeof document === 'undefined') return;
  watchingViolations = true;
  document.addEventListener('securitypolicyviolation', (event) => {
    if (/trusted-types/.test(event.effectiveDirective || event.violatedDirective)) trustedTypesViolations++;
  });
}

/**
 * Whether Trusted Types blocked something since `since` (a value of {@link violationCount}). Violation
 * events are queued as tasks, so this waits a moment for them to arrive.
 */
export async function trustedTypesBlocked(since: number): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return trustedTypesViolations > since;
}

export function violationCount(): number {
  return trustedTypesViolations;
}

/** What the README says to do when Tencent's script dies on a Trusted Types page. */
export const TRUSTED_TYPES_ADVICE =
  "Tencent's script assigns HTML strings and the page enforces Trusted Types (require-trusted-types-for 'script'): add a 'default' policy limited to Tencent's scripts, see the README's CSP section.";

/**
 * Loads a classic script once per URL per document. Every caller for one URL shares one promise,
 * settled once: resolved when the script has run, rejected with a {@link CaptchaFailure} on a network
 * error (`script-load-failed`) or after `timeoutMs` (`script-timeout`). After a failure the `<script>`
 * is removed and forgotten, so that the next call adds a fresh one.
 */
export function loadScript(url: string, options: LoadOptions): Promise<void> {
  watchViolations();
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
 * The `t-captcha` Trusted Types policy, made once where the browser has Trusted Types, so that the
 * element's own assignment never files a violation report. It passes only URLs of hosts the page
 * allowed (see hosts.ts) and refuses everything else. null where there are none or the page's CSP
 * does not allow the name.
 */
function trustedPolicy(): TrustedTypePolicyLike | null {
  if (policy !== undefined) return policy;
  policy = null;
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!trustedTypes) return policy;
  try {
    policy = trustedTypes.createPolicy(TRUSTED_TYPES_POLICY, {
      createScriptURL(value) {
        if (!isPageAllowed(value)) throw new TypeError(`${TRUSTED_TYPES_POLICY}: ${value} is not an allowed script host`);
        return value;
      },
    });
  } catch {
    // The page's `trusted-types` directive does not list the name: plain strings, where they are allowed.
  }
  return policy;
}

/**
 * The script URL as the `t-captcha` policy makes it (a TrustedScriptURL) where there is one, else the
 * string. Throws a TypeError for a host the page did not allow.
 */
export function trustedScriptUrl(url: string): unknown {
  const trusted = trustedPolicy();
  return trusted ? trusted.createScriptURL(url) : url;
}

function setScriptSrc(script: HTMLScriptElement, url: string): void {
  (script as { src: unknown }).src = trustedScriptUrl(url);
}
