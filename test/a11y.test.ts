import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { CaptchaState, TCaptcha } from '../src/index.js';
import { fake, ready, vendorUrl } from './helpers.js';

const status = (el: TCaptcha) => el.shadowRoot!.querySelector('[part="status"]')!;

/** WebKit runs here through WebDriver, whose key command only presses. */
const webdriver = /AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent);

/** Shift+Tab, as each runner's driver can send it (WebDriver: Shift and Tab in one press, as its key codes, holds Shift for the Tab). */
async function shiftTab(): Promise<void> {
  if (webdriver) return void (await sendKeys({ press: '\uE008\uE004' }));
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

describe('<t-captcha> accessibility and languages', () => {
  it('has a visually hidden polite live region from its first render', async () => {
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
      // The shadow tree renders a microtask after the state changes (the first message, a task after the region).
      await waitUntil(() => status(el).textContent === text, `announces ${text}`);
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

  it('an error before any load is announced: the region is there, empty, before the message comes into it', async () => {
    const el = document.createElement('t-captcha');
    el.src = 'https://attacker.example/x.js';
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.state).to.equal('error');
      const region = status(el);
      expect(region.textContent, 'empty in the first render').to.equal('');
      await waitUntil(() => region.textContent === 'The captcha could not be shown.', 'the message comes into the same region');
      expect(status(el) === region, 'the same region node').to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('says nothing while idle or waiting, and passes axe', async () => {
    // The last connected owns the vendor; without a src it stays idle.
    const wrapper = await fixture<HTMLDivElement>(html`<div><t-captcha src=${vendorUrl()}></t-captcha><t-captcha></t-captcha></div>`);
    const [waiting, idle] = wrapper.querySelectorAll('t-captcha');
    await idle.updateComplete;
    expect([idle.state, waiting.state]).to.deep.equal(['idle', 'waiting']);
    // The region is there from the start (so that a first message is announced), and says nothing yet.
    expect(idle.shadowRoot!.querySelector('[part="status"]')?.textContent).to.equal('');
    expect(waiting.shadowRoot!.querySelector('[part="status"]')?.textContent).to.equal('');
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
    expect(document.activeElement === input, 'focus stayed in the field').to.equal(true);
    expect(el.hasAttribute('tabindex'), 'no tabindex on the host').to.equal(false);
    // Only the box is focusable, by script only (the browser's validation bubble points at it).
    expect([...el.shadowRoot!.querySelectorAll('[tabindex]')].map((node) => `${node.getAttribute('part')}${node.getAttribute('tabindex')}`)).to.deep.equal(['box-1']);
  });

  it("a required pc captcha is in the tab order where the vendor's trigger is: Tab reaches it, Shift+Tab comes back", async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><input id="password" type="password"><t-captcha required name="ticket" src=${vendorUrl()}></t-captcha><button id="submit">Log in</button></form>`,
    );
    const el = form.querySelector('t-captcha')!;
    await ready(el);
    const trigger = el.querySelector('iframe')!;
    form.querySelector<HTMLInputElement>('#password')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement === trigger, `Tab went to ${document.activeElement?.id || document.activeElement?.localName}`).to.equal(true);
    await shiftTab();
    expect(document.activeElement?.id).to.equal('password');
    // Turning required off leaves nothing behind, and the order stays.
    el.required = false;
    await el.updateComplete;
    expect(el.hasAttribute('tabindex')).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement === trigger).to.equal(true);
  });

  it("submitting the form unsolved: the browser's validation focuses the captcha's box", async () => {
    const form = await fixture<HTMLFormElement>(html`<form><input id="user" value="mei"><t-captcha required name="ticket" src=${vendorUrl()}></t-captcha></form>`);
    const el = form.querySelector('t-captcha')!;
    await ready(el);
    form.querySelector<HTMLInputElement>('#user')!.focus();
    expect(form.reportValidity()).to.equal(false);
    expect(document.activeElement === el, 'focus is in the element').to.equal(true);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('box');
  });
});
