import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { TCaptcha, VerifiedEvent } from '../src/index.js';
import { CONTAINER_ATTRIBUTE } from '../src/t-captcha.js';
import { calls, errorOf, fake, ready, requestCount, scriptsFor, settled, vendorUrl } from './helpers.js';

const container = (el: TCaptcha) => el.querySelector<HTMLElement>(`[${CONTAINER_ATTRIBUTE}]`);


/** Counts the element's result events. */
function record(el: TCaptcha): string[] {
  const seen: string[] = [];
  for (const type of ['verified', 'closed', 'error', 'ready']) {
    el.addEventListener(type, (event) => seen.push(type === 'verified' ? `verified:${(event as VerifiedEvent).ticket}` : type));
  }
  return seen;
}

describe('<t-captcha> loading failures, through real network behaviour', () => {
  it('script-load-failed on a 404, and the failed <script> is removed', async () => {
    const src = vendorUrl('nothing-here.js');
    const el = await fixture<TCaptcha>(html`<t-captcha src=${src}></t-captcha>`);
    const event = await errorOf(el);
    expect(event.code).to.equal('script-load-failed');
    expect(event.message).to.contain(src);
    expect(el.state).to.equal('error');
    expect(scriptsFor(src)).to.equal(0);
  });

  it('script-timeout after load-timeout on a response that never ends', async () => {
    const src = vendorUrl('hang.js');
    const started = performance.now();
    const el = await fixture<TCaptcha>(html`<t-captcha load-timeout="400" src=${src}></t-captcha>`);
    const event = await errorOf(el);
    expect(event.code).to.equal('script-timeout');
    expect(event.message).to.contain('400 ms');
    expect(performance.now() - started).to.be.at.least(400);
    expect(scriptsFor(src)).to.equal(0);
  });

  it('waits for a slow script within the timeout', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha load-timeout="5000" src=${vendorUrl('legacy.js', { delay: 500 })}></t-captcha>`);
    expect(el.state).to.equal('loading');
    await ready(el);
    expect(el.state).to.equal('ready');
  });

  it('vendor-missing when the script defines no capInit', async () => {
    const saved = window.capInit;
    delete (window as { capInit?: unknown }).capInit;
    try {
      const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('missing.js')}></t-captcha>`);
      const event = await errorOf(el);
      expect(event.code).to.equal('vendor-missing');
      expect((window as { __missingVendorRan?: number }).__missingVendorRan).to.equal(1);
    } finally {
      window.capInit = saved;
    }
  });

  it('vendor-error when capInit throws, with the vendor message', async () => {
    const saved = window.capInit;
    try {
      const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('throwing.js')}></t-captcha>`);
      const event = await errorOf(el);
      expect(event.code).to.equal('vendor-error');
      expect(event.message).to.contain('this appid is disabled');
    } finally {
      window.capInit = saved;
    }
  });

  it('refresh() after a failure removes the failed script and loads a fresh one', async () => {
    const src = vendorUrl('flaky.js');
    const el = await fixture<TCaptcha>(html`<t-captcha src=${src}></t-captcha>`);
    expect((await errorOf(el)).code).to.equal('script-load-failed');
    expect(scriptsFor(src)).to.equal(0);
    el.refresh();
    await ready(el);
    const retried = `${src}&t_captcha_retry=1`;
    expect(scriptsFor(retried)).to.equal(1);
    expect((await requestCount(src)) + (await requestCount(retried))).to.equal(2);
  });

  it('a new src after a failure retries with the new script', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('gone.js')}></t-captcha>`);
    await errorOf(el);
    el.src = vendorUrl();
    await ready(el);
    expect(container(el)!.querySelector('iframe')).to.exist;
  });

  it('settles a shared load once for every waiting element, and reports to each', async () => {
    const src = vendorUrl('missing-too.js');
    const wrapper = await fixture<HTMLDivElement>(html`<div><t-captcha src=${src}></t-captcha><t-captcha src=${src}></t-captcha></div>`);
    const [a, b] = wrapper.querySelectorAll('t-captcha');
    // b owns the vendor; a waits and never loads.
    expect((await errorOf(b)).code).to.equal('script-load-failed');
    expect(a.state).to.equal('waiting');
    expect(await requestCount(src)).to.equal(1);
  });
});

describe('<t-captcha> single-use URLs and the page singleton', () => {
  it('a new src tears the old instance down and initialises from the new script', async () => {
    const first = vendorUrl();
    const el = await fixture<TCaptcha>(html`<t-captcha src=${first}></t-captcha>`);
    await ready(el);
    const [inits, destroys] = [calls('capInit'), calls('capDestroy')];
    const second = vendorUrl();
    const readyAgain = oneEvent(el, 'ready');
    el.src = second;
    await readyAgain;
    expect(calls('capDestroy')).to.equal(destroys + 1);
    expect(calls('capInit')).to.equal(inits + 1);
    expect(scriptsFor(second)).to.equal(1);
  });

  it('the most recently connected element owns the vendor; the other waits and takes over when it leaves', async () => {
    const a = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(a);
    const seenByA = record(a);
    const b = document.createElement('t-captcha');
    b.src = vendorUrl();
    a.after(b);
    await ready(b);
    expect(a.state).to.equal('waiting');
    expect(container(a)!.childElementCount, 'A shows an idle box').to.equal(0);
    expect(fake().instance!.target).to.equal(container(b));
    fake().pass('for-b');
    expect(b.getTicket().ticket).to.equal('for-b');
    expect(seenByA, 'A never hears B').to.deep.equal([]);
    b.remove();
    await ready(a);
    expect(fake().instance!.target).to.equal(container(a));
    fake().pass('for-a');
    expect(seenByA).to.deep.equal(['ready', 'verified:for-a']);
  });

  it('ignores the vendor callback of a torn-down instance, even without capDestroy', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    const seen = record(el);
    const stale = fake().callbacks[0];
    const readyAgain = oneEvent(el, 'ready');
    el.src = vendorUrl();
    await readyAgain;
    stale({ ret: 0, ticket: 'stale', randstr: 'stale' });
    expect(seen).to.deep.equal(['ready']);
  });
});

describe('<t-captcha> lifecycle races', () => {
  it('removed before the script arrives: nothing runs later', async () => {
    const src = vendorUrl('legacy.js', { delay: 200 });
    const el = await fixture<TCaptcha>(html`<t-captcha src=${src}></t-captcha>`);
    const seen = record(el);
    const inits = calls('capInit');
    el.remove();
    await waitUntil(async () => (await requestCount(src)) === 1 && typeof window.capInit === 'function');
    // The script has run by the time another element on the same URL is ready.
    const other = await fixture<TCaptcha>(html`<t-captcha src=${src}></t-captcha>`);
    await ready(other);
    expect(calls('capInit')).to.equal(inits + 1);
    expect(seen).to.deep.equal([]);
    expect(el.state).to.equal('idle');
  });

  it('moved within the DOM in one task: no second capInit, no capDestroy', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><section></section><t-captcha src=${vendorUrl()}></t-captcha></div>`);
    const el = wrapper.querySelector('t-captcha')!;
    await ready(el);
    const [inits, destroys] = [calls('capInit'), calls('capDestroy')];
    wrapper.querySelector('section')!.append(el);
    await settled();
    await el.updateComplete;
    expect([calls('capInit'), calls('capDestroy')]).to.deep.equal([inits, destroys]);
    expect(el.state).to.equal('ready');
  });

  it('a vendor callback after removal is ignored', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    const seen = record(el);
    const callback = fake().callbacks[0];
    el.remove();
    await settled();
    callback({ ret: 0, ticket: 'late', randstr: 'late' });
    expect(seen).to.deep.equal([]);
  });

  it('rapid attribute changes: the last one wins, with one capInit', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha></t-captcha>`);
    const inits = calls('capInit');
    const last = vendorUrl();
    el.setAttribute('src', vendorUrl('legacy.js', { delay: 100 }));
    el.setAttribute('client-type', 'mobile');
    el.setAttribute('src', 'javascript:void 0');
    el.setAttribute('client-type', 'pc');
    el.setAttribute('src', last);
    await ready(el);
    expect(calls('capInit')).to.equal(inits + 1);
    expect(fake().instance!.target).to.equal(container(el));
    expect(scriptsFor(last)).to.equal(1);
  });
});

describe('<t-captcha> bad input', () => {
  it('client-type other than pc/mobile: an error naming the allowed values', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha client-type="tablet" src=${vendorUrl()}></t-captcha>`);
    const event = await errorOf(el);
    expect(event.code).to.equal('invalid-attribute');
    expect(event.message).to.contain('pc or mobile');
    el.clientType = 'pc';
    await ready(el);
  });

  for (const src of [
    'javascript:alert(1)',
    'data:text/javascript,window.capInit=1',
    'blob:https://example.com/0d4f',
    'http://captcha.example.com/TCapIframeApi.js',
    'ftp://example.com/x.js',
    'https://[bad',
  ]) {
    it(`src="${src}" → invalid-src, nothing loaded`, async () => {
      const before = document.querySelectorAll('script').length;
      const el = document.createElement('t-captcha');
      el.src = src;
      document.body.append(el);
      try {
        expect((await errorOf(el)).code).to.equal('invalid-src');
        expect(document.querySelectorAll('script').length).to.equal(before);
      } finally {
        el.remove();
      }
    });
  }

  it('allows http: on localhost and 127.0.0.1 for development', async () => {
    const local = new URL(vendorUrl());
    local.hostname = '127.0.0.1';
    const el = await fixture<TCaptcha>(html`<t-captcha src=${local.href}></t-captcha>`);
    await ready(el);
  });

  it('allowed-hosts: a listed host loads, another is refused', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha allowed-hosts="captcha.example.com ${location.host}" src=${vendorUrl()}></t-captcha>`);
    expect(el.allowedHosts).to.deep.equal(['captcha.example.com', location.host]);
    await ready(el);
    el.allowedHosts = ['turing.captcha.qcloud.com'];
    const event = await errorOf(el);
    expect(event.code).to.equal('invalid-src');
    expect(event.message).to.contain('turing.captcha.qcloud.com');
  });

  for (const [label, result] of [
    ['null', null],
    ['a string', 'ret=0'],
    ['ret 0 without a ticket', { ret: 0 }],
    ['a non-string ticket', { ret: 0, ticket: 42, randstr: {} }],
  ] as const) {
    it(`a malformed vendor result (${label}) is handled without a crash`, async () => {
      const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
      await ready(el);
      const seen = record(el);
      fake().deliver(result);
      expect(seen).to.have.length(1);
      expect(seen[0]).to.be.oneOf(['closed', 'error']);
      expect(el.getTicket()).to.deep.equal({ ticket: '', randstr: '' });
      el.refresh();
      await ready(el);
    });
  }

  it('never parses ticket or randstr as HTML', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    const markup = '<img src=x onerror="window.__xss=1">';
    const verified = oneEvent(el, 'verified');
    fake().pass(markup, markup);
    const event = (await verified) as unknown as VerifiedEvent;
    expect([event.ticket, event.randstr]).to.deep.equal([markup, markup]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.querySelector('img')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });
});

describe('<t-captcha> with the vendor script the page loads itself', () => {
  it("uses a <script src> of the page's own (the document's way) instead of loading it again", async () => {
    const src = vendorUrl();
    const own = Object.assign(document.createElement('script'), { src });
    const loaded = new Promise((resolve) => own.addEventListener('load', resolve));
    document.head.append(own);
    try {
      await loaded;
      const el = await fixture<TCaptcha>(html`<t-captcha src=${src}></t-captcha>`);
      await ready(el);
      expect(scriptsFor(src)).to.equal(1);
      expect(await requestCount(src)).to.equal(1);
    } finally {
      own.remove();
    }
  });

  it('waits for a page script that is still loading', async () => {
    // A fresh page: the vendor's globals appear only when its script has run.
    delete (window as { capInit?: unknown }).capInit;
    const src = vendorUrl('legacy.js', { delay: 200 });
    const own = Object.assign(document.createElement('script'), { src });
    document.head.append(own);
    try {
      const el = await fixture<TCaptcha>(html`<t-captcha src=${src}></t-captcha>`);
      expect(el.state).to.equal('loading');
      await ready(el);
      expect(scriptsFor(src)).to.equal(1);
      expect(await requestCount(src)).to.equal(1);
    } finally {
      own.remove();
    }
  });
});

describe('<t-captcha> deterministic benchmark outcomes', () => {
  it('fifty elements with one URL make one script request; the last is ready, 49 wait', async () => {
    const src = vendorUrl('legacy.js', { delay: 50 });
    const stage = await fixture<HTMLDivElement>(html`<div></div>`);
    const elements = Array.from({ length: 50 }, () => Object.assign(document.createElement('t-captcha'), { src }));
    stage.append(...elements);
    await ready(elements[49]);
    expect(await requestCount(src)).to.equal(1);
    expect(scriptsFor(src)).to.equal(1);
    expect(elements.slice(0, 49).every((el) => el.state === 'waiting')).to.equal(true);
  });

  (PerformanceObserver.supportedEntryTypes.includes('layout-shift') ? it : it.skip)(
    'no layout shift while the script loads and the captcha appears (layout-shift API: Chromium only)',
    async () => {
      let shift = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) shift += entry.value;
      });
      observer.observe({ type: 'layout-shift' });
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div>
          <t-captcha src=${vendorUrl('legacy.js', { delay: 150 })}></t-captcha>
          <p>after</p>
        </div>`);
        const el = wrapper.querySelector('t-captcha')!;
        await ready(el);
        // Two frames, so that a shift from the captcha's appearance would have been reported.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        expect(el.getBoundingClientRect().height).to.equal(54);
        expect(shift).to.equal(0);
      } finally {
        observer.disconnect();
      }
    },
  );
});
