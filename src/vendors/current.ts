import type { TencentFamily } from './families.js';

/**
 * Mainland captcha 2.0 (`turing.captcha.qcloud.com/TJCaptcha.js`, Tencent's default since 2024-11-04)
 * and 1.0 (`TCaptcha.js`), which share their documented call forms (vendor contract §5.1): a popup is
 * `new TencentCaptcha(appId, callback, options)`, opened with `show()`; an embedded captcha is
 * `new TencentCaptcha(container, appId, callback, options)` with `type: 'embed'`. (The element-first
 * form without `type: 'embed'` binds a click handler on that element instead, so a popup never takes it.)
 */
export const currentFamily: TencentFamily = {
  usesBox: (type) => type === 'embed',
  create: (TencentCaptcha, container, appId, callback, options) =>
    options.type === 'embed' ? new TencentCaptcha(container, appId, callback, options) : new TencentCaptcha(appId, callback, options),
};
