/** One source of truth for the numbers the README documents. */
export const DEFAULT_LOAD_TIMEOUT_MS = 10_000;
/**
 * How long the element holds a ticket: Tencent's tickets live 5 minutes (vendor contract §5.4); 30 s
 * less leaves the form's submit and the server's check the time they need.
 */
export const DEFAULT_TICKET_LIFETIME_MS = 270_000;
export const REFRESH_EXPIRED = ['auto', 'manual', 'never'] as const;
export type RefreshExpired = (typeof REFRESH_EXPIRED)[number];
export const CLIENT_TYPES = ['pc', 'mobile'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

/**
 * The script Tencent's mainland Web integration page gives a new customer: captcha 2.0 (vendor
 * contract §5.1). `src` picks another: 1.0's `TCaptcha.js`, or the international 3.0 script.
 */
export const CURRENT_SCRIPT_URL = 'https://turing.captcha.qcloud.com/TJCaptcha.js';

/** The width the pc captcha needs (integration document, section 5). */
export const PC_MIN_WIDTH = 362;

/** The integration document's viewport tag for mobile pages. */
export const MOBILE_VIEWPORT =
  'initial-scale=1.0, maximum-scale=1.0, minimum-scale=1.0, user-scalable=no, width=device-width';

/**
 * Where a script that loaded left no captcha, or a captcha that should be on screen is not, the cause
 * is almost always the page's: its network, or its Content-Security-Policy (Tencent's scripts load
 * sub-scripts from their own hosts and assign HTML strings, which Trusted Types refuse). Completes
 * "…: <what happened> " in the element's error message.
 */
export const CSP_ADVICE = "or the page's CSP blocked it: see the README's CSP section ('strict-dynamic', a Trusted Types 'default' policy).";
