import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import {
  CaptchaErrorEvent,
  CaptchaFailure,
  ClosedEvent,
  ReadyEvent,
  VerifiedEvent,
  type CaptchaTicket,
} from './events.js';
import { DEFAULT_LOAD_TIMEOUT_MS, MOBILE_VIEWPORT, checkClientType, checkScriptSrc, type ClientType } from './config.js';
import { claim, release, type Claimant } from './singleton.js';
import { legacyVendor } from './vendors/legacy.js';
import { EMPTY_TICKET, type VendorOutcome, type VendorSession } from './vendors/vendor.js';

/** Where the element is in its life; also exposed as a CSS custom state, e.g. `t-captcha:state(verified)`. */
export type CaptchaState = 'idle' | 'waiting' | 'loading' | 'ready' | 'verified' | 'closed' | 'error';

/** Marks the light-DOM box the vendor renders into (see the README: why light DOM). */
export const CONTAINER_ATTRIBUTE = 'data-t-captcha-container';

/** Properties whose change means a new vendor instance. */
const RESTART_ON: ReadonlySet<PropertyKey> = new Set(['src', 'clientType', 'showHeader', 'allowedHosts', 'loadTimeout']);

const warned = new Set<string>();
function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`<t-captcha>: ${message}`);
}

function inIframe(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

const hostList = {
  fromAttribute: (value: string | null) => (value ?? '').split(/\s+/).filter(Boolean),
  toAttribute: (value: readonly string[]) => value.join(' '),
};

/**
 * Tencent Cloud captcha (天御) in one tag. Give it the script URL your server got from
 * "get captcha JS URL"; it loads the script, sizes its box as the vendor requires, and reports the result.
 *
 * @fires {VerifiedEvent} verified - The user passed; send `ticket` and `randstr` to your server.
 * @fires {ClosedEvent} closed - The captcha closed without a pass; `ticket` and `randstr` are empty.
 * @fires {ReadyEvent} ready - The captcha is shown.
 * @fires {CaptchaErrorEvent} error - Something failed: `code` and `message`. Does not bubble.
 *
 * @cssprop [--t-captcha-width=230px] - Initial width of the box the pc captcha renders into.
 * @cssprop [--t-captcha-height=54px] - Initial height of that box.
 * @cssprop [--t-captcha-min-width=362px] - Width the host reserves on pc (the vendor needs at least 362px).
 * @cssprop [--t-captcha-min-height=40px] - Height the host reserves on pc (the vendor needs at least 40px).
 *
 * @csspart box - The frame around the pc captcha box, inside the host.
 *
 * @slot t-captcha-container - Used by the element itself for the vendor's light-DOM box; do not fill.
 */
export class TCaptcha extends LitElement implements Claimant {
  static override properties = {
    src: { type: String },
    clientType: { type: String, attribute: 'client-type', reflect: true },
    showHeader: { type: Boolean, attribute: 'show-header' },
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    allowedHosts: { attribute: 'allowed-hosts', converter: hostList },
  };

  static override styles = css`
    :host {
      display: block;
      box-sizing: border-box;
      min-width: max(362px, var(--t-captcha-min-width, 362px));
      /* The box's height too, so that an element without its box yet (waiting, loading) moves nothing when it gets one. */
      min-height: max(40px, var(--t-captcha-min-height, 40px), var(--t-captcha-height, 54px));
    }
    :host([client-type='mobile']) {
      display: contents;
    }
    :host([hidden]) {
      display: none;
    }
    ::slotted([${unsafeCSS(CONTAINER_ATTRIBUTE)}]) {
      width: var(--t-captcha-width, 230px);
      height: var(--t-captcha-height, 54px);
    }
  `;

  /** The script URL your server got from the "get captcha JS URL" API (single use, per page view). */
  declare src: string;
  /** `pc` (default) renders in the element's box; `mobile` shows the captcha full screen. */
  declare clientType: ClientType;
  /** Show the header (back / help) of the mobile captcha page. */
  declare showHeader: boolean;
  /** Milliseconds to wait for the script before an `error` with code `script-timeout`. */
  declare loadTimeout: number;
  /** When not empty, the only script hosts allowed (`host` or `host:port`); attribute: space-separated. */
  declare allowedHosts: string[];

  #state: CaptchaState = 'idle';
  /** In the singleton's list (connected, or disconnected less than a microtask ago). */
  #claimed = false;
  #owner = false;
  #needsStart = false;
  /** Bumped whenever the current attempt is abandoned; async continuations compare it. */
  #attempt = 0;
  #session: VendorSession | undefined;
  #verified: CaptchaTicket = EMPTY_TICKET;
  #container: HTMLElement | undefined;
  #internals: ElementInternals | undefined;

  constructor() {
    super();
    this.src = '';
    this.clientType = 'pc';
    this.showHeader = false;
    this.loadTimeout = DEFAULT_LOAD_TIMEOUT_MS;
    this.allowedHosts = [];
    this.#internals = this.attachInternals?.();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (inIframe()) {
      warnOnce('iframe', 'Tencent captcha does not work inside an iframe (it gets cut off).');
    }
    // Moved within the DOM (disconnected earlier in this task): the same live instance, same rank.
    if (this.#claimed) {
      if (this.#needsStart && this.#owner) this.requestUpdate();
      return;
    }
    this.#claimed = true;
    claim(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move is a disconnect and a connect in one task: decide once it is over.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#stop();
      this.#owner = false;
      this.#claimed = false;
      release(this);
      this.#setState('idle');
    });
  }

  /** @internal The singleton policy made this element the vendor's owner. */
  activate(): void {
    this.#owner = true;
    this.#needsStart = true;
    this.requestUpdate();
  }

  /** @internal Another element took the vendor over. */
  deactivate(): void {
    this.#owner = false;
    this.#stop();
    this.#setState('waiting');
  }

  /** Where the element is in its life: idle, waiting, loading, ready, verified, closed or error. */
  get state(): CaptchaState {
    return this.#state;
  }

  /** Ask the user to solve the captcha again (also after your server rejected a ticket); retries after an error. */
  refresh(): void {
    this.#verified = EMPTY_TICKET;
    if (!this.#session) {
      if (this.#owner && this.isConnected) this.activate();
      return;
    }
    try {
      this.#session.refresh();
      this.#setState('ready');
    } catch (error) {
      this.#fail(error);
    }
  }

  /** The current result: `ticket` is empty until the user passed. */
  getTicket(): CaptchaTicket {
    if (!this.#session) return this.#verified;
    try {
      const fromVendor = this.#session.getTicket();
      return fromVendor.ticket ? fromVendor : this.#verified;
    } catch (error) {
      this.#fail(error);
      return EMPTY_TICKET;
    }
  }

  protected override render() {
    return html`<div part="box"><slot name="t-captcha-container"></slot></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const restart = this.#needsStart || [...changed.keys()].some((key) => RESTART_ON.has(key));
    if (restart && this.#owner && this.isConnected) {
      this.#needsStart = false;
      void this.#start();
    }
  }

  async #start(): Promise<void> {
    this.#stop();
    const attempt = this.#attempt;
    this.#verified = EMPTY_TICKET;
    let clientType: ClientType;
    let src: string;
    try {
      clientType = checkClientType(this.clientType);
      this.#placeContainer(clientType);
      if (!this.src) {
        this.#setState('idle');
        return;
      }
      src = checkScriptSrc(this.src, this.allowedHosts ?? [], document.baseURI);
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (clientType === 'mobile' && !document.querySelector('meta[name="viewport"]')) {
      warnOnce('viewport', `add <meta name="viewport" content="${MOBILE_VIEWPORT}"> for the mobile captcha.`);
    }
    this.#setState('loading');
    const vendor = legacyVendor(src);
    try {
      await vendor.load({ timeoutMs: this.loadTimeout, nonce: this.nonce || undefined });
    } catch (error) {
      if (attempt === this.#attempt) this.#fail(error);
      return;
    }
    if (attempt !== this.#attempt) return;
    if (!this.isConnected) {
      // Removed, or in the middle of a move that spans microtasks: start again if it comes back.
      this.#needsStart = true;
      return;
    }
    try {
      this.#session = vendor.start({
        container: this.#container!,
        clientType,
        showHeader: this.showHeader,
        onOutcome: (outcome) => {
          if (attempt === this.#attempt && this.isConnected) this.#report(outcome);
        },
      });
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#setState('ready');
    this.dispatchEvent(new ReadyEvent());
  }

  #stop(): void {
    this.#attempt++;
    const session = this.#session;
    this.#session = undefined;
    session?.destroy();
    // Whatever the vendor left in our box belongs to the instance just torn down.
    this.#container?.replaceChildren();
  }

  #placeContainer(clientType: ClientType): void {
    if (clientType === 'mobile') {
      this.#container?.remove();
      return;
    }
    if (!this.#container) {
      this.#container = document.createElement('div');
      this.#container.setAttribute(CONTAINER_ATTRIBUTE, '');
      this.#container.slot = 't-captcha-container';
    }
    if (this.#container.parentNode !== this) this.append(this.#container);
  }

  #report(outcome: VendorOutcome): void {
    switch (outcome.kind) {
      case 'verified':
        this.#verified = { ticket: outcome.ticket, randstr: outcome.randstr };
        this.#setState('verified');
        this.dispatchEvent(new VerifiedEvent(outcome.ticket, outcome.randstr));
        return;
      case 'closed':
        this.#verified = EMPTY_TICKET;
        this.#setState('closed');
        this.dispatchEvent(new ClosedEvent());
        return;
      case 'failed':
        this.#fail(outcome.failure);
    }
  }

  #fail(error: unknown): void {
    const failure =
      error instanceof CaptchaFailure ? error : new CaptchaFailure('vendor-error', String(error));
    this.#stop();
    this.#setState('error');
    this.dispatchEvent(new CaptchaErrorEvent(failure.code, failure.message));
  }

  #setState(state: CaptchaState): void {
    const states = this.#internals?.states;
    if (states) {
      try {
        states.delete(this.#state);
        states.add(state);
      } catch {
        // Browsers before CustomStateSet's final syntax accept only `--name`; the property still tells.
      }
    }
    this.#state = state;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    't-captcha': TCaptcha;
  }
}
