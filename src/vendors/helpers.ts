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
