// React 19: <t-captcha> as a JSX intrinsic element. Use it with `import type {} from 't-captcha/react'`.
// React sets known properties (src) as properties, other names as attributes (client-type), and
// listens to custom events through lower-case props: onverified, onclosed, onready, onerror.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CaptchaErrorEvent, ClosedEvent, ReadyEvent, TCaptcha, VerifiedEvent } from '../dist/index.js';

export interface TCaptchaJSXProps extends DetailedHTMLProps<HTMLAttributes<TCaptcha>, TCaptcha> {
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

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      't-captcha': TCaptchaJSXProps;
    }
  }
}
