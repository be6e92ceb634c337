// React 19: <t-captcha> as a JSX intrinsic element. Use it with `import type {} from 't-captcha/react'`.
// React sets known properties (src) as properties, other names as attributes (client-type), and
// listens to custom events through lower-case props: onverified, onclosed, onexpired, onready, onerror.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TCaptcha } from '../dist/index.js';
import type { TCaptchaAttributes, TCaptchaEventProps } from './attributes.js';

export interface TCaptchaJSXProps
  extends Omit<DetailedHTMLProps<HTMLAttributes<TCaptcha>, TCaptcha>, keyof TCaptchaAttributes>,
    TCaptchaAttributes,
    TCaptchaEventProps {}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      't-captcha': TCaptchaJSXProps;
    }
  }
}
