import { html, type ReactiveControllerHost } from 'lit';
import { message, type MessageKey } from '../messages.js';

/** The states the live region tells; it says nothing while idle or waiting. */
const ANNOUNCED = ['loading', 'ready', 'verified', 'closed', 'expired', 'error'];

/**
 * The visually hidden role=status region that tells screen readers the element's state, in its
 * language. It is there, empty, from the first render, so that every message (an error before any
 * load among them) comes into a region screen readers already watch.
 */
export class AnnouncerController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { state: string; userLanguage?: string }) {}

  /** The region, for the host's template. */
  region() {
    const { host } = this;
    return html`<span part="status" role="status">${ANNOUNCED.includes(host.state) ? message(host, host.state as MessageKey, () => host.requestUpdate()) : ''}</span>`;
  }
}
