import { missingModule } from '../events.js';
import { namesGlobalScript } from './global.js';
import type { TencentSettings } from './tencent.js';
import { kit, type Vendor } from './vendor.js';

/** What an adapter promises before it has arrived: its box (so that it is reserved from the start) and its start. */
type Promised = Pick<Vendor, 'usesBox' | 'checkbox' | 'onDemand' | 'startCall'>;

/**
 * A vendor adapter (legacy.ts, tencent.ts), fetched the first time an element starts one: each page
 * loads only the adapter of the API it uses. Until it has arrived this stands in for it with what it
 * promises; `load` fetches the adapter, then the vendor's script.
 */
function onDemand(name: string, adapter: () => Promise<Vendor>, promised: Promised): Vendor {
  let real: Vendor | undefined;
  return {
    get usesBox() {
      return real ? real.usesBox : promised.usesBox;
    },
    get checkbox() {
      return real ? real.checkbox : promised.checkbox;
    },
    onDemand: promised.onDemand,
    startCall: promised.startCall,
    async load(options) {
      real = await adapter().catch(missingModule(name));
      await real.load(options);
    },
    start: (container, report, visible) => real!.start(container, report, visible),
    recover: (failure) => real?.recover?.(failure),
  };
}

/** The legacy `capInit` API: a pc captcha in the box, a mobile one full screen. */
export const legacyOnDemand = (src: string, mobile: boolean, showHeader: boolean): Vendor =>
  onDemand('legacy.js', () => import('./legacy.js').then(({ legacyVendor }) => legacyVendor(kit, src, mobile, showHeader)), { usesBox: !mobile, startCall: 'capInit()' });

/** `new TencentCaptcha(...)`: a box for an embed or 3.0's checkbox (by the script's name until it has run). */
export function tencentOnDemand(src: string, settings: TencentSettings): Vendor {
  const checkbox = namesGlobalScript(src);
  return onDemand('tencent.js', () => import('./tencent.js').then(({ tencentVendor }) => tencentVendor(kit, src, settings)), {
    usesBox: checkbox || settings.type === 'embed',
    checkbox,
    onDemand: settings.type !== 'embed',
    startCall: 'show()',
  });
}
