import { oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { CaptchaErrorEvent } from '../src/events.js';
import { TCaptcha } from '../src/t-captcha.js';

// The test server serves the fake vendors: allowed the documented way, by the page's own code.
TCaptcha.allowScriptHosts(location.host, `127.0.0.1:${location.port}`);

export interface FakeCall {
  name: string;
  args: unknown[];
}

/** The fake legacy vendor's test handle (test/fixtures/legacy-vendor.js). */
export interface FakeCaptcha {
  /** The last 20 calls. */
  calls: FakeCall[];
  callbacks: Array<(result: unknown) => void>;
  /** The hooks the vendor called: 'start', 'end'. */
  hooks: string[];
  instance: { mobile: boolean; showHeader: boolean; target: unknown; trigger: HTMLIFrameElement | null; challenge: HTMLIFrameElement | null } | null;
  pass(ticket?: string, randstr?: string): void;
  close(): void;
  deliver(result: unknown): void;
  open(): void;
  count(name: string): number;
}

declare global {
  interface Window {
    __fakeCaptcha?: FakeCaptcha;
  }
}

export function fake(): FakeCaptcha {
  const handle = window.__fakeCaptcha;
  if (!handle) throw new Error('the fake vendor has not run yet');
  return handle;
}

/** The fake's calls so far, by name; 0 before the fake ever ran. */
export function calls(name: string): number {
  return window.__fakeCaptcha?.count(name) ?? 0;
}

let serial = 0;
/** A URL of the test server's vendor routes, unique per call so that no test shares another's load. */
export function vendorUrl(path = 'legacy.js', params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ n: `${Date.now()}-${++serial}`, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  return new URL(`/vendor/${path}?${query}`, location.href).href;
}

export async function requestCount(url: string): Promise<number> {
  const { pathname, search } = new URL(url);
  const response = await fetch(`/__requests?path=${encodeURIComponent(pathname + search)}`);
  return ((await response.json()) as { count: number }).count;
}

export function scriptsFor(url: string): number {
  return [...document.querySelectorAll('script')].filter((script) => script.src === url).length;
}

export async function ready(el: TCaptcha): Promise<void> {
  if (el.state === 'ready') return;
  await oneEvent(el, 'ready');
}

/** Resolves once the element's vendor teardown (a microtask after removal) has happened. */
export async function settled(): Promise<void> {
  await Promise.resolve();
  await Promise.resolve();
}

// `error` does not bubble, but a capturing listener on the document sees it: no error is missed,
// however early it comes (even before fixture() resolves).
const errors: CaptchaErrorEvent[] = [];
const consumed = new Set<CaptchaErrorEvent>();
document.addEventListener('error', (event) => event instanceof CaptchaErrorEvent && errors.push(event), true);

/** The element's next error event not yet looked at. */
export async function errorOf(el: TCaptcha): Promise<CaptchaErrorEvent> {
  const next = () => errors.find((event) => event.target === el && !consumed.has(event));
  await waitUntil(next, 'no error event', { timeout: 5000 });
  const event = next()!;
  consumed.add(event);
  return event;
}

/** One `new TencentCaptcha` the fake current script saw (test/fixtures/tcaptcha-vendor.js). */
export interface FakeTencentInstance {
  appid: string;
  options: Record<string, unknown>;
  /** The element given as first argument (the embed's box, 3.0's container), or null. */
  element: Element | null;
  shown: boolean;
  destroyed: boolean;
  /** 3.0: how often reload() was called. */
  reloads: number;
}

/** The fake current script's test handle: what it saw, and the user it plays. */
export interface FakeTencent {
  /** '1.0', '2.0' or '3.0', from the script's file name. */
  family: string;
  instances: FakeTencentInstance[];
  count(name: string): number;
  /** The instance whose captcha is on screen, if any. */
  current(): FakeTencentInstance | undefined;
  pass(ticket?: string, randstr?: string): void;
  close(): void;
  fail(code?: number, message?: string): void;
  /** 3.0: the user clicks the checkbox. */
  check(): void;
}

export const tencent = (): FakeTencent => (window as unknown as { __fakeTencent: FakeTencent }).__fakeTencent;
/** The last instance the fake current script saw. */
export const lastTencent = (): FakeTencentInstance => tencent().instances.at(-1)!;
/** Waits until the popup or embed is on screen: the real script queues show() until its frame script has run. */
export const tencentOnScreen = (): Promise<void> => waitUntil(() => tencent()?.current(), 'the captcha is on screen');

/** Forgets the fake TCaptcha.js, so that the next element loads it anew (the real one refuses a second load). */
export function forgetTencent(): void {
  for (const name of ['TencentCaptcha', 'TCaptchaGlobal', '__TencentCaptchaExists__', 'FakeTencentFrame', '__fakeTencent']) {
    delete (window as unknown as Record<string, unknown>)[name];
  }
}

export { waitUntil };

declare global {
  interface Window {
    capInit?: unknown;
  }
}
