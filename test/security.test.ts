// The element is no script gadget: markup alone (which an HTML injection can write) never makes it load a
// script from a host the page's own code did not allow. Only TCaptcha.allowScriptHosts() widens the list.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { TCaptcha } from '../src/index.js';
import { trustedScriptUrl } from '../src/trusted-types.js';
import { errorOf, requestCount, vendorUrl } from './helpers.js';

const hasTrustedTypes = 'trustedTypes' in window;


/** A vendor URL on a loopback address the page never allowed (127.0.0.2: this test server's port, another host). */
function unallowedUrl(path = 'legacy.js'): string {
  const url = new URL(vendorUrl(path));
  url.hostname = '127.0.0.2';
  return url.href;
}

describe('script hosts: Tencent\'s, or what the page\'s code allowed', () => {
  it('an injected <t-captcha src> on another host is refused, and nothing is requested', async () => {
    const src = unallowedUrl();
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    // As an HTML injection would write it.
    wrapper.innerHTML = `<t-captcha src="${src}"></t-captcha>`;
    const el = wrapper.querySelector('t-captcha')!;
    const event = await errorOf(el);
    expect(event.code).to.equal('invalid-src');
    expect(event.message).to.contain('allowScriptHosts');
    expect(document.querySelector(`script[src="${src}"]`)).to.equal(null);
    expect(await requestCount(src)).to.equal(0);
  });

  it('allowed-hosts in markup cannot widen the list, only narrow it', async () => {
    const src = unallowedUrl();
    const host = new URL(src).host;
    const el = await fixture<TCaptcha>(html`<t-captcha allowed-hosts=${host} src=${src}></t-captcha>`);
    const event = await errorOf(el);
    expect(event.code).to.equal('invalid-src');
    expect(await requestCount(src)).to.equal(0);
  });

  it('with app-id too: an injected TCaptcha.js address on another host is refused', async () => {
    const src = unallowedUrl('TCaptcha.js');
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000001" src=${src}></t-captcha>`);
    expect((await errorOf(el)).code).to.equal('invalid-src');
    expect(await requestCount(src)).to.equal(0);
  });

  it('https on an unknown host is refused; Tencent\'s hosts are allowed by default (checked, not loaded)', async () => {
    const evil = await fixture<TCaptcha>(html`<t-captcha src="https://attacker.example/x.js"></t-captcha>`);
    expect((await errorOf(evil)).message).to.contain('attacker.example');
    // Allowed by the page list, then refused by the element's narrower allowed-hosts: no request to Tencent.
    const tencent = await fixture<TCaptcha>(html`<t-captcha allowed-hosts="captcha.example.com" src="https://ssl.captcha.qq.com/TCapIframeApi.js"></t-captcha>`);
    const event = await errorOf(tencent);
    expect(event.message).to.contain('not in allowed-hosts');
  });

  it('setup messages give the right advice: a javascript: or data: URL, a relative src, a host to allow (the way a CDN page can)', async () => {
    const advice = async (src: string) => (await errorOf(await fixture<TCaptcha>(html`<t-captcha src=${src}></t-captcha>`))).message;
    for (const src of ['javascript:alert(1)', 'data:text/javascript,1']) {
      const message = await advice(src);
      expect(message, src).to.contain(`src="${src}" is not an https:// script URL`);
      expect(message, `${src}: no advice to allow an empty host`).to.not.contain('allowScriptHosts');
    }
    expect(await advice(unallowedUrl())).to.contain(`is not on an allowed host: allow it in the page's code: customElements.get('t-captcha').allowScriptHosts('127.0.0.2:${location.port}')`);
    // A relative src on a page whose own origin is no script host: said so, with the https:// URL it needs first.
    const base = Object.assign(document.createElement('base'), { href: `http://127.0.0.2:${location.port}/shop/` });
    document.head.prepend(base);
    try {
      const message = await advice('hello world');
      expect(message).to.contain(`src="hello world" is relative, so it names http://127.0.0.2:${location.port}: give the https:// URL your server got from Tencent`);
    } finally {
      base.remove();
    }
  });

  it('plain http only for a loopback host allowed by name', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src="http://captcha.example.com/x.js"></t-captcha>`);
    expect((await errorOf(el)).message).to.contain('http:');
  });

  it('allowScriptHosts() takes host or host:port and throws a TypeError that says what is wrong', () => {
    for (const bad of ['https://captcha.example.com', 'captcha.example.com/x.js', '', 'a b', 42]) {
      expect(() => TCaptcha.allowScriptHosts(bad as string), String(bad)).to.throw(TypeError, /host/);
    }
    expect(() => TCaptcha.allowScriptHosts('cdn.example.com', 'localhost:9999')).to.not.throw();
  });

  (hasTrustedTypes ? it : it.skip)('the t-captcha Trusted Types policy refuses a URL the page did not allow (where the browser has Trusted Types)', () => {
    expect(() => trustedScriptUrl('https://attacker.example/x.js')).to.throw(TypeError, /not an allowed script host/);
    const trusted = trustedScriptUrl(vendorUrl());
    expect(trusted).to.not.be.a('string');
    expect(String(trusted)).to.contain(location.host);
  });
});

describe('allowScriptHosts() after the element started (a CDN page whose own code runs later)', () => {
  it('an element refused for its host tries again once the page allows the host', async () => {
    const url = new URL(vendorUrl());
    url.hostname = '127.0.0.3';
    // Served by this test server too, but under a host the page has not allowed yet.
    const el = await fixture<TCaptcha>(html`<t-captcha load-timeout="3000" src=${url.href}></t-captcha>`);
    expect((await errorOf(el)).code).to.equal('invalid-src');
    TCaptcha.allowScriptHosts(url.host);
    await waitUntil(() => el.state !== 'error', 'the element tried again');
    expect(el.state).to.be.oneOf(['loading', 'ready']);
  });
});
