import { TCaptcha } from './t-captcha.js';

// The tag name is written out (not a constant) so that the manifest analyzer can read it.
if (typeof customElements !== 'undefined' && !customElements.get('t-captcha')) {
  customElements.define('t-captcha', TCaptcha);
}

export { TCaptcha };
