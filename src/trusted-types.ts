import { isPageAllowed } from './hosts.js';

interface TrustedTypePolicyLike {
  createScriptURL(url: string): unknown;
}

/** The Trusted Types policy name to allow in a `trusted-types` CSP directive. */
export const TRUSTED_TYPES_POLICY = 't-captcha';

/** undefined: not tried yet; null: this page has no Trusted Types or refused the policy. */
let policy: TrustedTypePolicyLike | null | undefined;

/**
 * The script URL as the `t-captcha` Trusted Types policy makes it (a TrustedScriptURL) where the browser
 * has Trusted Types and the page allows the name, else the string. The policy is made once, before the
 * first assignment, so that the element's own assignment never files a violation report; it passes only
 * URLs of hosts the page allowed (see hosts.ts) and throws a TypeError for any other.
 */
export function trustedScriptUrl(url: string): unknown {
  if (policy === undefined) {
    policy = null;
    try {
      policy = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicyLike } }).trustedTypes?.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL(value: string) {
          if (!isPageAllowed(value)) throw new TypeError(`${TRUSTED_TYPES_POLICY}: ${value} is not an allowed script host`);
          return value;
        },
      }) ?? null;
    } catch {
      // The page's `trusted-types` directive does not list the name: plain strings, where they are allowed.
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}
