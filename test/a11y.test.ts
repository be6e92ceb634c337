import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { CaptchaState, TCaptcha } from '../src/index.js';
import { fake, ready, vendorUrl } from './helpers.js';

const status = (el: TCaptcha) => el.shadowRoot!.querySelector('[part="status"]')!;

describe('<t-captcha> accessibility and languages', () => {
  it('has a visually hidden polite live region once it starts a captcha', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    const region = status(el);
    expect(region.getAttribute('role')).to.equal('status');
    const rect = region.getBoundingClientRect();
    expect(rect.width * rect.height).to.be.at.most(1);
  });

  const englishStates: Array<[CaptchaState, string, (el: TCaptcha) => Promise<void> | void]> = [
    ['loading', 'Loading the captcha…', () => undefined],
    ['ready', 'Captcha ready. Complete it to continue.', (el) => ready(el)],
    ['verified', 'Captcha passed.', async (el) => {
      await ready(el);
      fake().pass();
    }],
    ['closed', 'Captcha closed without passing.', async (el) => {
      await ready(el);
      fake().close();
    }],
  ];
  for (const [state, text, drive] of englishStates) {
    it(`announces "${text}" in state ${state}, and passes axe`, async () => {
      const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('legacy.js', { delay: 100 })}></t-captcha>`);
      await drive(el);
      await waitUntil(() => el.state === state, `state ${state}`);
      // The shadow tree renders a microtask after the state changes.
      await el.updateComplete;
      expect(status(el).textContent).to.equal(text);
      await expect(el).to.be.accessible();
    });
  }

  it('announces an error, and passes axe', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('nope.js')}></t-captcha>`);
    await waitUntil(() => el.state === 'error');
    await el.updateComplete;
    expect(status(el).textContent).to.equal('The captcha could not be shown.');
    await expect(el).to.be.accessible();
  });

  it('says nothing while idle or waiting, and passes axe', async () => {
    // The last connected owns the vendor; without a src it stays idle.
    const wrapper = await fixture<HTMLDivElement>(html`<div><t-captcha src=${vendorUrl()}></t-captcha><t-captcha></t-captcha></div>`);
    const [waiting, idle] = wrapper.querySelectorAll('t-captcha');
    await idle.updateComplete;
    expect([idle.state, waiting.state]).to.deep.equal(['idle', 'waiting']);
    // Elements that never started a captcha carry no live region at all; one that waits says nothing.
    expect(idle.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
    expect(waiting.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '').to.equal('');
    await expect(wrapper).to.be.accessible();
  });

  it('speaks Chinese on a zh page (document language) and for lang="zh-CN" on an ancestor', async () => {
    const el = await fixture<TCaptcha>(html`<div lang="zh-CN"><t-captcha src=${vendorUrl()}></t-captcha></div>`).then((div) => div.querySelector('t-captcha')!);
    await ready(el);
    expect(status(el).textContent).to.equal('验证码已就绪，请完成验证。');
    fake().pass();
    await el.updateComplete;
    expect(status(el).textContent).to.equal('验证通过。');
    const before = document.documentElement.lang;
    document.documentElement.lang = 'zh-Hans';
    try {
      const other = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
      await ready(other);
      expect(status(other).textContent).to.equal('验证码已就绪，请完成验证。');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('never takes or traps focus', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><input id="before"><t-captcha src=${vendorUrl()}></t-captcha><input id="after"></div>`);
    const input = wrapper.querySelector<HTMLInputElement>('#before')!;
    input.focus();
    const el = wrapper.querySelector('t-captcha')!;
    await ready(el);
    fake().pass();
    expect(document.activeElement).to.equal(input);
    expect(el.tabIndex).to.equal(-1);
    expect(el.shadowRoot!.querySelector('[tabindex]')).to.equal(null);
  });
});
