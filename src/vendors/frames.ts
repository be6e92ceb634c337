/**
 * Watches for a vendor's frame: calls `onFrame` once an `<iframe>` is in `root` (or, with
 * `onlyNew`, once one is added to it, directly or inside an added element). Mutation observer
 * callbacks run before the browser paints, so a frame can be removed before anyone sees it.
 * Returns a function that stops watching.
 */
export function watchForFrame(root: Node & ParentNode, onFrame: () => void, { onlyNew = false, subtree = true } = {}): () => void {
  if (!onlyNew && root.querySelector('iframe')) {
    onFrame();
    return () => undefined;
  }
  const observer = new MutationObserver((records) => {
    const found = records.some((record) =>
      [...record.addedNodes].some((node) => node instanceof Element && (node.localName === 'iframe' || node.querySelector('iframe'))),
    );
    if (!found) return;
    observer.disconnect();
    onFrame();
  });
  observer.observe(root, { childList: true, subtree });
  return () => observer.disconnect();
}
