// Lit's ReactiveElement (the base of LitElement): properties, attributes, update cycle and styles.
// The shadow tree is static, so lit-html's templating would be 3 kB of CDN file for nothing.
import { ReactiveElement, css, unsafeCSS, type PropertyValues } from '@lit/reactive-element';
import {
  CaptchaErrorEvent,
  CaptchaFailure,
  ClosedEvent,
  ReadyEvent,
  VerifiedEvent,
  type CaptchaTicket,
} from './events.js';
import { CURRENT_SCRIPT_URL, DEFAULT_LOAD_TIMEOUT_MS, MOBILE_VIEWPORT, checkClientType, type ClientType } from './config.js';
import { allowScriptHosts, checkScriptSrc } from './hosts.js';
import { TRUSTED_TYPES_ADVICE, trustedTypesBlocked, violationCount } from './loader.js';
import { message, type MessageKey } from './messages.js';
import { claim, release, type Claimant } from './singleton.js';
import { currentVendor } from './vendors/current.js';
import { legacyVendor } from './vendors/legacy.js';
import { EMPTY_TICKET, type Vendor, type VendorOutcome, type VendorSession } from './vendors/vendor.js';

/** Where the element is in its life; also exposed as a CSS custom state, e.g. `t-captcha:state(verified)`. */
export type CaptchaState = 'idle' | 'waiting' | 'loading' | 'ready' | 'verified' | 'closed' | 'error';

/** Marks the light-DOM box the vendor renders into (see the README: why light DOM). */
export const CONTAINER_ATTRIBUTE = 'data-t-captcha-container';

/** Properties whose change means a new vendor instance. */
const RESTART_ON: ReadonlySet<PropertyKey> = new Set([
  'src',
  'clientType',
  'showHeader',
  'allowedHosts',
  'loadTimeout',
  'appId',
  'type',
  'userLanguage',
  'darkMode',
  'bizState',
  'fallback',
]);

/** What the live region says in each state; nothing while idle or waiting. */
const ANNOUNCED: Partial<Record<CaptchaState, MessageKey>> = {
  loading: 'loading',
  ready: 'ready',
  verified: 'verified',
  closed: 'closed',
  error: 'error',
};

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

let tree: HTMLElement | undefined;
/** Built once with DOM calls (no innerHTML: pages with Trusted Types forbid it), then cloned. */
function shadowTree(): HTMLElement {
  if (!tree) {
    tree = document.createElement('div');
    tree.setAttribute('part', 'box');
    const slot = document.createElement('slot');
    slot.name = 't-captcha-container';
    tree.append(slot);
  }
  return tree;
}

/**
 * The element's own boolean attributes, bindable by frameworks that write `attr="false"` (Vue, Svelte,
 * Preact, Angular's `[attr.…]`): absent or `"false"` is false; `""`, `"true"` or anything else is true.
 */
const flag = {
  fromAttribute: (value: string | null) => value !== null && value.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean) => (value ? '' : null),
};

const hostList = {
  fromAttribute: (value: string | null) => (value ?? '').toLowerCase().split(/\s+/).filter(Boolean),
  toAttribute: (value: readonly string[]) => value.join(' '),
};

/**
 * Tencent Cloud captcha (天御) in one tag. With `src` (the script URL your server got from "get captcha
 * JS URL") it drives the legacy `capInit` API; with `app-id` it drives the current `TencentCaptcha`
 * API. It loads the script, sizes its box as the vendor requires, reports the result with the same
 * events for both, takes part in forms, and announces its state to screen readers.
 *
 * @fires {VerifiedEvent} verified - The user passed; send `ticket` and `randstr` to your server.
 * @fires {ClosedEvent} closed - The captcha closed without a pass; `ticket` and `randstr` are empty.
 * @fires {ReadyEvent} ready - The captcha is shown (or, for a popup, can be shown).
 * @fires {CaptchaErrorEvent} error - Something failed: `code`, `message`, `vendorCode`. Does not bubble.
 *
 * @cssprop [--t-captcha-width=230px] - Initial width of the box the pc captcha renders into.
 * @cssprop [--t-captcha-height=54px] - Initial height of that box.
 * @cssprop [--t-captcha-min-width=362px] - Width the host reserves on pc (the vendor needs at least 362px).
 * @cssprop [--t-captcha-min-height=40px] - Height the host reserves on pc (the vendor needs at least 40px).
 *
 * @csspart box - The frame around the captcha box, inside the host.
 * @csspart status - The visually hidden live region that announces the state.
 *
 * @slot t-captcha-container - Used by the element itself for the vendor's light-DOM box; do not fill.
 */
export class TCaptcha extends ReactiveElement implements Claimant {
  static formAssociated = true;

  /**
   * Allows script hosts (`host` or `host:port`; plain http only for loopback hosts given this way)
   * besides Tencent's, for the whole page. Only code can widen the list: markup cannot, so an HTML
   * injection cannot make the element load a script of its choosing. Throws a TypeError on a bad host.
   */
  static allowScriptHosts(...hosts: string[]): void {
    allowScriptHosts(hosts);
  }

  static override properties = {
    src: { type: String },
    clientType: { type: String, attribute: 'client-type', reflect: true },
    showHeader: { type: Boolean, attribute: 'show-header', converter: flag },
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    allowedHosts: { attribute: 'allowed-hosts', converter: hostList },
    appId: { type: String, attribute: 'app-id', reflect: true },
    type: { type: String, reflect: true },
    userLanguage: { type: String, attribute: 'user-language' },
    darkMode: { type: Boolean, attribute: 'dark-mode', converter: flag },
    bizState: { attribute: false },
    fallback: { type: Boolean, converter: flag },
    name: { type: String, reflect: true },
    randstrName: { type: String, attribute: 'randstr-name' },
    required: { type: Boolean, reflect: true },
  };

  static override styles = css`
    :host {
      display: block;
      box-sizing: border-box;
      min-width: max(362px, var(--t-captcha-min-width, 362px));
      /* The box's height too, so that an element without its box yet (waiting, loading) moves nothing when it gets one. */
      min-height: max(40px, var(--t-captcha-min-height, 40px), var(--t-captcha-height, 54px));
    }
    /* Full screen or popup: no layout space, but still a box, so that form validation can focus it. */
    :host([client-type='mobile']:not([app-id])),
    :host([app-id]:not([type='embed'])) {
      min-width: 0;
      min-height: 0;
      height: 0;
    }
    :host([hidden]) {
      display: none;
    }
    :host([app-id]) {
      min-height: 0;
    }
    ::slotted([${unsafeCSS(CONTAINER_ATTRIBUTE)}]) {
      width: var(--t-captcha-width, 230px);
      height: var(--t-captcha-height, 54px);
    }
    :host([app-id]) ::slotted([${unsafeCSS(CONTAINER_ATTRIBUTE)}]) {
      width: var(--t-captcha-width, auto);
      height: var(--t-captcha-height, auto);
    }
    :host(:disabled) [part='box'] {
      opacity: 0.5;
    }
    [part='status'] {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;

  /** Legacy API: the script URL from the "get captcha JS URL" API (single use, per page view). Current API: overrides the TCaptcha.js address. */
  declare src: string;
  /** Legacy API: `pc` (default) renders in the element's box; `mobile` shows the captcha full screen. */
  declare clientType: ClientType;
  /** Legacy API, mobile: show the header (back / help) of the captcha page. */
  declare showHeader: boolean;
  /** Milliseconds to wait for the script before an `error` with code `script-timeout`. */
  declare loadTimeout: number;
  /** Narrows the page's script hosts for this element: when not empty, only these (`host` or `host:port`); attribute: space-separated. */
  declare allowedHosts: string[];
  /** Current API: the CaptchaAppId. Setting it selects the current `TencentCaptcha` API. */
  declare appId: string | undefined;
  /** Current API: `popup` (default; opened with `show()`) or `embed` (rendered in the element's box). */
  declare type: 'popup' | 'embed';
  /** Current API: the captcha's language (e.g. `zh-cn`, `en`); the vendor's default when empty. */
  declare userLanguage: string | undefined;
  /** Current API: dark mode. */
  declare darkMode: boolean;
  /** Current API: any value, handed back on the events as `bizState`. */
  declare bizState: unknown;
  /** Current API: when the script cannot load, pass with Tencent's disaster-recovery ticket (`fallback: true` on the event). */
  declare fallback: boolean;
  /** Form field for the ticket; with a name the element submits `name=ticket` and `randstr-name=randstr`. */
  declare name: string | undefined;
  /** Form field for the randstr. */
  declare randstrName: string;
  /** Keeps the form invalid (`valueMissing`) until the user passed. */
  declare required: boolean;

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
  #disabled = false;
  #status: HTMLElement | undefined;
  /** show() was called before the vendor was ready: a click on a slow network is not lost. */
  #showWhenReady = false;
  /** The render watchdog: the vendor must put its frame on screen within `load-timeout`. */
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  /** Trusted Types violations counted before this attempt's load, to tell whether it met one. */
  #violationsBefore = 0;

  constructor() {
    super();
    this.src = '';
    this.clientType = 'pc';
    this.showHeader = false;
    this.loadTimeout = DEFAULT_LOAD_TIMEOUT_MS;
    this.allowedHosts = [];
    this.type = 'popup';
    this.darkMode = false;
    this.fallback = false;
    this.randstrName = 'randstr';
    this.required = false;
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
      this.#showWhenReady = false;
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
    this.#showWhenReady = false;
    this.#stop();
    this.#setState('waiting');
  }

  /** Where the element is in its life: idle, waiting, loading, ready, verified, closed or error. */
  get state(): CaptchaState {
    return this.#state;
  }

  /** Current API, popup: open the captcha (call it from the user's click); while the script still loads, it opens once ready. */
  show(): void {
    if (!this.#session) {
      this.#showWhenReady = this.#state === 'loading' || this.#state === 'idle';
      return;
    }
    try {
      this.#session.show();
      this.#armWatchdog('show()');
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Ask the user to solve the captcha again (also after your server rejected a ticket); retries after an error. */
  refresh(): void {
    this.#setVerified(EMPTY_TICKET);
    if (!this.#session) {
      if (this.#owner && this.isConnected) this.activate();
      return;
    }
    try {
      this.#session.refresh();
      if (this.#state !== 'loading') this.#setState('ready');
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * The current result: `ticket` is empty until the user passed. Asking never changes the element's
   * state: when the vendor cannot tell (the legacy script throws until it has rendered) or has nothing,
   * this is the element's own last result.
   */
  getTicket(): CaptchaTicket {
    try {
      const fromVendor = this.#session?.getTicket();
      if (fromVendor?.ticket) return fromVendor;
    } catch {
      // The vendor's own state is not ready to be read; ours is.
    }
    return this.#verified;
  }

  /** The form that owns the element, as for any form control. */
  get form(): HTMLFormElement | null {
    return this.#internals?.form ?? null;
  }

  /** As for any form control; `valueMissing` while `required` and not passed. */
  get validity(): ValidityState | undefined {
    return this.#internals?.validity;
  }

  /** The localized "please complete the captcha" while `required` and not passed, else empty. */
  get validationMessage(): string {
    return this.#internals?.validationMessage ?? '';
  }

  checkValidity(): boolean {
    return this.#internals?.checkValidity() ?? true;
  }

  reportValidity(): boolean {
    return this.#internals?.reportValidity() ?? true;
  }

  /** @internal A form reset asks for a new solve. */
  formResetCallback(): void {
    this.refresh();
  }

  /** @internal A disabled fieldset or form: nothing to submit, nothing to click. */
  formDisabledCallback(disabled: boolean): void {
    this.#disabled = disabled;
    if (this.#container) this.#container.inert = disabled;
  }

  /** The static shadow tree (the box with the vendor's slot), cloned. The live region comes with ownership. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.append(shadowTree().cloneNode(true));
    return root;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('name') || changed.has('randstrName') || changed.has('required')) this.#updateForm();
    const restart = this.#needsStart || [...changed.keys()].some((key) => RESTART_ON.has(key));
    if (restart && this.#owner && this.isConnected) {
      this.#needsStart = false;
      void this.#start();
    }
  }

  /** The vendor the attributes ask for; throws `CaptchaFailure` on bad input. */
  #vendor(): Vendor | undefined {
    const allowed = this.allowedHosts ?? [];
    if (this.appId) {
      if (this.type !== 'popup' && this.type !== 'embed') {
        throw new CaptchaFailure('invalid-attribute', `type="${String(this.type)}": use popup or embed.`);
      }
      const src = checkScriptSrc(this.src || CURRENT_SCRIPT_URL, allowed, document.baseURI);
      return currentVendor(src, {
        appId: this.appId,
        type: this.type,
        userLanguage: this.userLanguage,
        darkMode: this.darkMode,
        bizState: this.bizState,
        fallback: this.fallback,
      });
    }
    const clientType = checkClientType(this.clientType);
    if (!this.src) return undefined;
    const src = checkScriptSrc(this.src, allowed, document.baseURI);
    if (clientType === 'mobile' && !document.querySelector('meta[name="viewport"]')) {
      warnOnce('viewport', `add <meta name="viewport" content="${MOBILE_VIEWPORT}"> for the mobile captcha.`);
    }
    return legacyVendor(src, { clientType, showHeader: this.showHeader });
  }

  async #start(): Promise<void> {
    this.#stop();
    const attempt = this.#attempt;
    this.#setVerified(EMPTY_TICKET);
    let vendor: Vendor | undefined;
    try {
      vendor = this.#vendor();
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (!vendor) {
      this.#setState('idle');
      return;
    }
    this.#placeContainer(vendor.usesBox);
    this.#liveRegion();
    this.#setState('loading');
    this.#violationsBefore = violationCount();
    try {
      await vendor.load({ timeoutMs: this.loadTimeout, nonce: this.nonce || undefined });
    } catch (error) {
      if (attempt !== this.#attempt) return;
      const recovered = error instanceof CaptchaFailure ? vendor.recover?.(error) : undefined;
      if (recovered) this.#report(recovered);
      else this.#fail(error);
      return;
    }
    if (attempt !== this.#attempt) return;
    if (!this.isConnected) {
      // Removed, or in the middle of a move that spans microtasks: start again if it comes back.
      this.#needsStart = true;
      return;
    }
    const current = () => attempt === this.#attempt && this.isConnected;
    try {
      this.#session = vendor.start({
        container: this.#container!,
        onOutcome: (outcome) => {
          if (current()) this.#report(outcome);
        },
        onVisible: () => {
          if (current()) this.#visible();
        },
      });
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (vendor.onDemand) this.#becomeReady();
    else if (this.#state === 'loading') this.#armWatchdog(vendor.startCall);
  }

  /** The vendor's frame is on screen. */
  #visible(): void {
    this.#disarmWatchdog();
    if (this.#state === 'loading') this.#becomeReady();
  }

  #becomeReady(): void {
    this.#setState('ready');
    this.dispatchEvent(new ReadyEvent());
    if (this.#showWhenReady) {
      this.#showWhenReady = false;
      this.show();
    }
  }

  /** After the call that should put the vendor's frame on screen: `render-timeout` unless it comes in time. */
  #armWatchdog(call: string): void {
    this.#disarmWatchdog();
    const attempt = this.#attempt;
    const timeout = this.loadTimeout;
    this.#watchdog = setTimeout(async () => {
      this.#watchdog = undefined;
      const trustedTypes = await trustedTypesBlocked(this.#violationsBefore);
      if (attempt !== this.#attempt) return;
      const cause = trustedTypes
        ? TRUSTED_TYPES_ADVICE
        : "its sub-resources were probably blocked: by the network, or by a Content-Security-Policy without 'strict-dynamic' or Tencent's hosts (see the README's CSP section).";
      this.#fail(new CaptchaFailure('render-timeout', `The captcha did not appear within ${timeout} ms after ${call}: ${cause}`));
    }, timeout);
  }

  #disarmWatchdog(): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
  }

  #stop(): void {
    this.#disarmWatchdog();
    this.#attempt++;
    const session = this.#session;
    this.#session = undefined;
    session?.destroy();
    // Whatever the vendor left in our box belongs to the instance just torn down.
    this.#container?.replaceChildren();
  }

  #placeContainer(usesBox: boolean): void {
    if (!usesBox) {
      this.#container?.remove();
      return;
    }
    if (!this.#container) {
      this.#container = document.createElement('div');
      this.#container.setAttribute(CONTAINER_ATTRIBUTE, '');
      this.#container.slot = 't-captcha-container';
    }
    this.#container.inert = this.#disabled;
    if (this.#container.parentNode !== this) this.append(this.#container);
  }

  #report(outcome: VendorOutcome): void {
    this.#disarmWatchdog();
    switch (outcome.kind) {
      case 'verified':
        this.#setVerified({ ticket: outcome.ticket, randstr: outcome.randstr });
        this.#setState('verified');
        this.dispatchEvent(new VerifiedEvent(outcome.ticket, outcome.randstr, outcome));
        return;
      case 'closed':
        this.#setVerified(EMPTY_TICKET);
        this.#setState('closed');
        this.dispatchEvent(new ClosedEvent(outcome));
        return;
      case 'failed':
        this.#fail(outcome.failure);
    }
  }

  #fail(error: unknown): void {
    const failure = error instanceof CaptchaFailure ? error : new CaptchaFailure('vendor-error', String(error));
    this.#showWhenReady = false;
    this.#stop();
    this.#setState('error');
    this.dispatchEvent(new CaptchaErrorEvent(failure.code, failure.message, failure.vendorCode));
  }

  #setVerified(ticket: CaptchaTicket): void {
    this.#verified = ticket;
    this.#updateForm();
  }

  /** The form value (the ticket under `name`, the randstr under `randstr-name`) and validity. */
  #updateForm(): void {
    const internals = this.#internals;
    if (!internals?.setFormValue) return;
    const { ticket, randstr } = this.#verified;
    let value: FormData | null = null;
    if (ticket && this.name) {
      value = new FormData();
      value.append(this.name, ticket);
      value.append(this.randstrName, randstr);
    }
    internals.setFormValue(value);
    if (this.required && !ticket) internals.setValidity({ valueMissing: true }, message(this, 'required'));
    else internals.setValidity({});
    // A required captcha is focusable by script (never in the tab order), so that the browser can
    // point its "please complete" bubble at it when the form is submitted unsolved.
    if (this.required && !this.hasAttribute('tabindex')) this.tabIndex = -1;
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
    this.#announce();
  }

  #announce(): void {
    const key = ANNOUNCED[this.#state];
    if (key || this.#status) this.#liveRegion().textContent = key ? message(this, key) : '';
  }

  /**
   * The visually hidden role=status region, made when the element first starts a captcha: the many
   * elements that only ever wait (or own the vendor for a moment while siblings connect) never pay
   * for it. Only its first message, "loading", arrives together with it; the ones that matter
   * (ready, passed, closed, error) come later, into a region screen readers already know.
   */
  #liveRegion(): HTMLElement {
    if (!this.#status) {
      this.#status = document.createElement('span');
      this.#status.setAttribute('part', 'status');
      this.#status.setAttribute('role', 'status');
      this.renderRoot.append(this.#status);
    }
    return this.#status;
  }
}

/** The element's events; `error` is a `CaptchaErrorEvent` here, not the window's `ErrorEvent`. */
export interface TCaptchaEventMap extends Omit<HTMLElementEventMap, 'error'> {
  verified: VerifiedEvent;
  closed: ClosedEvent;
  ready: ReadyEvent;
  error: CaptchaErrorEvent;
}

// Typed listeners on the element: `captcha.addEventListener('error', (e) => e.code)`.
export interface TCaptcha {
  addEventListener<K extends keyof TCaptchaEventMap>(
    type: K,
    listener: (this: TCaptcha, event: TCaptchaEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TCaptchaEventMap>(
    type: K,
    listener: (this: TCaptcha, event: TCaptchaEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    't-captcha': TCaptcha;
  }
}
