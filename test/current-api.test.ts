import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { CaptchaErrorEvent, type ClosedEvent, type TCaptcha, type VerifiedEvent } from '../src/index.js';
import { CONTAINER_ATTRIBUTE } from '../src/t-captcha.js';
import { forgetTencent, lastTencent, ready, scriptsFor, tencent, tencentOnScreen, vendorUrl } from './helpers.js';

const last = lastTencent;
const onScreen = tencentOnScreen;
const script = () => vendorUrl('TCaptcha.js');

const errors: CaptchaErrorEvent[] = [];
document.addEventListener('error', (event) => event instanceof CaptchaErrorEvent && errors.push(event), true);

describe('<t-captcha app-id>: the current TencentCaptcha API', () => {
  beforeEach(forgetTencent);

  it('loads TCaptcha.js from src, creates a popup captcha, and show() opens it', async () => {
    const src = script();
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000001" src=${src}></t-captcha>`);
    await ready(el);
    expect(scriptsFor(src)).to.equal(1);
    expect(last().appid).to.equal('190000001');
    expect(last().element).to.equal(null);
    expect(last().options.type).to.equal('popup');
    expect(last().shown).to.equal(false);
    expect(el.getBoundingClientRect().height, 'a popup takes no space').to.equal(0);
    el.show();
    await waitUntil(() => document.body.querySelector(':scope > iframe.fake-tencent-popup'), 'the popup opens');
    expect(last().shown).to.equal(true);
  });

  it('show() while the script still loads opens the popup once it is ready (the click is not lost)', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000011" src=${vendorUrl('TCaptcha.js', { delay: 200 })}></t-captcha>`);
    expect(el.state).to.equal('loading');
    el.show();
    await ready(el);
    expect(last().appid).to.equal('190000011');
    await waitUntil(() => last().shown, 'the queued show runs');
  });

  it('show() right after creation, before the element even started, is not lost either', async () => {
    const el = Object.assign(document.createElement('t-captcha'), { appId: '190000012', src: vendorUrl('TCaptcha.js') });
    document.body.append(el);
    try {
      el.show();
      await ready(el);
      expect(last().appid).to.equal('190000012');
      await waitUntil(() => last().shown, 'the queued show runs');
    } finally {
      el.remove();
    }
  });

  it('uses the real TCaptcha.js address by default', async () => {
    // Only checked, never loaded: the allow-list refuses it before any request.
    const el = document.createElement('t-captcha');
    el.appId = '190000001';
    el.allowedHosts = ['localhost'];
    document.body.append(el);
    try {
      await waitUntil(() => errors.some((event) => event.target === el));
      const event = errors.find((candidate) => candidate.target === el)!;
      expect(event.code).to.equal('invalid-src');
      expect(event.message).to.contain('turing.captcha.qcloud.com');
    } finally {
      el.remove();
    }
  });

  it('ret 0 → verified with ticket, randstr, appid and bizState; ret 2 → closed', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000002" src=${script()} .bizState=${{ order: 42 }}></t-captcha>`);
    await ready(el);
    el.show();
    await onScreen();
    setTimeout(() => tencent().pass('t-current', '@r-current'));
    const verified = (await oneEvent(el, 'verified')) as unknown as VerifiedEvent;
    expect([verified.ticket, verified.randstr, verified.appid]).to.deep.equal(['t-current', '@r-current', '190000002']);
    expect(verified.bizState).to.deep.equal({ order: 42 });
    expect(verified.fallback).to.equal(false);
    expect(el.getTicket()).to.deep.equal({ ticket: 't-current', randstr: '@r-current' });
    el.show();
    await onScreen();
    setTimeout(() => tencent().close());
    const closed = (await oneEvent(el, 'closed')) as unknown as ClosedEvent;
    expect([closed.ticket, closed.randstr, closed.appid]).to.deep.equal(['', '', '190000002']);
    expect(closed.bizState).to.deep.equal({ order: 42 });
  });

  it('an errorCode → error event with the vendor code and message', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000003" src=${script()}></t-captcha>`);
    await ready(el);
    el.show();
    await onScreen();
    tencent().fail(1002, 'frequency limited');
    await waitUntil(() => errors.some((event) => event.target === el));
    const event = errors.find((candidate) => candidate.target === el)!;
    expect([event.code, event.vendorCode, event.message]).to.deep.equal(['vendor-error', 1002, 'frequency limited']);
  });

  it('type="embed" renders inside the element, with user-language and dark-mode passed on', async () => {
    const el = await fixture<TCaptcha>(
      html`<t-captcha app-id="190000004" type="embed" user-language="en" dark-mode src=${script()}></t-captcha>`,
    );
    await ready(el);
    const box = el.querySelector(`[${CONTAINER_ATTRIBUTE}]`)!;
    expect(last().element).to.equal(box);
    expect(last().shown).to.equal(true);
    expect(last().options).to.include({ userLanguage: 'en', enableDarkMode: true, type: 'embed' });
    expect(box.querySelector('iframe.fake-tencent-embed')).to.exist;
    expect(el.getBoundingClientRect().height).to.equal(230);
  });

  it('refresh() replaces the instance (the user must solve again); removal destroys it', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000005" type="embed" src=${script()}></t-captcha>`);
    await ready(el);
    const first = last();
    el.refresh();
    expect(first.destroyed).to.equal(true);
    expect(last()).to.not.equal(first);
    expect(last().shown).to.equal(true);
    const current = last();
    el.remove();
    await waitUntil(() => current.destroyed);
  });

  it('type other than popup/embed → invalid-attribute', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000006" type="modal" src=${script()}></t-captcha>`);
    await waitUntil(() => errors.some((event) => event.target === el));
    expect(errors.find((event) => event.target === el)!.code).to.equal('invalid-attribute');
  });

  describe('disaster recovery (opt-in fallback)', () => {
    it('when the script cannot load: verified with terror_1001_<appId>_<seconds>, an @ randstr, fallback: true', async () => {
      const el = document.createElement('t-captcha');
      el.appId = '190000007';
      el.fallback = true;
      el.bizState = 'state';
      el.src = vendorUrl('TCaptcha-404.js');
      const verified = oneEvent(el, 'verified');
      document.body.append(el);
      try {
        const event = (await verified) as unknown as VerifiedEvent;
        const seconds = Math.floor(Date.now() / 1000);
        const match = /^terror_1001_190000007_(\d+)$/.exec(event.ticket);
        expect(match, event.ticket).to.not.equal(null);
        expect(Math.abs(Number(match![1]) - seconds)).to.be.at.most(2);
        expect(event.randstr).to.match(/^@\w+$/);
        expect(event.fallback).to.equal(true);
        expect(event.bizState).to.equal('state');
        expect(el.state).to.equal('verified');
      } finally {
        el.remove();
      }
    });

    it('without the opt-in, a script that cannot load is an error', async () => {
      const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000008" src=${vendorUrl('TCaptcha-404.js')}></t-captcha>`);
      await waitUntil(() => errors.some((event) => event.target === el));
      expect(errors.find((event) => event.target === el)!.code).to.equal('script-load-failed');
    });

    it('a vendor errorCode with the opt-in also yields the fallback ticket', async () => {
      const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000009" fallback src=${script()}></t-captcha>`);
      await ready(el);
      el.show();
      await onScreen();
      setTimeout(() => tencent().fail(1006, 'config request error'));
      const event = (await oneEvent(el, 'verified')) as unknown as VerifiedEvent;
      // The vendor's own ticket and randstr, passed on as they came.
      expect(event.ticket).to.match(/^terror_1006_190000009_\d+$/);
      expect(event.randstr).to.match(/^@\w+$/);
      expect(event.fallback).to.equal(true);
      expect(event.vendorCode).to.equal(1006);
    });
  });

  it('the legacy and the current API share the page singleton: the newer element owns it', async () => {
    const legacy = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(legacy);
    const current = document.createElement('t-captcha');
    current.appId = '190000010';
    current.src = script();
    legacy.after(current);
    await ready(current);
    expect(legacy.state).to.equal('waiting');
    current.remove();
    await ready(legacy);
  });
});
