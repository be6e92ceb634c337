import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The legacy vendor script is a page singleton: one live captcha per page. Policy: the element
 * connected most recently owns the vendor; the others wait, and when the owner leaves, the most
 * recently connected of those still waiting takes over. The last of this stack holds the vendor.
 */
const claimants: OwnershipController[] = [];
const top = (): OwnershipController | undefined => claimants[claimants.length - 1];

/**
 * The element's place in that policy: it claims the vendor when it connects and releases it when it
 * leaves. A move (a disconnect and a connect in one task) is neither: the decision waits a microtask,
 * and a moved element keeps its rank and its live vendor instance.
 */
export class OwnershipController implements ReactiveController {
  /** The host of the controller that holds the vendor now, if any. */
  static currentHost(): HTMLElement | undefined {
    return top()?.host;
  }

  /** Holds the vendor now. */
  owner = false;
  #claimed = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly on: {
      /** Became the owner: start the vendor. */
      activate(): void;
      /** Lost it to another element, or left the page: tear the vendor down now. */
      deactivate(left: boolean): void;
      /** Came back from a move. */
      moved(): void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#claimed) return this.on.moved();
    this.#claimed = true;
    const previous = top();
    claimants.push(this);
    if (previous) previous.#own(false, false);
    this.#own(true);
  }

  hostDisconnected(): void {
    queueMicrotask(() => {
      if (this.host.isConnected || !this.#claimed) return;
      // Torn down before another element may take over and start its own.
      this.#own(false, true);
      this.#claimed = false;
      const wasTop = top() === this;
      claimants.splice(claimants.indexOf(this), 1);
      const next = top();
      if (wasTop && next) next.#own(true);
    });
  }

  #own(owner: boolean, left?: boolean): void {
    this.owner = owner;
    if (owner) this.on.activate();
    else this.on.deactivate(left!);
  }
}
