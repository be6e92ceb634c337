import { CaptchaError } from './events.js';

/**
 * The hosts Tencent's captcha scripts come from (the legacy loader and its sub-scripts, TCaptcha.js and
 * its frame script, as the real scripts name them): `*.host` is the host and its subdomains.
 */
export const TENCENT_SCRIPT_HOSTS: readonly string[] = [
  '*.captcha.qq.com',
  '*.captcha.gtimg.com',
  '*.captcha.qcloud.com',
  'captcha.guard.qcloud.com',
  '*.captcha.myqcloud.com',
];

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$|\.localhost$/;
/** `host`, `host:port` or `*.host`: dot-separated labels of letters, digits and dashes, or a bracketed IPv6 address. */
const HOST_PATTERN = /^(\*\.)?([a-z\d-]+(\.[a-z\d-]+)*|\[[\da-f:.]+\])(:\d{1,5})?$/;

/**
 * The page-wide list of script hosts. It starts with Tencent's and only the page's own JavaScript can
 * widen it (`TCaptcha.allowScriptHosts`): markup alone, which an HTML injection can write, never makes
 * the element load a script from anywhere else.
 */
const pageHosts = new Set<string>(TENCENT_SCRIPT_HOSTS);

/** Normalises one entry of a host list, or throws a TypeError that says what is wrong with it. */
export function parseHost(value: unknown): string {
  const host = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!HOST_PATTERN.test(host)) {
    throw new TypeError(`${typeof value == 'string' ? JSON.stringify(value) : typeof value} is not a script host ("host" or "host:port").`);
  }
  return host;
}

/** Adds hosts to the page-wide list (see {@link pageHosts}); none if one of them is bad. */
export function allowScriptHosts(hosts: readonly unknown[]): void {
  for (const host of hosts.map(parseHost)) pageHosts.add(host);
}

/**
 * Whether `url` matches an entry: `host:port` exactly, `host` on the default port (`URL.host` has the
 * port only when it is not the default), `*.host` also its subdomains. Plain http only for a loopback
 * host the entries name (never through a wildcard).
 */
const matches = (url: URL, entries: Iterable<string>): boolean =>
  [...entries].some(
    (entry) =>
      (entry[0] === '*' ? `.${url.host}`.endsWith(entry.slice(1)) : url.host === entry) &&
      (url.protocol === 'https:' || (url.protocol === 'http:' && entry[0] !== '*' && LOOPBACK.test(url.hostname))),
  );

/** Whether the page allows a script from this absolute URL: what the Trusted Types policy checks too. */
export function isPageAllowed(href: string): boolean {
  try {
    return matches(new URL(href), pageHosts);
  } catch {
    return false;
  }
}

/**
 * Returns the absolute script URL, or throws `invalid-src`: https (http only on a loopback host the page
 * allowed by name), from a host on the page-wide list and, when the element gives `allowed-hosts`, on that too.
 */
export function checkScriptSrc(src: string, elementHosts: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    url = new URL('x:');
  }
  const refuse = (why: string) => new CaptchaError('invalid-src', `src="${src}" ${why}`);
  if (!/^https?:$/.test(url.protocol)) throw refuse('is not an https:// script URL (the one your server got from Tencent).');
  // https from Tencent's hosts; others (and http on loopback) only once the page's code allowed them.
  if (!matches(url, pageHosts)) {
    const allow = `allow it in the page's code: customElements.get('t-captcha').allowScriptHosts('${url.host}') (README, Security).`;
    // A relative src names the page's own origin, rarely what was meant.
    throw refuse(/^([a-z][\w+.-]*:|\/\/)/i.test(src) ? `is not on an allowed host: ${allow}` : `is relative, so it names ${url.origin}: give the https:// URL your server got from Tencent, or, to serve the script from there, ${allow}`);
  }
  if (elementHosts.length > 0 && !matches(url, elementHosts)) throw refuse(`is not in allowed-hosts (${elementHosts})`);
  return url.href;
}
