// Vue 3: <t-captcha> in templates, typed. Use it with `import type {} from 't-captcha/vue'`, and tell
// the compiler it is a custom element: compilerOptions.isCustomElement = (tag) => tag === 't-captcha'.
import type { DefineComponent } from 'vue';
import type { CaptchaErrorEvent, ClosedEvent, ReadyEvent, TCaptcha, VerifiedEvent } from '../dist/index.js';
import type { TCaptchaAttributes } from './attributes.js';

export interface TCaptchaVueProps extends TCaptchaAttributes {
  nonce?: string;
  onVerified?: (event: VerifiedEvent) => void;
  onClosed?: (event: ClosedEvent) => void;
  onReady?: (event: ReadyEvent) => void;
  onError?: (event: CaptchaErrorEvent) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    't-captcha': DefineComponent<TCaptchaVueProps, Pick<TCaptcha, 'refresh' | 'getTicket' | 'show'>>;
  }
}
