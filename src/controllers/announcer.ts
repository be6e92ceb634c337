import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { message, type MessageKey } from '../messages.js';

/** The states the live region tells; it says nothing while idle or waiting. */
const ANNOUNCED = ['loading', 'ready', 'verified', 'closed', 'error'];

/**
 * The visually hidden role=status region that tells screen readers the element's state, in its
 * language. It exists from the element's first captcha on: the many elements that only ever wait (or
 * own the vendor for a moment while siblings connect) never pay for it, and the messages that matter
 * (ready, passed, closed, error) come into a region screen readers already know.
 */
export class AnnouncerController implements ReactiveController {
  #active = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { state: string; userLanguage?: string }) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.#active ||= this.host.state === 'loading';
  }

  /** The region, for the host's template. */
  region() {
    const { host } = this;
    return this.#active
      ? html`<span part="status" role="status">${ANNOUNCED.includes(host.state) ? message(host, host.state as MessageKey, () => host.requestUpdate()) : ''}</span>`
      : nothing;
  }
}
