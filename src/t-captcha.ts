import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { CONTAINER_ATTRIBUTE } from './container.js';
import { AnnouncerController } from './controllers/announcer.js';
import type { CaptchaResult, ExecuteOptions, ExecutionController } from './controllers/execution.js';
import { FormController } from './controllers/form.js';
import { OwnershipController } from './controllers/ownership.js';
import { CaptchaErrorEvent, CaptchaError, ExpiredEvent, ReadyEvent, VerifiedEvent, missingModule, type ClosedEvent, type CaptchaTicket } from './events.js';
import {
  CLIENT_TYPES,
  CSP_ADVICE,
  CURRENT_SCRIPT_URL,
  DEFAULT_LOAD_TIMEOUT_MS,
  DEFAULT_TICKET_LIFETIME_MS,
  MOBILE_VIEWPORT,
  PC_MIN_WIDTH,
  REFRESH_EXPIRED,
  type ClientType,
  type RefreshExpired,
} from './config.js';
import { DEV } from './development.js';
import { allowScriptHosts, checkScriptSrc } from './hosts.js';
import { isRightToLeft, languageOf, message, type MessageKey } from './messages.js';
import { legacyOnDemand, tencentOnDemand } from './vendors/on-demand.js';
import type { TencentSettings } from './vendors/tencent.js';
import type { Prepare, PreparedInputs, PrepareReason } from './prepare.js';
import { styles } from './styles.js';
import { EMPTY_TICKET, toTicket } from './vendors/helpers.js';
import type { Vendor, VendorOutcome, VendorSession } from './vendors/vendor.js';

/** Where the element is in its life; also exposed as a CSS custom state, e.g. `t-captcha:state(verified)`. */
export type CaptchaState = 'idle' | 'waiting' | 'loading' | 'ready' | 'verified' | 'closed' | 'expired' | 'error';

export { CONTAINER_ATTRIBUTE };

/** The properties whose change needs no new vendor instance (every other one does). */
const NO_RESTART: readonly PropertyKey[] = ['name', 'randstrName', 'required', 'ticketLifetime', 'refreshExpired', 'prepare'];

const warned = new Set<string>();
/** Advice for the page's developer, each once per page however many elements there are (development build only). */
function warnOnce(key: string, advice: string): void {
  if (!warned.has(key)) console.warn(`<t-captcha>: ${advice}`);
  warned.add(key);
}

/**
 * The element's own boolean attributes, bindable by frameworks that write `attr="false"` (Vue, Svelte,
 * Preact, Angular's `[attr.…]`): absent or `"false"` is false; `""`, `"true"` or anything else is true.
 */
const flag = (value: string | null) => value !== null && value.trim().toLowerCase() !== 'false';

/** Space-separated hosts (never reflected). */
const hostList = (value: string | null) => (value ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** `dark-mode`: a boolean, or `force` (always dark, whatever the system says). */
const darkModeOf = (value: string | null) => (value?.trim().toLowerCase() === 'force' ? 'force' : flag(value));

/**
 * Tencent Cloud captcha (天御) in one tag. With `src` (the script URL your server got from "get captcha
 * JS URL") it drives the legacy `capInit` API; with `app-id` it drives the current `TencentCaptcha`
 * API. It loads the script, sizes its box as the vendor requires, reports the result with the same
 * events for both, takes part in forms, and announces its state to screen readers.
 *
 * @fires {VerifiedEvent} verified - The user passed; send `ticket` and `randstr` to your server.
 * @fires {ClosedEvent} closed - The captcha closed without a pass; `ticket` and `randstr` are empty.
 * @fires {ReadyEvent} ready - The captcha is shown (or, for a popup, can be shown).
 * @fires {ExpiredEvent} expired - The ticket the element held expired (`ticket-lifetime`): the form value is cleared.
 * @fires {CaptchaErrorEvent} error - Something failed: `code`, `message`, `vendorCode`. Does not bubble.
 *
 * @cssprop [--t-captcha-width=230px] - Initial width of the box the pc captcha renders into.
 * @cssprop [--t-captcha-height=54px] - Initial height of that box.
 * @cssprop [--t-captcha-min-width=362px] - Width the host reserves on pc (the vendor needs at least 362px).
 * @cssprop [--t-captcha-min-height=40px] - Height the host reserves on pc (the vendor needs at least 40px).
 *
 * @csspart box - The frame around the captcha box, inside the host.
 * @csspart loading - The quiet indicator in the box while the captcha loads (pc, embed).
 * @csspart error - The panel in the box when the captcha cannot be shown (pc, embed).
 * @csspart retry - The panel's button, which calls `refresh()`.
 * @csspart status - The visually hidden live region that announces the state.
 *
 * @slot t-captcha-container - Used by the element itself for the vendor's light-DOM box; do not fill.
 * @slot error - Replaces the error panel's message (the retry button stays).
 */
export class TCaptcha extends LitElement {
  static formAssociated = true;

  /**
   * Allows script hosts (`host` or `host:port`; plain http only for loopback hosts given this way)
   * besides Tencent's, for the whole page. Only code can widen the list: markup cannot, so an HTML
   * injection cannot make the element load a script of its choosing. Throws a TypeError on a bad host.
   * Call it whenever: an element already refused for its host tries again.
   */
  static allowScriptHosts(...hosts: string[]): void {
    allowScriptHosts(hosts);
    // An element that started before the page's code got here was refused: it tries again now.
    const current = OwnershipController.currentHost();
    if (current instanceof TCaptcha && current.#refused && current.#state === 'error') current.refresh();
  }

  static override properties = {
    src: {},
    clientType: { attribute: 'client-type', reflect: true },
    showHeader: { attribute: 'show-header', converter: flag },
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    allowedHosts: { attribute: 'allowed-hosts', converter: hostList },
    appId: { attribute: 'app-id', reflect: true },
    type: { reflect: true },
    userLanguage: { attribute: 'user-language' },
    darkMode: { attribute: 'dark-mode', converter: darkModeOf },
    bizState: { attribute: false },
    fallback: { converter: flag },
    aidEncrypted: { attribute: 'aid-encrypted' },
    aidEncryptedType: { attribute: 'aid-encrypted-type' },
    aidEncryptedAad: { attribute: 'aid-encrypted-aad' },
    needFeedback: { attribute: 'need-feedback' },
    autoCheck: { attribute: 'auto-check', converter: flag },
    vendorOptions: { attribute: false },
    ticketLifetime: { type: Number, attribute: 'ticket-lifetime' },
    refreshExpired: { attribute: 'refresh-expired' },
    prepare: { attribute: false },
    name: { reflect: true },
    randstrName: { attribute: 'randstr-name' },
    required: { type: Boolean, reflect: true },
  };

  static override styles = styles;

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
  /** Current API: dark mode: `true` follows the system, `'force'` is always dark. */
  declare darkMode: boolean | 'force';
  /** Current API: any value, handed back on the events as `bizState`. */
  declare bizState: unknown;
  /** Current API: when the script cannot load, pass with Tencent's disaster-recovery ticket (`fallback: true` on the event). */
  declare fallback: boolean;
  /** Current API: the `aidEncrypted` your server minted for this page view (`encryptCaptchaAppId`), for an app with the forced CaptchaAppId check; a change starts a fresh captcha with it. */
  declare aidEncrypted: string | undefined;
  /** Current API: how `aid-encrypted` was made: `cbc` (default) or `gcm`. */
  declare aidEncryptedType: 'cbc' | 'gcm' | undefined;
  /** Current API, `gcm`: the additional authenticated data, Base64, as `encryptCaptchaAppId` returns it. */
  declare aidEncryptedAad: string | undefined;
  /** Current API: `false` (or the attribute `"false"`) hides Tencent's help button; an https URL replaces its link; unset keeps Tencent's. */
  declare needFeedback: boolean | string | undefined;
  /** International 3.0: let requests Tencent deems safe pass the checkbox by themselves (`enableAutoCheck`). */
  declare autoCheck: boolean;
  /**
   * Current API, JavaScript only (never an attribute, so markup cannot set vendor options): more
   * options for every `new TencentCaptcha`, e.g. one Tencent documents tomorrow. The element's own
   * attributes win where set, and `type`, `callback` and `ready` stay the element's.
   */
  declare vendorOptions: Record<string, unknown> | undefined;
  /**
   * Milliseconds a ticket counts as good after the pass (default 270,000: Tencent's 5 minutes less 30 s,
   * so that a ticket the element still holds is good when your server checks it). Then: `expired`.
   */
  declare ticketLifetime: number;
  /**
   * What happens when the ticket expires: `auto` (default; a fresh challenge in the box at once, a popup
   * or mobile captcha on the next `show()` / `execute()`), `manual` (the box says it expired, with a
   * button), `never` (nothing visible; your code decides).
   */
  declare refreshExpired: RefreshExpired;
  /**
   * JavaScript only: called before every start (the first, each retry, each refresh, each start after
   * an expiry) with `{ reason }`; resolves to fresh `{ src?, aidEncrypted? }` for that attempt (a
   * single-use script URL, a new aidEncrypted). A rejection or a bad value is an `error` with
   * `prepare-failed`, which a retry can mend.
   */
  declare prepare: Prepare | undefined;
  /** Form field for the ticket; with a name the element submits `name=ticket` and `randstr-name=randstr`. */
  declare name: string | undefined;
  /** Form field for the randstr. */
  declare randstrName: string;
  /** Keeps the form invalid (`valueMissing`) until the user passed. */
  declare required: boolean;

  #state: CaptchaState = 'idle';
  /** The last error was `invalid-src`: `allowScriptHosts` may have made it good. */
  #refused = false;
  #needsStart = false;
  /** Bumped whenever the current attempt is abandoned; async continuations compare it. */
  #attempt = 0;
  #session: VendorSession | undefined;
  #container: HTMLElement | undefined;
  /** The captcha lives in the element's box (pc, embed, 3.0's checkbox): the panels show there. */
  #boxed = false;
  /** show() was called before the vendor was ready: a click on a slow network is not lost. */
  #showWhenReady = false;
  /** The render watchdog: the vendor must put its frame on screen within `load-timeout`. */
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  /** When the held ticket expires. */
  #expiry: ReturnType<typeof setTimeout> | undefined;
  /** The result `execute()` answers with while the ticket is good. */
  #lastPass: CaptchaResult | undefined;
  /** The reason the next start gives `prepare`. */
  #reason: PrepareReason = 'start';
  /** What `prepare` put into `src` / `aidEncrypted` itself: setting them starts nothing anew. */
  #prepared: PreparedInputs = {};
  /** The last error could not be mended by a retry. */
  #permanent = false;
  /** `execute()`'s waiting calls; its module arrives with the first call. */
  #execution: ExecutionController | undefined;
  /** How many results came (a pass, a close, an error, an abort), and the last: what a call whose module was still on its way missed. */
  #results = 0;
  #lastResult: CaptchaResult | CaptchaError | undefined;

  readonly #form = new FormController(this, () => message(this, 'required', () => this.#form.sync()));
  readonly #announcer = new AnnouncerController(this);
  readonly #ownership = new OwnershipController(this, {
    activate: () => this.#restart(),
    deactivate: (left) => {
      this.#showWhenReady = false;
      this.#settle(new CaptchaError('aborted', left ? 'removed' : 'another <t-captcha> took over'));
      this.#stop();
      this.#setState(left ? 'idle' : 'waiting');
    },
    moved: () => {
      if (this.#needsStart) this.#restart();
    },
  });

  constructor() {
    super();
    this.src = '';
    this.clientType = 'pc';
    this.showHeader = this.darkMode = this.fallback = this.required = this.autoCheck = false;
    this.loadTimeout = DEFAULT_LOAD_TIMEOUT_MS;
    this.ticketLifetime = DEFAULT_TICKET_LIFETIME_MS;
    this.refreshExpired = 'auto';
    this.allowedHosts = [];
    this.type = 'popup';
    this.randstrName = 'randstr';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (DEV && self !== top) warnOnce('iframe', 'Tencent captcha does not work in an iframe (it is cut off).');
  }

  /** Where the element is in its life: idle, waiting, loading, ready, verified, closed, expired or error. */
  get state(): CaptchaState {
    return this.#state;
  }

  /**
   * The ticket, as a promise: at once when the element holds one that has not expired; otherwise a
   * popup opens (as `show()`), a mobile captcha closed by the user opens again, and it resolves on the
   * next pass. Rejects with a `CaptchaError` whose `code` says why: `closed`, an `error` event's code,
   * `aborted` (removed, refreshed, or `signal` aborted), `timeout` (`timeout` ms passed). Calls share
   * one result; nobody has to await it.
   */
  execute(options?: ExecuteOptions): Promise<CaptchaResult> {
    // Held only while the ticket is good (cleared by a refresh, a close, an error, the expiry).
    if (this.#lastPass) return Promise.resolve(this.#lastPass);
    const state = this.#state;
    // A captcha that cannot be solved as it is starts afresh first (without aborting this call).
    if (state === 'error' || state === 'expired' || (state === 'closed' && !this.appId && this.clientType === 'mobile')) this.#renew();
    const seen = this.#results;
    if (this.appId) this.show();
    // Only pages that call execute() load its module (execution.js).
    const call = import('./controllers/execution.js').then(({ ExecutionController }) => {
      const result = this.#lastResult;
      return (this.#execution ??= new ExecutionController(CaptchaError)).wait(options, seen === this.#results ? undefined : result);
    }, missingModule('controllers/execution.js'));
    call.catch(() => {});
    return call;
  }

  /** Current API, popup: open the captcha (call it from the user's click); while the script still loads, it opens once ready. */
  show(): void {
    // An expired popup opens a fresh captcha.
    if (this.#state === 'expired') {
      this.#showWhenReady = true;
      return this.#renew();
    }
    // No instance yet, or one about to be replaced (refresh() with prepare): it opens once the next is ready.
    if (!this.#session || this.#needsStart) {
      this.#showWhenReady = this.#needsStart || this.#state !== 'error';
      return;
    }
    try {
      this.#session.show?.();
      this.#armWatchdog('show()');
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Ask the user to solve the captcha again (also after your server rejected a ticket); retries after an error. */
  refresh(): void {
    this.#settle(new CaptchaError('aborted', 'refresh()'));
    this.#renew();
  }

  /** A new challenge: the vendor's refresh, or a fresh start where `prepare` has fresh inputs or no instance is live. */
  #renew(): void {
    const state = this.#state;
    this.#setTicket(undefined);
    this.#reason = state === 'error' ? 'retry' : state === 'expired' ? 'expired' : 'refresh';
    if (!this.#session || this.prepare) return void (this.#ownership.owner && this.#restart());
    try {
      this.#session.refresh();
      if (state !== 'loading') this.#setState('ready');
      if (this.#showWhenReady) {
        this.#showWhenReady = false;
        this.show();
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * The current result: `ticket` is empty until the user passed. It asks the vendor (`capGetTicket`);
   * asking never changes the element's state: when the vendor cannot tell (the legacy script throws
   * until it has rendered) or has nothing, this is the element's own last result.
   */
  getTicket(): CaptchaTicket {
    if (this.#state === 'expired') return { ...EMPTY_TICKET };
    try {
      const fromVendor = toTicket(this.#session?.getTicket());
      if (fromVendor.ticket) return fromVendor;
    } catch {
      // The vendor's own state is not ready to be read; ours is.
    }
    return { ...this.#form.ticket };
  }

  /** The form that owns the element, as for any form control. */
  get form(): HTMLFormElement | null {
    return this.#form.internals?.form ?? null;
  }

  /** As for any form control; `valueMissing` while `required` and not passed. */
  get validity(): ValidityState | undefined {
    return this.#form.internals?.validity;
  }

  /** The localized "please complete the captcha" while `required` and not passed, else empty. */
  get validationMessage(): string {
    return this.#form.internals?.validationMessage ?? '';
  }

  checkValidity(): boolean {
    return this.#form.internals?.checkValidity() ?? true;
  }

  reportValidity(): boolean {
    return this.#form.internals?.reportValidity() ?? true;
  }

  /** @internal A form reset asks for a new solve. */
  formResetCallback(): void {
    this.refresh();
  }

  /** @internal A disabled fieldset or form: nothing to submit, nothing to click. */
  formDisabledCallback(disabled: boolean): void {
    this.#form.disabled = disabled;
    if (this.#container) this.#container.inert = disabled;
  }

  /** The box with the vendor's slot; over it, the loading indicator or the error panel; the live region. */
  protected override render() {
    return html`<div part="box" tabindex="-1"><slot name="t-captcha-container"></slot>${this.#panel()}</div>${this.#announcer.region()}`;
  }

  /**
   * Only where the captcha takes space in the page (pc, embed): mobile and popup show nothing in the
   * flow. An error a retry can mend, and a `manual` expiry, get a "Try again" button; a setup mistake
   * tells the user only that the captcha is not available here (the `error` event tells the developer).
   */
  #panel() {
    if (!(this.#boxed || (this.appId ? this.type === 'embed' : this.clientType !== 'mobile'))) return nothing;
    const say = (key: MessageKey) => message(this, key, () => this.requestUpdate());
    const state = this.#state;
    // The live region announces it: the visible text is not read twice.
    if (state === 'loading') return html`<div class="panel" part="loading" aria-hidden="true">${say('loading')}</div>`;
    const expired = state === 'expired' && this.refreshExpired === 'manual';
    if (state !== 'error' && !expired) return nothing;
    const retry = !this.#permanent || expired;
    return html`<div class="panel" part="error" dir=${isRightToLeft(languageOf(this)) ? 'rtl' : 'ltr'}><slot name="error">${say(expired ? 'expired' : retry ? 'error' : 'unavailable')}</slot>${
      retry ? html`<button part="retry" type="button" @click=${() => this.refresh()}>${say('retry')}</button>` : nothing
    }</div>`;
  }

  /** Starts before the render (not after it, in `updated`), so that the state it sets is in this update. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    const own = (key: PropertyKey) => NO_RESTART.includes(key) || ((key === 'src' || key === 'aidEncrypted') && this[key] === this.#prepared[key]);
    if (this.#needsStart || [...changed.keys()].some((key) => !own(key))) this.#restart(true);
  }

  /** Starts a new vendor instance, now (from `willUpdate`) or at the next update; only the connected owner does. */
  #restart(now?: boolean): void {
    if (!now) {
      this.#needsStart = true;
      this.requestUpdate();
    } else if (this.#ownership.owner && this.isConnected) {
      this.#needsStart = false;
      void this.#start();
    }
  }

  /** The vendor the attributes ask for; throws `CaptchaError` on bad input. */
  #vendor(): Vendor | undefined {
    const allowed = this.allowedHosts ?? [];
    const { appId, type, clientType } = this;
    if (!REFRESH_EXPIRED.includes(this.refreshExpired)) throw new CaptchaError('invalid-attribute', `refresh-expired="${this.refreshExpired}": use auto, manual or never.`);
    if (appId) {
      // The adapter checks its own options (aid-encrypted-type, need-feedback, vendorOptions) as it loads.
      if (type !== 'popup' && type !== 'embed') throw new CaptchaError('invalid-attribute', `type="${type}": use popup or embed.`);
      return tencentOnDemand(checkScriptSrc(this.src || CURRENT_SCRIPT_URL, allowed), this as TencentSettings);
    }
    if (!CLIENT_TYPES.includes(clientType)) throw new CaptchaError('invalid-attribute', `client-type="${clientType}": use pc or mobile.`);
    if (!this.src) return undefined;
    const src = checkScriptSrc(this.src, allowed);
    const mobile = clientType === 'mobile';
    if (DEV && mobile && !document.querySelector('meta[name="viewport"]')) {
      warnOnce('viewport', `add <meta name="viewport" content="${MOBILE_VIEWPORT}"> for the mobile captcha.`);
    }
    // The pc captcha needs 362 px: a narrower viewport scrolls the page sideways.
    if (DEV && !mobile && innerWidth < PC_MIN_WIDTH) {
      warnOnce('narrow', `pc needs ${PC_MIN_WIDTH}px, the viewport has ${innerWidth}px: use client-type="mobile" there (README).`);
    }
    return legacyOnDemand(src, mobile, this.showHeader);
  }

  async #start(): Promise<void> {
    this.#stop();
    const attempt = this.#attempt;
    const current = () => attempt === this.#attempt;
    const reason = this.#reason;
    this.#reason = 'start';
    this.#setTicket(undefined);
    this.#boxed = false;
    let vendor: Vendor | undefined;
    try {
      if (this.prepare) {
        // The box's panel says it is loading while the page's server mints the inputs.
        this.#setState('loading');
        await this.#prepare(reason);
        if (!current()) return;
      }
      vendor = this.#vendor();
      if (!vendor) return this.#setState('idle');
      this.#placeContainer(vendor);
      this.#setState('loading');
      try {
        await vendor.load({ timeoutMs: this.loadTimeout, nonce: this.nonce || undefined });
      } catch (error) {
        const recovered = current() && vendor.recover?.(error as CaptchaError);
        if (recovered) return this.#report(recovered);
        throw error;
      }
      if (!current()) return;
      // The script that ran may need another box than its URL promised (a 3.0 script under another name).
      this.#placeContainer(vendor);
      // Removed, or in the middle of a move that spans microtasks: start again if it comes back.
      if (!this.isConnected) return void (this.#needsStart = true);
      const live = () => current() && this.isConnected;
      this.#session = vendor.start(
        this.#container!,
        (outcome) => live() && this.#report(outcome),
        () => {
          if (!live()) return;
          clearTimeout(this.#watchdog);
          // The current API's box takes the captcha's real size from now on (reserved until then).
          if (this.appId) this.#form.toggleState('fit', true);
          if (this.#state === 'loading') this.#becomeReady();
        },
      );
    } catch (error) {
      if (current()) this.#fail(error);
      return;
    }
    if (vendor.onDemand) this.#becomeReady();
    else if (this.#state === 'loading') this.#armWatchdog(vendor.startCall);
  }

  /** A result for every waiting `execute()` call, remembered for a call whose module is still on its way. */
  #settle(result: CaptchaResult | CaptchaError): void {
    this.#results++;
    this.#lastResult = result;
    this.#execution?.settle(result);
  }

  /** Puts `prepare`'s fresh inputs into the properties, where the page can read them; setting them starts nothing anew. */
  async #prepare(reason: PrepareReason): Promise<void> {
    // Only pages that set `prepare` load its checks.
    const { prepareInputs } = await import('./prepare.js').catch(missingModule('prepare.js'));
    const inputs = (this.#prepared = await prepareInputs(this.prepare!, reason, CaptchaError));
    if (inputs.src !== undefined) this.src = inputs.src;
    if (inputs.aidEncrypted !== undefined) this.aidEncrypted = inputs.aidEncrypted;
  }

  /** The ticket the form submits, `execute()` answers with and that expires; undefined: none. */
  #setTicket(pass: VerifiedEvent | undefined): void {
    clearTimeout(this.#expiry);
    this.#lastPass = undefined;
    this.#form.setTicket(pass ?? EMPTY_TICKET);
    if (!pass) return;
    this.#settle((this.#lastPass = { ...pass }));
    this.#expiry = setTimeout(() => this.#expire(), this.ticketLifetime);
  }

  /** The held ticket is too old for the server: forget it, tell the page, and ask again as `refresh-expired` says. */
  #expire(): void {
    this.#setTicket(undefined);
    this.#setState('expired');
    this.dispatchEvent(new ExpiredEvent());
    // A box shows a fresh challenge at once; a popup or a full-screen captcha waits for show() / execute().
    if (this.refreshExpired === 'auto' && this.#boxed) this.#renew();
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
    // Every new attempt and every result disarms it (#stop, #report).
    clearTimeout(this.#watchdog);
    const timeout = this.loadTimeout;
    this.#watchdog = setTimeout(
      () => this.#fail(new CaptchaError('render-timeout', `The captcha did not appear within ${timeout} ms after ${call}: the network ${CSP_ADVICE}`)),
      timeout,
    );
  }

  #stop(): void {
    clearTimeout(this.#watchdog);
    this.#attempt++;
    const session = this.#session;
    this.#session = undefined;
    session?.destroy();
    // Whatever the vendor left in our box belongs to the instance just torn down.
    this.#container?.replaceChildren();
    this.#form.toggleState('fit', false);
  }

  #placeContainer({ usesBox, checkbox }: Vendor): void {
    let container = this.#container;
    this.#boxed = usesBox;
    this.#form.toggleState('checkbox', !!checkbox);
    if (!usesBox) return container?.remove();
    if (!container) {
      container = this.#container = document.createElement('div');
      container.setAttribute(CONTAINER_ATTRIBUTE, '');
      container.slot = 't-captcha-container';
    }
    container.inert = this.#form.disabled;
    if (container.parentNode !== this) this.append(container);
  }

  /** A result: the event to dispatch (verified, closed), or a failure. */
  #report(outcome: VendorOutcome): void {
    if (outcome instanceof CaptchaError) return this.#fail(outcome);
    clearTimeout(this.#watchdog);
    const passed = outcome instanceof VerifiedEvent;
    this.#setTicket(passed ? outcome : undefined);
    if (!passed) this.#settle(new CaptchaError('closed', 'closed by the user'));
    this.#setState(outcome.type as CaptchaState);
    this.dispatchEvent(outcome);
  }

  #fail(error: unknown): void {
    const failure = error instanceof CaptchaError ? error : new CaptchaError('vendor-error', String(error));
    this.#showWhenReady = false;
    this.#stop();
    this.#refused = failure.code === 'invalid-src';
    this.#permanent = !failure.retryable;
    this.#settle(failure);
    this.#setState('error');
    this.dispatchEvent(new CaptchaErrorEvent(failure.code as CaptchaErrorEvent['code'], failure.message, failure.vendorCode));
  }

  #setState(state: CaptchaState): void {
    this.#form.setState(this.#state, state);
    this.#state = state;
    this.requestUpdate();
  }
}

/** The element's events; `error` is a `CaptchaErrorEvent` here, not the window's `ErrorEvent`. */
export interface TCaptchaEventMap extends Omit<HTMLElementEventMap, 'error'> {
  verified: VerifiedEvent;
  closed: ClosedEvent;
  ready: ReadyEvent;
  expired: ExpiredEvent;
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
