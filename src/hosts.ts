import { CaptchaFailure } from './events.js';

/**
 * The hosts Tencent's captcha scripts come from (the legacy loader and its sub-scripts, TCaptcha.js and
 * its frame script, as the real scripts name them): `*.` also covers the host's subdomains.
 */
export const TENCENT_SCRIPT_HOSTS: readonly string[] = Object.freeze([
  'captcha.qq.com',
  '*.captcha.qq.com',
  'captcha.gtimg.com',
  '*.captcha.gtimg.com',
  '*.captcha.qcloud.com',
  'captcha.guard.qcloud.com',
  'captcha.myqcloud.com',
  '*.captcha.myqcloud.com',
]);

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$|\.localhost$/;
/** `host`, `host:port` or `*.host`: lower-case letters, digits, dots and dashes, or a bracketed IPv6 address. */
const HOST_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/;

/**
 * The page-wide list of script hosts. It starts with Tencent's and only the page's own JavaScript can
 * widen it (`TCaptcha.allowScriptHosts`): markup alone, which an HTML injection can write, never makes
 * the element load a script from anywhere else.
 */
const pageHosts = new Set<string>(TENCENT_SCRIPT_HOSTS);

/** Normalises one entry of a host list, or throws a TypeError that says what is wrong with it. */
export function parseHost(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`A script host must be a string, not ${typeof value}.`);
  const host = value.trim().toLowerCase();
  if (!HOST_PATTERN.test(host)) {
    throw new TypeError(`"${value}" is not a host: give "host" or "host:port" (e.g. "captcha.example.com", "localhost:8300"), no scheme or path.`);
  }
  return host;
}

/** Adds hosts to the page-wide list (see {@link pageHosts}). */
export function allowScriptHosts(hosts: readonly unknown[]): void {
  const parsed = hosts.map(parseHost);
  for (const host of parsed) pageHosts.add(host);
}

/** Whether `url` (absolute) matches an entry: `host:port` exactly, `host` on the default port, `*.host` also its subdomains. */
function matches(url: URL, entries: Iterable<string>): boolean {
  for (const entry of entries) {
    const wildcard = entry.startsWith('*.');
    const bare = wildcard ? entry.slice(2) : entry;
    const hasPort = /:\d+$/.test(bare);
    const host = hasPort ? url.host : url.port ? undefined : url.hostname;
    if (host === undefined) continue;
    if (host === bare || (wildcard && host.endsWith(`.${bare}`))) return true;
  }
  return false;
}

/** Loopback http is allowed only for a host the page allowed by name (never through a wildcard). */
function allowedScheme(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK.test(url.hostname) && (pageHosts.has(url.host) || (!url.port && pageHosts.has(url.hostname)));
}

/** Whether the page allows a script from this absolute URL: what the Trusted Types policy checks too. */
export function isPageAllowed(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return allowedScheme(url) && matches(url, pageHosts);
}

/**
 * Returns the absolute script URL, or throws `invalid-src`: https (http only on a loopback host the page
 * allowed), from a host on the page-wide list and, when the element gives `allowed-hosts`, on that too.
 */
export function checkScriptSrc(src: string, elementHosts: readonly string[], base: string): string {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    throw new CaptchaFailure('invalid-src', `src="${src}" is not a URL.`);
  }
  if (!allowedScheme(url)) {
    throw new CaptchaFailure(
      'invalid-src',
      `src must be https: (http: only on a loopback host allowed with TCaptcha.allowScriptHosts()), not ${url.protocol}//${url.host}`,
    );
  }
  if (!matches(url, pageHosts)) {
    throw new CaptchaFailure(
      'invalid-src',
      `${url.host} is not an allowed script host: Tencent's hosts are, others only after TCaptcha.allowScriptHosts('${url.host}') in the page's code.`,
    );
  }
  if (elementHosts.length > 0 && !matches(url, elementHosts)) {
    throw new CaptchaFailure('invalid-src', `${url.host} is not in allowed-hosts (${elementHosts.join(' ')}).`);
  }
  return url.href;
}
