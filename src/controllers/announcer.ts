import { html, type ReactiveControllerHost } from 'lit';
import { message, type MessageKey } from '../messages.js';

/** The states the live region tells; it says nothing while idle or waiting. */
const ANNOUNCED = ['loading', 'ready', 'verified', 'closed', 'expired', 'error'];

/**
 * The visually hidden role=status region that tells screen readers the element's state, in its
 * language. It is there from the first render, and a message the first render already has (an
 * error before any load, the first "loading") comes a task later, into a region screen readers
 * already watch: text in a region that arrives with it is not announced.
 */
export class AnnouncerController {
  #rendered = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { state: string; userLanguage?: string }) {}

  /** The region, for the host's template. */
  region() {
    const { host } = this;
    let text = ANNOUNCED.includes(host.state) ? message(host, host.state as MessageKey, () => host.requestUpdate()) : '';
    if (!this.#rendered) {
      this.#rendered = true;
      if (text) setTimeout(() => host.requestUpdate());
      text = '';
    }
    return html`<span part="status" role="status">${text}</span>`;
  }
}
