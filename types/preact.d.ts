// Preact: <t-captcha> as a JSX intrinsic element. Use it with `import type {} from 't-captcha/preact'`.
// Preact sets a prop as a property when the element has one (src, …) and as an attribute otherwise
// (client-type, show-header: `false` is written "false", which the element reads as false), and
// listens to custom events through lower-case props: onverified, onclosed, onexpired, onready, onerror.
// Preact 11 has no JSX.HTMLAttributes any more; `HTMLAttributes` is exported from 'preact' itself (also in 10.x).
import type { HTMLAttributes } from 'preact';
import type { TCaptcha } from '../dist/index.js';
import type { TCaptchaAttributes, TCaptchaEventProps } from './attributes.js';

export interface TCaptchaPreactProps
  extends Omit<HTMLAttributes<TCaptcha>, keyof TCaptchaAttributes | 'onError' | 'onerror'>,
    TCaptchaAttributes,
    TCaptchaEventProps {}

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      't-captcha': TCaptchaPreactProps;
    }
  }
}
