// Svelte 5: <t-captcha> in markup, typed. Use it with `import type {} from 't-captcha/svelte'`.
import type { HTMLAttributes } from 'svelte/elements';
import type { CaptchaErrorEvent, ClosedEvent, ReadyEvent, TCaptcha, VerifiedEvent } from '../dist/index.js';

// Svelte types `onerror` for the native ErrorEvent; this element's error event is a CaptchaErrorEvent.
export interface TCaptchaSvelteProps extends Omit<HTMLAttributes<TCaptcha>, 'onerror'> {
  src?: string;
  'client-type'?: 'pc' | 'mobile';
  'show-header'?: boolean;
  'load-timeout'?: number;
  'allowed-hosts'?: string;
  onverified?: (event: VerifiedEvent) => void;
  onclosed?: (event: ClosedEvent) => void;
  onready?: (event: ReadyEvent) => void;
  onerror?: (event: CaptchaErrorEvent) => void;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace svelteHTML {
    interface IntrinsicElements {
      't-captcha': TCaptchaSvelteProps;
    }
  }
}
