import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { message, type MessageKey } from '../messages.js';

/** What the live region says in each state; nothing while idle or waiting. */
const ANNOUNCED: Record<string, MessageKey | undefined> = {
  loading: 'loading',
  ready: 'ready',
  verified: 'verified',
  closed: 'closed',
  error: 'error',
};

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
    if (this.host.state === 'loading') this.#active = true;
  }

  /** The region, for the host's template. */
  region(): TemplateResult | typeof nothing {
    if (!this.#active) return nothing;
    const key = ANNOUNCED[this.host.state];
    return html`<span part="status" role="status">${key ? message(this.host, key, () => this.host.requestUpdate()) : ''}</span>`;
  }
}
