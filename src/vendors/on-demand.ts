import { CaptchaError } from '../events.js';
import { namesGlobalScript } from './global.js';
import type { TencentSettings } from './tencent.js';
import { kit, type Vendor } from './vendor.js';

/**
 * The TencentCaptcha adapter (tencent.ts), which only pages with `app-id` load, the first time one
 * starts. Until it has arrived this stands in for it with what the script's URL and the element's
 * `type` promise (so that the box is reserved from the start), and its `load` fetches the adapter,
 * then the vendor's script.
 */
export function tencentOnDemand(src: string, settings: TencentSettings): Vendor {
  let adapter: Vendor | undefined;
  const checkbox = namesGlobalScript(src);
  return {
    get usesBox() {
      return adapter ? adapter.usesBox : checkbox || settings.type === 'embed';
    },
    get checkbox() {
      return adapter ? adapter.checkbox : checkbox;
    },
    onDemand: settings.type !== 'embed',
    startCall: 'show()',
    async load(options) {
      try {
        adapter = (await import('./tencent.js')).tencentVendor(kit, src, settings);
      } catch (error) {
        throw new CaptchaError('script-load-failed', `Could not load t-captcha's own TencentCaptcha adapter (tencent.js, next to the element's file): ${(error as Error)?.message ?? error}`);
      }
      await adapter.load(options);
    },
    start: (container, report, visible) => adapter!.start(container, report, visible),
    recover: (failure) => adapter?.recover?.(failure),
  };
}
