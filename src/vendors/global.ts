import type { TencentFamily } from './families.js';

/**
 * International captcha 3.0 (`ca.turing.captcha.qcloud.com/TJNCaptcha-global.js`, which defines
 * `window.TCaptchaGlobal`): always `new TencentCaptcha(container, appId, callback, options)`, popup or
 * not, and `show()` draws its "I am human" checkbox in that container (vendor contract §5.1). So the
 * element always gives it a box, reserved at the checkbox's size, and refreshes it with `reload()`.
 */
export const globalFamily: TencentFamily = {
  usesBox: () => true,
  checkbox: true,
  create: (TencentCaptcha, container, appId, callback, options) => new TencentCaptcha(container, appId, callback, options),
};

/** Whether a script URL names the 3.0 script; after load, `window.TCaptchaGlobal` is what decides. */
export const namesGlobalScript = (src: string): boolean => /\/TJNCaptcha[^/]*\.js/i.test(src);

/** Whether the script that ran is the 3.0 one. */
export const isGlobalLoaded = (): boolean => 'TCaptchaGlobal' in globalThis;
