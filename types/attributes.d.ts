// The attributes of <t-captcha> and its event handler props, shared by the framework typings.
import type { CaptchaErrorEvent, ClosedEvent, ExpiredEvent, ReadyEvent, VerifiedEvent } from '../dist/index.js';

export interface TCaptchaAttributes {
  src?: string;
  'client-type'?: 'pc' | 'mobile';
  'show-header'?: boolean;
  'load-timeout'?: number;
  'allowed-hosts'?: string;
  'app-id'?: string;
  type?: 'popup' | 'embed';
  'user-language'?: string;
  'dark-mode'?: boolean | 'force';
  fallback?: boolean;
  'aid-encrypted'?: string;
  'aid-encrypted-type'?: 'cbc' | 'gcm';
  'aid-encrypted-aad'?: string;
  /** `false` hides Tencent's help button; an https URL replaces its link. */
  'need-feedback'?: boolean | string;
  'auto-check'?: boolean;
  'ticket-lifetime'?: number;
  'refresh-expired'?: 'auto' | 'manual' | 'never';
  name?: string;
  'randstr-name'?: string;
  required?: boolean;
}

/** Handlers as React 19 and Svelte 5 name them: `on` + the event name, lower case. */
export interface TCaptchaEventProps {
  onverified?: (event: VerifiedEvent) => void;
  onclosed?: (event: ClosedEvent) => void;
  onexpired?: (event: ExpiredEvent) => void;
  onready?: (event: ReadyEvent) => void;
  onerror?: (event: CaptchaErrorEvent) => void;
}
