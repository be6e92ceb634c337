import type { CaptchaTicket } from '../events.js';

// Small pure functions for the element and its vendor adapters. They import nothing at run time, so
// each adapter module that ships on its own (legacy.js, tencent.js) carries its own copy.

export const EMPTY_TICKET: CaptchaTicket = Object.freeze({ ticket: '', randstr: '' });

/** Tears a vendor instance down; one that fails to leaves nothing for us to do but forget it. */
export function destroyQuietly(destroy?: () => void): void {
  try {
    destroy?.();
  } catch {
    // Nothing more to undo.
  }
}

/** `value[key]` for any object, else undefined: vendor results are not to be trusted. */
export const field = (value: unknown, key: string): unknown => (value as Record<string, unknown> | null)?.[key];

/** `{ ticket, randstr }` when both are strings, otherwise the empty ticket. */
export function toTicket(value: unknown): CaptchaTicket {
  const ticket = field(value, 'ticket');
  const randstr = field(value, 'randstr');
  return typeof ticket === 'string' && typeof randstr === 'string' ? { ticket, randstr } : EMPTY_TICKET;
}

/**
 * Watches for a vendor's frame: calls `onFrame` once an `<iframe>` is in `root` (or, with `onlyNew`,
 * once one is added to it, directly or inside an added element; `subtree` also watches deeper).
 * Mutation observer callbacks run before the browser paints, so a frame can be removed before anyone
 * sees it. Returns a function that stops watching.
 */
export function watchForFrame(root: ParentNode, onFrame: () => void, onlyNew: boolean, subtree: boolean): () => void {
  const observer = new MutationObserver((records) => {
    if (records.some((record) => [...record.addedNodes].some((node) => (node as Element).localName === 'iframe' || (node as Element).querySelector?.('iframe')))) {
      stop();
      onFrame();
    }
  });
  const stop = () => observer.disconnect();
  if (!onlyNew && root.querySelector('iframe')) onFrame();
  else observer.observe(root, { childList: true, subtree });
  return stop;
}

/**
 * What each of Tencent's scripts fetches next, as the real scripts do (vendor contract §2 and §5): the
 * legacy loader its three sub-scripts at fixed URLs (preloaded: their download then overlaps the
 * loader's), TCaptcha.js its frame script from captcha.gtimg.com and TJCaptcha.js its core from
 * turing.captcha.gtimg.com (their names carry a build hash: only the connection can be opened early).
 * Frames are not here: a cross-site frame's connection belongs to that site's partition, which no page
 * can open. 3.0's hosts are not documented, so it gets nothing.
 */
const NEXT: readonly (readonly [RegExp, 'preload' | 'preconnect', readonly string[]])[] = [
  [/\/TCapIframeApi\.js$/i, 'preload', ['https://captcha.gtimg.com/2/json2.js', 'https://captcha.gtimg.com/2/TCapMsg.js', 'https://captcha.gtimg.com/2/TCapIframe.js?v=1.0']],
  [/\/TJCaptcha\.js$/i, 'preconnect', ['https://turing.captcha.gtimg.com']],
  [/\/TCaptcha\.js$/i, 'preconnect', ['https://captcha.gtimg.com']],
];
const warmed = new Set<string>();

/**
 * Starts what a Tencent script will fetch next while it downloads, once per page: `<link rel=preload
 * as=script>` (with the element's nonce, for a strict CSP), or a connection (preconnect and a prefetch
 * of the host's root). Only for a script from Tencent's own hosts over https, only to Tencent's hosts.
 */
export function warmUp(src: string, nonce?: string): void {
  const { hostname, pathname, protocol } = new URL(src);
  if (protocol !== 'https:' || !/(^|\.)captcha\.(qq|gtimg|qcloud)\.com$/.test(hostname)) return;
  const [, rel, urls] = NEXT.find(([file]) => file.test(pathname)) ?? [];
  for (const href of urls ?? []) {
    if (warmed.has(href)) continue;
    warmed.add(href);
    // A preconnect alone helps only where third-party cookies are allowed: where they are blocked,
    // Chromium fetches Tencent's scripts on sockets of their own, which only a real request opens (a
    // prefetch of the host's root, small and never run).
    for (const kind of rel === 'preload' ? ['preload'] : ['preconnect', 'prefetch']) {
      const link = document.createElement('link');
      link.rel = kind;
      link.href = kind === 'prefetch' ? `${href}/` : href;
      if (kind === 'preload') {
        link.as = 'script';
        if (nonce) link.nonce = nonce;
      }
      document.head.append(link);
    }
  }
}
