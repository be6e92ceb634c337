import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { CONTAINER_ATTRIBUTE } from '../src/t-captcha.js';
import { calls, fake, ready, vendorUrl } from './helpers.js';

async function form(template: ReturnType<typeof html>) {
  const el = await fixture<HTMLFormElement>(template);
  const captcha = el.querySelector('t-captcha')!;
  await ready(captcha);
  return { form: el, captcha };
}

const entries = (form: HTMLFormElement) => [...new FormData(form).entries()].map(([key, value]) => `${key}=${String(value)}`);

describe('<t-captcha> in forms', () => {
  it('with a name, submits the ticket under that name and the randstr under randstr-name', async () => {
    const { form: f } = await form(html`<form><input name="user" value="ada"><t-captcha name="ticket" src=${vendorUrl()}></t-captcha></form>`);
    expect(entries(f)).to.deep.equal(['user=ada']);
    fake().pass('T-1', '@R-1');
    expect(entries(f)).to.deep.equal(['user=ada', 'ticket=T-1', 'randstr=@R-1']);
  });

  it('field names are configurable', async () => {
    const { form: f } = await form(html`<form><t-captcha name="captcha_ticket" randstr-name="captcha_rand" src=${vendorUrl()}></t-captcha></form>`);
    fake().pass('T-2', '@R-2');
    expect(entries(f)).to.deep.equal(['captcha_ticket=T-2', 'captcha_rand=@R-2']);
  });

  it('without a name, submits nothing', async () => {
    const { form: f } = await form(html`<form><t-captcha src=${vendorUrl()}></t-captcha></form>`);
    fake().pass();
    expect(entries(f)).to.deep.equal([]);
  });

  it('a real submission carries the fields in the request', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe name="target"></iframe>`);
    const { form: f } = await form(html`<form method="get" action="/test/fixtures/legacy-vendor.js" target="target">
      <t-captcha name="ticket" src=${vendorUrl()}></t-captcha><button>Send</button>
    </form>`);
    fake().pass('T-3', '@R-3');
    const loaded = oneEvent(frame, 'load');
    f.querySelector('button')!.click();
    await loaded;
    expect(frame.contentWindow!.location.search).to.equal('?ticket=T-3&randstr=%40R-3');
  });

  it('required keeps the form invalid (valueMissing, with a message) until the user passed', async () => {
    const { form: f, captcha } = await form(html`<form><t-captcha name="ticket" required src=${vendorUrl()}></t-captcha><button>Send</button></form>`);
    expect(f.checkValidity()).to.equal(false);
    expect(captcha.matches(':invalid')).to.equal(true);
    let submitted = false;
    f.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted = true;
    });
    const invalid = oneEvent(captcha, 'invalid');
    f.requestSubmit();
    await invalid;
    expect(submitted).to.equal(false);
    fake().pass();
    expect(f.checkValidity()).to.equal(true);
    f.requestSubmit();
    expect(submitted).to.equal(true);
  });

  it('the validation message is in English, or in Chinese for a zh page part', async () => {
    const { form: en } = await form(html`<form><t-captcha required src=${vendorUrl()}></t-captcha></form>`);
    const english = en.querySelector('t-captcha')!;
    expect(english.validationMessage).to.equal('Please complete the captcha.');
    expect(english.validity!.valueMissing).to.equal(true);
    expect(english.form).to.equal(en);
    const { form: zh } = await form(html`<form lang="zh-CN"><t-captcha required src=${vendorUrl()}></t-captcha></form>`);
    expect(zh.querySelector('t-captcha')!.validationMessage).to.equal('请完成验证码验证。');
  });

  it('a form reset refreshes the captcha and clears the value', async () => {
    const { form: f } = await form(html`<form><t-captcha name="ticket" required src=${vendorUrl()}></t-captcha></form>`);
    fake().pass('T-4', '@R-4');
    expect(f.checkValidity()).to.equal(true);
    const refreshes = calls('capRefresh');
    f.reset();
    expect(calls('capRefresh')).to.equal(refreshes + 1);
    expect(entries(f)).to.deep.equal([]);
    expect(f.checkValidity()).to.equal(false);
  });

  it('a disabled fieldset disables it: nothing submitted, nothing to click', async () => {
    const { form: f, captcha } = await form(html`<form><fieldset><t-captcha name="ticket" src=${vendorUrl()}></t-captcha></fieldset></form>`);
    fake().pass('T-5', '@R-5');
    const fieldset = f.querySelector('fieldset')!;
    fieldset.disabled = true;
    await waitUntil(() => captcha.matches(':disabled'));
    expect(entries(f)).to.deep.equal([]);
    expect(captcha.querySelector<HTMLElement>(`[${CONTAINER_ATTRIBUTE}]`)!.inert).to.equal(true);
    fieldset.disabled = false;
    await waitUntil(() => !captcha.matches(':disabled'));
    expect(entries(f)).to.deep.equal(['ticket=T-5', 'randstr=@R-5']);
    expect(captcha.querySelector<HTMLElement>(`[${CONTAINER_ATTRIBUTE}]`)!.inert).to.equal(false);
  });
});
