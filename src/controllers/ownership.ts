import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { claim, owner, release, type Claimant } from '../singleton.js';

export interface OwnershipHost extends ReactiveControllerHost, HTMLElement {}

/**
 * The element's place in the page-singleton policy (singleton.ts): it claims the vendor when it
 * connects and releases it when it leaves. A move (a disconnect and a connect in one task) is neither:
 * the decision waits a microtask, and a moved element keeps its rank and its live vendor instance.
 */
export class OwnershipController implements ReactiveController, Claimant {
  /** The host of the controller that holds the vendor now, if any. */
  static currentHost(): HTMLElement | undefined {
    const current = owner();
    return current instanceof OwnershipController ? current.host : undefined;
  }

  /** Holds the vendor now. */
  owner = false;
  #claimed = false;

  constructor(
    private readonly host: OwnershipHost,
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
    if (this.#claimed) {
      this.on.moved();
      return;
    }
    this.#claimed = true;
    claim(this);
  }

  hostDisconnected(): void {
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      // Torn down before another element may take over and start its own.
      this.owner = false;
      this.on.deactivate(true);
      this.#claimed = false;
      release(this);
    });
  }

  /** @internal The singleton policy made this element the owner. */
  activate(): void {
    this.owner = true;
    this.on.activate();
  }

  /** @internal Another element took the vendor over. */
  deactivate(): void {
    this.owner = false;
    this.on.deactivate(false);
  }
}
