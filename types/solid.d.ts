// Solid: <t-captcha> as a JSX intrinsic element. Use it with `import type {} from 't-captcha/solid'`.
// On a custom element Solid sets props as properties, a dashed name camel-cased (client-type →
// clientType), which the element has for every attribute but one: `allowed-hosts` is a list as a
// property, so write it `attr:allowed-hosts="a b"`. Events: `on:verified={…}` (the event's own name).
import type { JSX } from 'solid-js';
import type { CaptchaErrorEvent, ClosedEvent, ExpiredEvent, ReadyEvent, TCaptcha, VerifiedEvent } from '../dist/index.js';
import type { TCaptchaAttributes } from './attributes.js';

// Solid types `on:error` (and onError) for the native ErrorEvent; this element's error event is a CaptchaErrorEvent.
export interface TCaptchaSolidProps
  extends Omit<JSX.HTMLAttributes<TCaptcha>, keyof TCaptchaAttributes | 'on:error' | 'onError' | 'onerror'>,
    Omit<TCaptchaAttributes, 'allowed-hosts'> {
  'attr:allowed-hosts'?: string;
  'on:verified'?: (event: VerifiedEvent) => void;
  'on:closed'?: (event: ClosedEvent) => void;
  'on:expired'?: (event: ExpiredEvent) => void;
  'on:ready'?: (event: ReadyEvent) => void;
  'on:error'?: (event: CaptchaErrorEvent) => void;
}

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      't-captcha': TCaptchaSolidProps;
    }
  }
}
