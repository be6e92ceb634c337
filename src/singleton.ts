/**
 * The legacy vendor script is a page singleton: one live captcha per page. This module decides
 * which element owns it. Policy: the element connected most recently owns the vendor; the others
 * wait, and when the owner leaves, the most recently connected of those still waiting takes over.
 */
export interface Claimant {
  /** Now the owner: may start the vendor. */
  activate(): void;
  /** No longer the owner: must have torn its vendor instance down when this returns. */
  deactivate(): void;
}

const claimants: Claimant[] = [];

/** The claimant that holds the vendor now, if any. */
export const owner = (): Claimant | undefined => claimants[claimants.length - 1];

export function claim(claimant: Claimant): void {
  const previous = owner();
  if (previous === claimant) return;
  withdraw(claimant);
  claimants.push(claimant);
  previous?.deactivate();
  claimant.activate();
}

/** The claimant has already torn down whatever it ran. */
export function release(claimant: Claimant): void {
  const wasOwner = owner() === claimant;
  withdraw(claimant);
  if (wasOwner) owner()?.activate();
}

function withdraw(claimant: Claimant): void {
  const index = claimants.indexOf(claimant);
  if (index >= 0) claimants.splice(index, 1);
}
