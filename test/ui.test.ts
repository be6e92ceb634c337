// What the user sees in the box: a quiet indicator while the captcha loads, a panel with a localized
// message and a retry button when it cannot be shown, and nothing of the element's once the vendor's
// frame is there. The box keeps its size in every state, so nothing on the page moves.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TCaptcha } from '../src/index.js';
import { LANGUAGES } from '../src/i18n/index.js';
import { MESSAGE_KEYS } from '../src/messages.js';
import { forgetTencent, ready, requestCount, vendorUrl } from './helpers.js';

const part = (el: TCaptcha, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const box = (el: TCaptcha) => el.querySelector<HTMLElement>('[data-t-captcha-container]')!;
const rect = (element: Element) => {
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
};
const inState = async (el: TCaptcha, state: string) => {
  await waitUntil(() => el.state === state, `state ${state}`, { timeout: 5000 });
  await el.updateComplete;
};
const messageAt = (strings: readonly string[], key: (typeof MESSAGE_KEYS)[number]) => strings[MESSAGE_KEYS.indexOf(key)];

describe('<t-captcha> states in the box', () => {
  it('loading: a quiet indicator over the reserved box, the same size; gone once ready; nothing moves', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><t-captcha src=${vendorUrl('legacy.js', { delay: 400 })}></t-captcha><p style="margin:0">after</p></div>`);
    const el = wrapper.querySelector('t-captcha')!;
    const after = wrapper.querySelector('p')!;
    await inState(el, 'loading');
    const loading = part(el, 'loading')!;
    expect(loading).to.exist;
    expect(getComputedStyle(loading).display).to.not.equal('none');
    // Visible words, not only motion: the indicator says what happens (the live region speaks it).
    expect(loading.textContent).to.equal('Loading the captcha…');
    expect(rect(loading)).to.deep.equal(rect(box(el)));
    const [host, next] = [rect(el), rect(after)];
    await expect(el).to.be.accessible();
    await ready(el);
    await el.updateComplete;
    expect(part(el, 'loading')).to.equal(null);
    expect(part(el, 'error')).to.equal(null);
    expect(rect(el)).to.deep.equal(host);
    expect(rect(after)).to.deep.equal(next);
  });

  it('error: a panel with the message and a retry button that is reachable, named, and loads again', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><t-captcha src=${vendorUrl('flaky.js')}></t-captcha><p style="margin:0">after</p></div>`);
    const el = wrapper.querySelector('t-captcha')!;
    const after = wrapper.querySelector('p')!;
    await inState(el, 'error');
    const panel = part(el, 'error')!;
    expect(rect(panel)).to.deep.equal(rect(box(el)));
    expect(panel.textContent).to.contain('The captcha could not be shown.');
    const retry = part(el, 'retry') as HTMLButtonElement;
    expect(retry.localName).to.equal('button');
    expect(retry.textContent!.trim()).to.equal('Try again');
    expect(retry.tabIndex).to.equal(0);
    await expect(el).to.be.accessible();
    const [host, next] = [rect(el), rect(after)];
    retry.focus();
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    const src = el.src;
    retry.click();
    await ready(el);
    // The retry asked the network again (a fresh <script> with a retry counter), and it worked.
    expect(await requestCount(`${src}&t_captcha_retry=1`)).to.equal(1);
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    expect(rect(el)).to.deep.equal(host);
    expect(rect(after)).to.deep.equal(next);
  });

  it('embed (current API): the box is reserved from the start; the panel covers it; nothing moves when the frame arrives', async () => {
    forgetTencent();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><t-captcha app-id="190000030" type="embed" src=${vendorUrl('TCaptcha.js', { frameDelay: 300 })}></t-captcha><p style="margin:0">after</p></div>`,
    );
    const el = wrapper.querySelector('t-captcha')!;
    const after = wrapper.querySelector('p')!;
    await inState(el, 'loading');
    expect(rect(part(el, 'loading')!)).to.deep.equal(rect(box(el)));
    const next = rect(after);
    await ready(el);
    await el.updateComplete;
    expect(box(el).querySelector('iframe')).to.exist;
    expect(rect(after)).to.deep.equal(next);
  });

  it('the error slot replaces the panel\'s message; the retry button stays', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('nope.js')}><span slot="error" id="mine">Our captcha is down; call us.</span></t-captcha>`);
    await inState(el, 'error');
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="error"]')!;
    expect(slot.assignedElements()).to.deep.equal([el.querySelector('#mine')]);
    expect(el.querySelector<HTMLElement>('#mine')!.getBoundingClientRect().width).to.be.above(0);
    expect(part(el, 'retry')).to.exist;
  });

  it('a setup error (no retry can help) tells the user the captcha is not available here, with no "Try again"', async () => {
    for (const markup of [html`<t-captcha client-type="tablet" src=${vendorUrl()}></t-captcha>`, html`<t-captcha src="https://evil.example/x.js"></t-captcha>`]) {
      const el = await fixture<TCaptcha>(markup);
      await inState(el, 'error');
      expect(part(el, 'error')!.textContent).to.contain('The captcha is not available on this page.');
      expect(part(el, 'retry')).to.equal(null);
    }
  });

  it('mobile and popup take no space and show no indicator or panel in the page', async () => {
    const mobile = await fixture<TCaptcha>(html`<t-captcha client-type="mobile" src=${vendorUrl('nope.js')}></t-captcha>`);
    await inState(mobile, 'error');
    expect(part(mobile, 'error')).to.equal(null);
    expect(mobile.getBoundingClientRect().height).to.equal(0);
    forgetTencent();
    const popup = await fixture<TCaptcha>(html`<t-captcha app-id="190000001" src=${vendorUrl('TCaptcha-404.js')}></t-captcha>`);
    await inState(popup, 'error');
    expect(part(popup, 'error')).to.equal(null);
    expect(popup.getBoundingClientRect().height).to.equal(0);
  });

  it('the indicator breathes, and stands still for prefers-reduced-motion: reduce (where the runner can emulate it: Chromium)', async function () {
    try {
      await emulateMedia({ reducedMotion: 'no-preference' });
    } catch {
      this.skip();
    }
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('legacy.js', { delay: 2000 })}></t-captcha>`);
    await inState(el, 'loading');
    const animation = () => getComputedStyle(part(el, 'loading')!).animationName;
    try {
      expect(animation()).to.equal('pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(animation()).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});

describe('<t-captcha> languages', () => {
  for (const language of LANGUAGES) {
    const rtl = ['ar', 'he', 'ur'].includes(language);
    it(`${language}: the error panel and the retry button in ${language}${rtl ? ', right to left' : ''}`, async () => {
      const strings: readonly string[] =
        language === 'en' || language === 'zh-cn'
          ? language === 'en'
            ? ['', '', '', '', '', '', 'Try again', 'The captcha failed to load.']
            : ['', '', '', '', '', '', '重试', '验证码加载失败。']
          : (await import(`../src/i18n/${language}.ts`)).default;
      const el = await fixture<TCaptcha>(html`<div lang=${language}><t-captcha src=${vendorUrl('nope.js')}></t-captcha></div>`).then((div) => div.querySelector('t-captcha')!);
      await inState(el, 'error');
      // Languages other than zh-cn and en arrive as their own module, on demand.
      await waitUntil(() => part(el, 'retry')?.textContent?.trim() === messageAt(strings, 'retry'), `retry in ${language}`);
      expect(part(el, 'error')!.textContent).to.contain(messageAt(strings, 'error'));
      expect(part(el, 'error')!.getAttribute('dir')).to.equal(rtl ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible();
    });
  }

  it('user-language wins over lang; lang on the element or an ancestor wins over the document', async () => {
    const el = await fixture<TCaptcha>(html`<div lang="fr"><t-captcha user-language="ja" src=${vendorUrl('nope.js')}></t-captcha></div>`).then((div) => div.querySelector('t-captcha')!);
    await inState(el, 'error');
    await waitUntil(() => part(el, 'retry')?.textContent?.trim() === '再試行', 'Japanese');
    el.removeAttribute('user-language');
    el.requestUpdate();
    await waitUntil(() => part(el, 'retry')?.textContent?.trim() === 'Réessayer', 'French');
  });

  it('Chinese by script and region: zh-Hant and zh-TW → zh-tw, zh-HK → zh-hk, zh → zh-cn', async () => {
    const { resolveLanguage } = await import('../src/messages.js');
    expect(['zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO', 'zh', 'zh-Hans-CN', 'iw', 'in', 'pt-BR', 'xx', ''].map(resolveLanguage)).to.deep.equal([
      'zh-tw',
      'zh-tw',
      'zh-hk',
      'zh-hk',
      'zh-cn',
      'zh-cn',
      'he',
      'id',
      'pt',
      'xx',
      'en',
    ]);
  });

  it('a language the element does not speak: English, still once the language index answered', async () => {
    const el = await fixture<TCaptcha>(html`<div lang="sv"><t-captcha src=${vendorUrl('nope.js')}></t-captcha></div>`).then((div) => div.querySelector('t-captcha')!);
    await inState(el, 'error');
    expect(part(el, 'retry')!.textContent!.trim()).to.equal('Try again');
    // The language index is what the element asked; once it answered, still English, left to right.
    const { translation } = await import('../src/i18n/index.js');
    expect(await translation('sv')).to.equal(undefined);
    el.requestUpdate();
    await el.updateComplete;
    expect(part(el, 'retry')!.textContent!.trim()).to.equal('Try again');
    expect(part(el, 'error')!.getAttribute('dir')).to.equal('ltr');
  });
});
