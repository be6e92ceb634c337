import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { TCaptcha } from '../src/index.js';
import { ready, vendorUrl } from './helpers.js';

// The element starts what Tencent's scripts fetch next while they download: the legacy loader's three
// sub-scripts (preloaded, with the element's nonce) and the current scripts' core host (connected).
// Once per page, only for a script on Tencent's own hosts. Nothing here reaches Tencent: the loads
// fail offline, and only the links in the head are looked at.

/** The element's links in the head (the test runner preloads its own files too). */
const links = () =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=preload], link[rel=preconnect], link[rel=prefetch]')].filter((link) => !link.href.startsWith(location.origin)).map((link) => ({
    rel: link.rel,
    href: link.href,
    as: link.as,
    nonce: link.nonce,
  }));

describe('early connections to Tencent', () => {
  it('none for a script that is not on Tencent\'s hosts (a local copy, the emulator)', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    const current = await fixture<TCaptcha>(html`<t-captcha app-id="190000301" src=${vendorUrl('TJCaptcha.js')}></t-captcha>`);
    await ready(current);
    expect(links()).to.deep.equal([]);
  });

  it('legacy: the three sub-scripts preloaded with the nonce; current: its core host connected; each once per page', async () => {
    const start = (markup: ReturnType<typeof html>) => fixture<TCaptcha>(markup).then((el) => waitUntil(() => el.state !== 'idle' && el.state !== 'loading', 'the load ended', { timeout: 5000 }).then(() => el));
    const legacySrc = 'https://ssl.captcha.qq.com/TCapIframeApi.js?aid=2000000001&asig=x&clientype=2';
    await start(html`<t-captcha load-timeout="1500" nonce="n0nce" src=${legacySrc}></t-captcha>`);
    await start(html`<t-captcha load-timeout="1500" nonce="n0nce" src=${`${legacySrc}&second=1`}></t-captcha>`);
    await start(html`<t-captcha load-timeout="1500" app-id="190000302" src="https://turing.captcha.qcloud.com/TJCaptcha.js"></t-captcha>`);
    const preload = (href: string) => ({ rel: 'preload', href, as: 'script', nonce: 'n0nce' });
    expect(links()).to.deep.equal([
      preload('https://captcha.gtimg.com/2/json2.js'),
      preload('https://captcha.gtimg.com/2/TCapMsg.js'),
      preload('https://captcha.gtimg.com/2/TCapIframe.js?v=1.0'),
      { rel: 'preconnect', href: 'https://turing.captcha.gtimg.com/', as: '', nonce: '' },
      { rel: 'prefetch', href: 'https://turing.captcha.gtimg.com/', as: '', nonce: '' },
    ]);
  });
});
