import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EMPTY_TICKET } from '../vendors/helpers.js';
import type { CaptchaTicket } from '../events.js';

export interface FormHost extends ReactiveControllerHost, HTMLElement {
  name: string | undefined;
  randstrName: string;
  required: boolean;
}

/**
 * The element as a form control (ElementInternals): the ticket under `name` and the randstr under
 * `randstr-name` once the user passed, `valueMissing` while `required` and not passed, a disabled
 * fieldset, and the element's state as a CSS custom state (`t-captcha:state(verified)`).
 */
export class FormController implements ReactiveController {
  /** The host's ElementInternals; undefined in browsers without form-associated custom elements. */
  readonly internals: ElementInternals | undefined;
  /** The last result, which the form submits. */
  ticket: CaptchaTicket = EMPTY_TICKET;
  /** A disabled fieldset or form: nothing to submit, nothing to click. */
  disabled = false;

  constructor(
    private readonly host: FormHost,
    private readonly requiredMessage: () => string,
  ) {
    this.internals = host.attachInternals?.();
    host.addController(this);
  }

  /** The host's name, randstr-name or required may have changed. */
  hostUpdated(): void {
    this.sync();
  }

  setTicket(ticket: CaptchaTicket): void {
    this.ticket = ticket;
    this.sync();
  }

  /** The form value and validity, from the ticket and the host's name, randstr-name and required. */
  sync(): void {
    const { internals } = this;
    if (!internals?.setFormValue) return;
    const { host } = this;
    const { ticket, randstr } = this.ticket;
    let value: FormData | null = null;
    if (ticket && host.name) {
      value = new FormData();
      value.append(host.name, ticket);
      value.append(host.randstrName, randstr);
    }
    internals.setFormValue(value);
    // The browser's "please complete" points at, and focuses, the box (focusable by script only). The
    // host itself never gets a tabindex: a negative one would take the vendor's trigger out of the tab order.
    const anchor = host.shadowRoot?.querySelector<HTMLElement>('[part=box]') ?? undefined;
    if (host.required && !ticket) internals.setValidity({ valueMissing: true }, this.requiredMessage(), anchor);
    else internals.setValidity({});
  }

  /** Shows the state as a CSS custom state too. */
  setState(previous: string, state: string): void {
    this.toggleState(previous, false);
    this.toggleState(state, true);
  }

  /** A CSS custom state on or off. */
  toggleState(state: string, on: boolean): void {
    try {
      this.internals?.states?.[on ? 'add' : 'delete'](state);
    } catch {
      // Browsers before CustomStateSet's final syntax accept only `--name`; the `state` property still tells.
    }
  }
}
