// Svelte 5: <t-captcha> in markup, typed. Use it with `import type {} from 't-captcha/svelte'`.
import type { HTMLAttributes } from 'svelte/elements';
import type { TCaptcha } from '../dist/index.js';
import type { TCaptchaAttributes, TCaptchaEventProps } from './attributes.js';

// Svelte types `onerror` for the native ErrorEvent; this element's error event is a CaptchaErrorEvent.
export interface TCaptchaSvelteProps
  extends Omit<HTMLAttributes<TCaptcha>, 'onerror' | keyof TCaptchaAttributes>,
    TCaptchaAttributes,
    TCaptchaEventProps {}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace svelteHTML {
    interface IntrinsicElements {
      't-captcha': TCaptchaSvelteProps;
    }
  }
}
