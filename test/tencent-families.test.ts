import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { CURRENT_SCRIPT_URL, type ClosedEvent, type TCaptcha, type VerifiedEvent } from '../src/index.js';
import { CONTAINER_ATTRIBUTE } from '../src/t-captcha.js';
import { errorOf, forgetTencent, lastTencent, ready, tencent, tencentOnScreen, vendorUrl } from './helpers.js';

// The three current scripts, as test/fixtures/tcaptcha-vendor.js stands for each (which behaviour is
// documented and which assumed from 1.0 is written at its top): 2.0 TJCaptcha.js, 1.0 TCaptcha.js and
// the international 3.0 TJNCaptcha-global.js.

const last = lastTencent;
const onScreen = tencentOnScreen;
const box = (el: TCaptcha) => el.querySelector<HTMLElement>(`[${CONTAINER_ATTRIBUTE}]`)!;
const size = (element: Element) => {
  const { width, height } = element.getBoundingClientRect();
  return [width, height];
};

describe('the current scripts: 2.0 (the default), 1.0 and international 3.0', () => {
  beforeEach(forgetTencent);

  it("the default script is captcha 2.0's TJCaptcha.js, the one Tencent's mainland page gives a new customer", () => {
    expect(CURRENT_SCRIPT_URL).to.equal('https://turing.captcha.qcloud.com/TJCaptcha.js');
  });

  describe('2.0 (TJCaptcha.js)', () => {
    it('popup in the app-id-first form; a pass carries the app id from CaptchaAppId, verifyDuration, actionDuration and sid', async () => {
      const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000101" src=${vendorUrl('TJCaptcha.js')}></t-captcha>`);
      await ready(el);
      expect(tencent().family).to.equal('2.0');
      expect(last().element, 'no container for a popup').to.equal(null);
      el.show();
      await onScreen();
      setTimeout(() => tencent().pass('t-two', '@r-two'));
      const event = (await oneEvent(el, 'verified')) as unknown as VerifiedEvent;
      expect([event.ticket, event.randstr, event.appid, event.sid, event.verifyDuration, event.actionDuration]).to.deep.equal([
        't-two',
        '@r-two',
        '190000101',
        'sid-fake',
        812,
        640,
      ]);
      el.show();
      await onScreen();
      setTimeout(() => tencent().close());
      const closed = (await oneEvent(el, 'closed')) as unknown as ClosedEvent;
      expect(closed.appid).to.equal('190000101');
    });

    it("embed: the box is reserved at 300×230, then takes the captcha's real size, one resize of what follows", async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><t-captcha app-id="190000102" type="embed" src=${vendorUrl('TJCaptcha.js', { embedSize: '320x260', frameDelay: 200 })}></t-captcha><p style="margin:0">after</p></div>`,
      );
      const el = wrapper.querySelector('t-captcha')!;
      const after = wrapper.querySelector('p')!;
      expect(size(box(el)), 'reserved before the script has even loaded').to.deep.equal([300, 230]);
      const moves: number[] = [];
      const observer = new ResizeObserver(() => moves.push(after.getBoundingClientRect().top));
      observer.observe(el);
      await ready(el);
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      observer.disconnect();
      expect(size(box(el))).to.deep.equal([320, 260]);
      expect(el.getBoundingClientRect().height).to.equal(260);
      // The observer's first record is the start; at most one more is the resize to the real size.
      expect(moves.length, `the element resized ${moves.length - 1} times`).to.be.at.most(2);
    });

    it("hides Tencent's own loading box where the element's panel covers the box, and keeps it for a popup", async () => {
      const embed = await fixture<TCaptcha>(html`<t-captcha app-id="190000103" type="embed" src=${vendorUrl('TJCaptcha.js')}></t-captcha>`);
      await ready(embed);
      expect(last().options.loading).to.equal(false);
      expect(box(embed).querySelector('.fake-tencent-loading')).to.equal(null);
      embed.remove();
      forgetTencent();
      const popup = await fixture<TCaptcha>(html`<t-captcha app-id="190000104" src=${vendorUrl('TJCaptcha.js', { frameDelay: 100 })}></t-captcha>`);
      await ready(popup);
      expect('loading' in last().options, 'the vendor decides (its default: shown)').to.equal(false);
      popup.show();
      await waitUntil(() => document.querySelector('body > .fake-tencent-loading') || tencent().current(), "Tencent's loading box or its popup");
    });
  });

  describe('international 3.0 (TJNCaptcha-global.js)', () => {
    it('always element-first, also for a popup; show() draws the checkbox in a box reserved at its size from the start', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><t-captcha app-id="190000111" src=${vendorUrl('TJNCaptcha-global.js', { delay: 100 })}></t-captcha><p style="margin:0">after</p></div>`,
      );
      const el = wrapper.querySelector('t-captcha')!;
      const after = wrapper.querySelector('p')!;
      expect(el.state).to.equal('loading');
      expect(size(box(el)), 'reserved before the script arrives').to.deep.equal([300, 78]);
      const next = after.getBoundingClientRect().top;
      await ready(el);
      expect(tencent().family).to.equal('3.0');
      expect(last().element).to.equal(box(el));
      expect(last().options.loading).to.equal(false);
      expect(box(el).querySelector('iframe'), 'nothing drawn before show()').to.equal(null);
      el.show();
      await waitUntil(() => box(el).querySelector('iframe.fake-tencent-checkbox'), 'the checkbox');
      await new Promise(requestAnimationFrame);
      expect(after.getBoundingClientRect().top, 'nothing moved').to.equal(next);
      tencent().check();
      await waitUntil(() => document.querySelector('body > iframe.fake-tencent-popup'), 'the challenge');
      setTimeout(() => tencent().pass('t-three', '@r-three'));
      const event = (await oneEvent(el, 'verified')) as unknown as VerifiedEvent;
      expect([event.ticket, event.appid, event.sid]).to.deep.equal(['t-three', '190000111', 'sid-fake']);
    });

    it('is recognised by TCaptchaGlobal after load, not only by its file name', async () => {
      const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000112" type="popup" src=${vendorUrl('TCaptcha.js', { family: '3.0' })}></t-captcha>`);
      // The name promised 1.0 (no box for a popup); the script that ran is 3.0: no throw, and a box.
      await ready(el);
      expect(tencent().family).to.equal('3.0');
      expect(last().element).to.equal(box(el));
      el.show();
      await waitUntil(() => box(el).querySelector('iframe.fake-tencent-checkbox'), 'the checkbox');
      expect(box(el).getBoundingClientRect().height).to.equal(78);
    });

    it('refresh() reloads the same instance (reload()); auto-check passes a safe request by itself', async () => {
      const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000113" type="embed" src=${vendorUrl('TJNCaptcha-global.js')}></t-captcha>`);
      await ready(el);
      const instances = tencent().instances.length;
      el.refresh();
      expect(tencent().instances.length, 'no new instance').to.equal(instances);
      expect(last().reloads).to.equal(1);
      el.remove();
      forgetTencent();
      const auto = document.createElement('t-captcha');
      Object.assign(auto, { appId: '190000114', type: 'embed', autoCheck: true, src: vendorUrl('TJNCaptcha-global.js', { safe: 1 }) });
      const verified = oneEvent(auto, 'verified');
      document.body.append(auto);
      try {
        expect(((await verified) as unknown as VerifiedEvent).ticket).to.equal('current-ticket');
        expect(last().options.enableAutoCheck).to.equal(true);
      } finally {
        auto.remove();
      }
    });

    it("a 3.0 call in 1.0's popup form would throw: the fake refuses it as the real script would", async () => {
      await ready(await fixture<TCaptcha>(html`<t-captcha app-id="190000115" src=${vendorUrl('TJNCaptcha-global.js')}></t-captcha>`));
      const TencentCaptcha = (window as unknown as { TencentCaptcha: new (...args: unknown[]) => unknown }).TencentCaptcha;
      expect(() => new TencentCaptcha('190000115', () => {}, {})).to.throw(/container element/);
    });
  });

  describe('CaptchaAppId encryption and the documented options', () => {
    it('aid-encrypted, -type and -aad go to every new TencentCaptcha; a new aid-encrypted starts a fresh instance with it', async () => {
      const el = await fixture<TCaptcha>(
        html`<t-captcha app-id="190000121" type="embed" aid-encrypted="first==" aid-encrypted-type="gcm" aid-encrypted-aad="YWFk" src=${vendorUrl('TJCaptcha.js')}></t-captcha>`,
      );
      await ready(el);
      expect(last().options).to.include({ aidEncrypted: 'first==', aidEncryptedType: 'gcm', aidEncryptedAad: 'YWFk' });
      el.refresh();
      expect(last().options).to.include({ aidEncrypted: 'first==', aidEncryptedType: 'gcm' });
      const before = tencent().instances.length;
      el.setAttribute('aid-encrypted', 'second==');
      await waitUntil(() => tencent().instances.length > before && last().options.aidEncrypted === 'second==', 'a fresh instance');
      expect(tencent().instances[before - 1].destroyed).to.equal(true);
    });

    it('need-feedback, dark-mode="force", auto-check, user-language as Tencent names them; unset ones are not sent', async () => {
      const plain = await fixture<TCaptcha>(html`<t-captcha app-id="190000122" src=${vendorUrl('TJCaptcha.js')}></t-captcha>`);
      await ready(plain);
      for (const key of ['needFeedBack', 'enableDarkMode', 'enableAutoCheck', 'aidEncrypted', 'userLanguage']) expect(last().options).to.not.have.property(key);
      plain.remove();
      forgetTencent();
      const el = await fixture<TCaptcha>(
        html`<t-captcha app-id="190000123" need-feedback="false" dark-mode="force" auto-check user-language="ja" src=${vendorUrl('TJCaptcha.js')}></t-captcha>`,
      );
      await ready(el);
      expect(last().options).to.include({ needFeedBack: false, enableDarkMode: 'force', enableAutoCheck: true, userLanguage: 'ja' });
      el.setAttribute('need-feedback', 'https://help.example.com/captcha');
      await waitUntil(() => last().options.needFeedBack === 'https://help.example.com/captcha', 'the help link');
      el.darkMode = true;
      await waitUntil(() => last().options.enableDarkMode === true, 'dark mode follows the system');
    });

    it('bad values are invalid-attribute errors that say which: need-feedback not https, aid-encrypted-type, vendorOptions', async () => {
      const cases: Array<[Partial<TCaptcha>, RegExp]> = [
        [{ needFeedback: 'javascript:alert(1)' }, /need-feedback.*https/],
        [{ aidEncryptedType: 'ecb' as 'cbc' }, /aid-encrypted-type="ecb"/],
        [{ vendorOptions: 'type=embed' as unknown as Record<string, unknown> }, /vendorOptions must be an object/],
      ];
      for (const [settings, message] of cases) {
        forgetTencent();
        const el = Object.assign(document.createElement('t-captcha'), { appId: '190000124', src: vendorUrl('TJCaptcha.js') }, settings);
        document.body.append(el);
        try {
          const event = await errorOf(el);
          expect(event.code).to.equal('invalid-attribute');
          expect(event.message).to.match(message);
        } finally {
          el.remove();
        }
      }
    });

    it("vendorOptions (JavaScript only) reach every instance, under the element's attributes, type, callback and ready", async () => {
      const extra = { futureOption: 7, userLanguage: 'fr', type: 'embed', ready: 'page', callback: 'page', sdkOpts: { width: 300, height: 230 } };
      const el = await fixture<TCaptcha>(
        html`<t-captcha app-id="190000125" user-language="de" vendor-options='{"futureOption":1}' .vendorOptions=${extra} src=${vendorUrl('TJCaptcha.js')}></t-captcha>`,
      );
      await ready(el);
      const { options } = last();
      expect(options).to.include({ futureOption: 7, userLanguage: 'de', type: 'popup' });
      expect(options.sdkOpts).to.deep.equal({ width: 300, height: 230 });
      expect(options.ready).to.be.a('function');
      expect(options.callback).to.be.a('function');
      expect(el.getAttribute('vendor-options'), 'markup sets no vendor options').to.contain('futureOption');
      el.show();
      await onScreen();
      setTimeout(() => tencent().pass());
      await oneEvent(el, 'verified');
    });

    it("Tencent's refused configuration (1006, e.g. a refused aidEncrypted) is config-refused, with advice and the vendor code", async () => {
      const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000126" aid-encrypted="stale==" src=${vendorUrl('TJCaptcha.js')}></t-captcha>`);
      await ready(el);
      el.show();
      await onScreen();
      tencent().fail(1006, 'aidEncrypted has expired');
      const event = await errorOf(el);
      expect([event.code, event.vendorCode]).to.deep.equal(['config-refused', 1006]);
      expect(event.message).to.contain('aidEncrypted has expired').and.to.contain('aid-encrypted');
    });
  });
});
