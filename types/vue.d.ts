// Vue 3: <t-captcha> in templates, typed. Use it with `import type {} from 't-captcha/vue'`, and tell
// the compiler it is a custom element: compilerOptions.isCustomElement = (tag) => tag === 't-captcha'.
// Vue matches a template's `client-type` to a prop named `clientType`, so the props are declared in
// camelCase: then vue-tsc checks `client-type="tablet"` or `:load-timeout="'x'"` as mistakes.
import type { DefineComponent } from 'vue';
import type { CaptchaErrorEvent, ClosedEvent, ExpiredEvent, ReadyEvent, TCaptcha, VerifiedEvent } from '../dist/index.js';

export interface TCaptchaVueProps {
  src?: string;
  clientType?: 'pc' | 'mobile';
  showHeader?: boolean;
  loadTimeout?: number;
  /** Narrows the page's script hosts; space-separated. */
  allowedHosts?: string;
  appId?: string;
  type?: 'popup' | 'embed';
  userLanguage?: string;
  darkMode?: boolean;
  fallback?: boolean;
  bizState?: unknown;
  name?: string;
  randstrName?: string;
  required?: boolean;
  nonce?: string;
  onVerified?: (event: VerifiedEvent) => void;
  onClosed?: (event: ClosedEvent) => void;
  onExpired?: (event: ExpiredEvent) => void;
  onReady?: (event: ReadyEvent) => void;
  onError?: (event: CaptchaErrorEvent) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    't-captcha': DefineComponent<TCaptchaVueProps, Pick<TCaptcha, 'refresh' | 'getTicket' | 'show'>>;
  }
}
