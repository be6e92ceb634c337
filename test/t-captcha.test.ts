import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { CaptchaErrorEvent, ClosedEvent, TCaptcha, VerifiedEvent } from '../src/index.js';
import { CONTAINER_ATTRIBUTE } from '../src/t-captcha.js';
import { calls, fake, ready, requestCount, scriptsFor, settled, vendorUrl } from './helpers.js';

const container = (el: TCaptcha) => el.querySelector<HTMLElement>(`[${CONTAINER_ATTRIBUTE}]`)!;

describe('<t-captcha> core', () => {
  it('is registered once, and importing the define module again does not throw', async () => {
    expect(customElements.get('t-captcha')).to.equal(TCaptcha);
    await import(new URL('../src/define.ts?again', import.meta.url).href);
    expect(customElements.get('t-captcha')).to.equal(TCaptcha);
  });

  it('does not throw when someone else defined t-captcha first', async () => {
    const define = new URL('../src/define.ts', import.meta.url).href;
    const frame = await fixture<HTMLIFrameElement>(html`<iframe
      srcdoc=${`<script>customElements.define('t-captcha', class Other extends HTMLElement {});</script>
        <script type="module">import(${JSON.stringify(define)}).then(() => (window.outcome = 'imported'), (e) => (window.outcome = String(e)));</script>`}
    ></iframe>`);
    const inner = () => frame.contentWindow as (Window & { outcome?: string }) | null;
    await waitUntil(() => inner()?.outcome, 'the framed page never imported the define module');
    expect(inner()!.outcome).to.equal('imported');
    expect(inner()!.customElements.get('t-captcha')!.name).to.equal('Other');
  });

  it('is created from markup, loads the script and calls capInit with its own box', async () => {
    const src = vendorUrl();
    const el = await fixture<TCaptcha>(html`<t-captcha src=${src}></t-captcha>`);
    expect(el).to.be.instanceOf(TCaptcha);
    await ready(el);
    const init = fake().calls.filter((call) => call.name === 'capInit').at(-1)!;
    expect(init.args[0]).to.equal(container(el));
    expect(container(el).parentElement).to.equal(el);
    expect(container(el).querySelector('iframe.fake-captcha-trigger')).to.exist;
    expect(el.getAttribute('client-type')).to.equal('pc');
    expect(el.state).to.equal('ready');
  });

  it('is created with document.createElement and started by setting src afterwards', async () => {
    const el = document.createElement('t-captcha');
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.state).to.equal('idle');
      const before = calls('capInit');
      el.src = vendorUrl();
      await ready(el);
      expect(calls('capInit')).to.equal(before + 1);
    } finally {
      el.remove();
    }
  });

  it('reserves at least 362x40 before the script arrives, sizes its box 230x54, and moves nothing when the captcha appears', async () => {
    const src = vendorUrl('legacy.js', { delay: 300 });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <t-captcha src=${src}></t-captcha>
      <p id="after">below the captcha</p>
    </div>`);
    const el = wrapper.querySelector('t-captcha')!;
    const follower = wrapper.querySelector('#after')!;
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    const host = el.getBoundingClientRect();
    expect(host.width).to.be.at.least(362);
    expect(host.height).to.be.at.least(40);
    const box = container(el).getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([230, 54]);
    const before = follower.getBoundingClientRect();
    await ready(el);
    const after = follower.getBoundingClientRect();
    expect([after.x, after.y]).to.deep.equal([before.x, before.y]);
    // The vendor styles its iframe from a <style> in the document: that reaches our light-DOM box.
    const trigger = container(el).querySelector('iframe')!.getBoundingClientRect();
    expect([trigger.width, trigger.height]).to.deep.equal([230, 54]);
  });

  it('takes its box size from CSS custom properties', async () => {
    const el = await fixture<TCaptcha>(
      html`<t-captcha style="--t-captcha-width: 300px; --t-captcha-height: 70px" src=${vendorUrl()}></t-captcha>`,
    );
    await ready(el);
    const box = container(el).getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([300, 70]);
    expect(el.getBoundingClientRect().height).to.equal(70);
  });

  for (const showHeader of [true, false]) {
    it(`on mobile calls capInit(document, { showHeader: ${showHeader} }) and takes no layout space`, async () => {
      const el = await fixture<TCaptcha>(
        html`<t-captcha client-type="mobile" ?show-header=${showHeader} src=${vendorUrl()}></t-captcha>`,
      );
      await ready(el);
      const init = fake().calls.filter((call) => call.name === 'capInit').at(-1)!;
      expect(init.args[0]).to.equal(document);
      expect((init.args[1] as { showHeader: boolean }).showHeader).to.equal(showHeader);
      expect(container(el)).to.equal(null);
      expect(el.getBoundingClientRect().height, 'no layout space').to.equal(0);
      const challenge = fake().instance!.challenge!;
      expect(challenge.getBoundingClientRect().width).to.equal(window.innerWidth);
      expect(!!challenge.contentDocument!.querySelector('.fake-captcha-header')).to.equal(showHeader);
    });
  }

  it('dispatches verified with ticket and randstr, bubbling and composed', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    setTimeout(() => fake().pass('ticket-1', 'rand-1'));
    const event = (await oneEvent(document, 'verified')) as unknown as VerifiedEvent;
    expect(event).to.be.instanceOf(VerifiedEvent);
    expect([event.ticket, event.randstr]).to.deep.equal(['ticket-1', 'rand-1']);
    expect(event.target).to.equal(el);
    expect(el.state).to.equal('verified');
  });

  it('exposes its state as a CSS custom state, e.g. :state(verified)', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    expect(el.matches(':state(ready)')).to.equal(true);
    fake().pass();
    expect(el.matches(':state(verified)')).to.equal(true);
    expect(el.matches(':state(ready)')).to.equal(false);
  });

  it('dispatches closed with empty ticket and randstr when the user closes the captcha', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    setTimeout(() => fake().close());
    const event = (await oneEvent(el, 'closed')) as unknown as ClosedEvent;
    expect(event).to.be.instanceOf(ClosedEvent);
    expect([event.ticket, event.randstr]).to.deep.equal(['', '']);
    expect(el.state).to.equal('closed');
  });

  it('lets results cross an enclosing shadow root', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const el = document.createElement('t-captcha');
    el.src = vendorUrl();
    root.append(el);
    await ready(el);
    // Read during dispatch: afterwards the browser clears targets that lie in a shadow tree.
    const seen: Array<{ type: string; atHost: boolean; origin: EventTarget; ticket: string }> = [];
    const listener = (event: Event) =>
      seen.push({
        type: event.type,
        atHost: event.target === outer,
        origin: event.composedPath()[0],
        ticket: (event as VerifiedEvent).ticket,
      });
    document.addEventListener('verified', listener);
    document.addEventListener('closed', listener);
    try {
      fake().open();
      fake().close();
      // A close is an `end` that no pass followed in the same task.
      await settled();
      fake().pass('across', 'shadow');
    } finally {
      document.removeEventListener('verified', listener);
      document.removeEventListener('closed', listener);
    }
    expect(seen.map((event) => event.type)).to.deep.equal(['closed', 'verified']);
    expect(seen[1].atHost, 'retargeted at the shadow host').to.equal(true);
    expect(seen[1].origin === el, 'composedPath starts at the element').to.equal(true);
    expect(seen[1].ticket).to.equal('across');
  });

  it('delegates refresh() to capRefresh and getTicket() to capGetTicket', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    expect(el.getTicket()).to.deep.equal({ ticket: '', randstr: '' });
    fake().pass('t-9', 'r-9');
    const gets = calls('capGetTicket');
    expect(el.getTicket()).to.deep.equal({ ticket: 't-9', randstr: 'r-9' });
    expect(calls('capGetTicket')).to.equal(gets + 1);
    const refreshes = calls('capRefresh');
    el.refresh();
    expect(calls('capRefresh')).to.equal(refreshes + 1);
    expect(el.getTicket()).to.deep.equal({ ticket: '', randstr: '' });
    expect(el.state).to.equal('ready');
  });

  it('shares one <script> and one request between two elements with one URL', async () => {
    const src = vendorUrl('legacy.js', { delay: 100 });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <t-captcha id="a" src=${src}></t-captcha><t-captcha id="b" src=${src}></t-captcha>
    </div>`);
    const [a, b] = wrapper.querySelectorAll('t-captcha');
    await ready(b);
    expect(scriptsFor(src)).to.equal(1);
    expect(await requestCount(src)).to.equal(1);
    expect(a.state).to.equal('waiting');
  });

  it('calls capDestroy on removal, so that another element can initialise later', async () => {
    const first = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(first);
    const destroys = calls('capDestroy');
    first.remove();
    await settled();
    expect(calls('capDestroy')).to.equal(destroys + 1);
    expect(fake().instance).to.equal(null);
    const second = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(second);
    expect(fake().instance!.target).to.equal(container(second));
    expect(container(second).querySelector('iframe')).to.exist;
  });

  it('reports an error event that does not bubble', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src="javascript:alert(1)"></t-captcha>`);
    let reachedDocument = false;
    const mark = () => (reachedDocument = true);
    document.addEventListener('error', mark);
    try {
      el.src = 'data:text/javascript,1';
      const event = (await oneEvent(el, 'error')) as unknown as CaptchaErrorEvent;
      expect(event).to.be.instanceOf(CaptchaErrorEvent);
      expect(event.code).to.equal('invalid-src');
      expect(event.bubbles).to.equal(false);
      expect(reachedDocument).to.equal(false);
    } finally {
      document.removeEventListener('error', mark);
    }
  });
});

describe('<t-captcha> boolean attributes as frameworks bind them', () => {
  const cases: Array<[string | null, boolean]> = [
    [null, false],
    ['false', false],
    ['FALSE', false],
    ['', true],
    ['true', true],
    ['show-header', true],
  ];
  for (const [attribute, property] of [
    ['show-header', 'showHeader'],
    ['dark-mode', 'darkMode'],
    ['fallback', 'fallback'],
  ] as const) {
    it(`${attribute}: absent or "false" is false; "", "true" or anything else is true`, async () => {
      const el = await fixture<TCaptcha>(html`<t-captcha></t-captcha>`);
      for (const [value, expected] of cases) {
        if (value === null) el.removeAttribute(attribute);
        else el.setAttribute(attribute, value);
        expect(el[property], `${attribute}=${JSON.stringify(value)}`).to.equal(expected);
      }
    });
  }

  it('show-header bound false → true → false reaches capInit each time (mobile)', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha client-type="mobile" show-header="false" src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    expect(fake().instance!.showHeader).to.equal(false);
    el.setAttribute('show-header', 'true');
    await waitUntil(() => fake().instance?.showHeader === true, 'show-header true reaches the vendor');
    el.setAttribute('show-header', 'false');
    await waitUntil(() => fake().instance?.showHeader === false, 'show-header false reaches the vendor');
  });

  it('required keeps the native meaning: required="false" is still required, as on <input>', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha required="false"></t-captcha>`);
    expect(el.required).to.equal(true);
  });
});
