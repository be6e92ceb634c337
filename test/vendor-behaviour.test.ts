// What Tencent's real scripts do when run (vendor contract §2, §5), met by fakes that do the same:
// deferred rendering, capGetTicket throwing before it, pc closes only through the `end` hook, a
// queued show() that destroy() does not cancel, options mutated by the constructor.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TCaptcha, VerifiedEvent } from '../src/index.js';
import { CONTAINER_ATTRIBUTE } from '../src/t-captcha.js';
import { errorOf, fake, forgetTencent, ready, settled, vendorUrl } from './helpers.js';

const box = (el: TCaptcha) => el.querySelector<HTMLElement>(`[${CONTAINER_ATTRIBUTE}]`)!;
/** The target of the fake's last capInit, once the loader has run. */
const initTarget = () => window.__fakeCaptcha?.calls.filter((call) => call.name === 'capInit').at(-1)?.args[0];


function record(el: TCaptcha): string[] {
  const seen: string[] = [];
  for (const type of ['verified', 'closed', 'error', 'ready']) el.addEventListener(type, () => seen.push(type));
  return seen;
}

describe('legacy capInit, as the real script behaves', () => {
  it('is loading, not ready, until the deferred render puts the trigger frame in the box', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('legacy.js', { frameDelay: 300 })}></t-captcha>`);
    await waitUntil(() => initTarget() === box(el), 'capInit was called');
    expect(el.state, 'capInit alone shows nothing yet').to.equal('loading');
    expect(box(el).querySelector('iframe')).to.equal(null);
    await ready(el);
    expect(box(el).querySelector('iframe.fake-captcha-trigger')).to.exist;
  });

  it('render-timeout, naming the likely causes, when the sub-scripts never arrive (no silent blank box)', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha load-timeout="400" src=${vendorUrl('legacy.js', { frame: 404 })}></t-captcha>`);
    const seen = record(el);
    const event = await errorOf(el);
    expect(event.code).to.equal('render-timeout');
    expect(event.message).to.contain('400 ms').and.to.contain('blocked');
    expect(seen).to.deep.equal(['error']);
    expect(el.state).to.equal('error');
  });

  it('getTicket() before the render neither throws nor changes the state', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('legacy.js', { frameDelay: 300 })}></t-captcha>`);
    await waitUntil(() => initTarget() === box(el), 'capInit was called');
    expect(() => (window as unknown as { capGetTicket(): unknown }).capGetTicket(), 'the vendor itself throws').to.throw(TypeError);
    expect(el.getTicket()).to.deep.equal({ ticket: '', randstr: '' });
    expect(el.state).to.equal('loading');
    await ready(el);
    fake().pass('after-render', 'r');
    expect(el.getTicket()).to.deep.equal({ ticket: 'after-render', randstr: 'r' });
  });

  it('pc: a closed challenge is reported through the end hook; a pass (start, end, callback) only as verified', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    const seen = record(el);
    fake().hooks.length = 0;
    fake().open();
    fake().close();
    await oneEvent(el, 'closed');
    expect(el.state).to.equal('closed');
    fake().open();
    fake().pass('t', 'r');
    await settled();
    expect(fake().hooks).to.deep.equal(['start', 'end', 'start', 'start', 'end']);
    expect(seen).to.deep.equal(['closed', 'verified']);
  });

  it('pc: a click elsewhere while the challenge is open refreshes it, which is a close', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    fake().open();
    await new Promise((resolve) => setTimeout(resolve));
    const closed = oneEvent(el, 'closed');
    document.body.click();
    await closed;
    expect(fake().instance!.challenge).to.equal(null);
  });

  it("our own refresh() and removal call the end hook too, and report no close", async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    const seen = record(el);
    fake().open();
    el.refresh();
    await settled();
    expect(fake().hooks.at(-1)).to.equal('end');
    expect(seen).to.deep.equal([]);
    expect(el.state).to.equal('ready');
  });

  it('removed before the deferred render: the late render is torn down, and the next element renders', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('legacy.js', { frameDelay: 300 })}></t-captcha>`);
    const oldBox = box(el);
    await waitUntil(() => initTarget() === oldBox, 'capInit was called');
    el.remove();
    await waitUntil(() => fake().count('capDestroy') > 0 && oldBox.childElementCount === 0 && fake().instance === null, 'torn down');
    // The late render happened (a frame arrived) and was destroyed at once.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(oldBox.querySelector('iframe')).to.equal(null);
    expect(fake().instance).to.equal(null);
    const next = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(next);
    expect(box(next).querySelector('iframe')).to.exist;
  });

  it('nothing after the element moves when the trigger widens to 364 px for the challenge', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width:600px"><t-captcha src=${vendorUrl()}></t-captcha><p style="margin:0">after</p><span>beside</span></div>`);
    const el = wrapper.querySelector('t-captcha')!;
    await ready(el);
    const after = wrapper.querySelector('p')!;
    const before = after.getBoundingClientRect();
    const hostBefore = el.getBoundingClientRect();
    fake().open();
    expect(fake().instance!.trigger!.getBoundingClientRect().width).to.equal(364);
    expect(after.getBoundingClientRect().toJSON()).to.deep.equal(before.toJSON());
    expect(el.getBoundingClientRect().toJSON()).to.deep.equal(hostBefore.toJSON());
    fake().close();
  });

  it('the challenge iframe sits on document.body under the trigger, z-index 10000', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    fake().open();
    const challenge = fake().instance!.challenge!;
    expect(challenge.parentElement).to.equal(document.body);
    expect(getComputedStyle(challenge).zIndex).to.equal('10000');
    const trigger = fake().instance!.trigger!.getBoundingClientRect();
    expect(Math.round(challenge.getBoundingClientRect().top)).to.equal(Math.round(trigger.bottom));
    fake().close();
  });

  it('mobile: ready once the full-screen frame is on the page; closing it is closed', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha client-type="mobile" src=${vendorUrl('legacy.js', { frameDelay: 200 })}></t-captcha>`);
    expect(el.state).to.equal('loading');
    await ready(el);
    expect(fake().instance!.challenge!.parentElement).to.equal(document.body);
    const closed = oneEvent(el, 'closed');
    fake().close();
    await closed;
  });
});

interface FakeRecord {
  appid: string;
  options: Record<string, unknown>;
  shown: boolean;
  destroyed: boolean;
}
const tencent = () => (window as unknown as { __fakeTencent: { instances: FakeRecord[]; current(): FakeRecord | undefined; pass(): void } }).__fakeTencent;
const popups = () => document.body.querySelectorAll(':scope > iframe.fake-tencent-popup').length;

/** Counts popup frames that stayed in the page long enough to be painted (seen at an animation frame). */
function paintedPopups(): { stop(): number } {
  let seen = 0;
  let running = true;
  const check = () => {
    if (!running) return;
    seen = Math.max(seen, popups());
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  return {
    stop: () => {
      running = false;
      return seen;
    },
  };
}

describe('current TencentCaptcha, as the real script behaves', () => {
  beforeEach(forgetTencent);

  it('no ghost popup: show() while the frame script loads, then removal; the queued popup never stays on screen', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000020" src=${vendorUrl('TCaptcha.js', { frameDelay: 300 })}></t-captcha>`);
    await ready(el);
    el.show();
    const watch = paintedPopups();
    el.remove();
    // The vendor's queue still runs its show() once the frame script arrives.
    await waitUntil(() => tencent().instances.some((instance) => instance.shown), 'the queued show ran');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watch.stop(), 'a popup was painted').to.equal(0);
    expect(popups()).to.equal(0);
  });

  it('no ghost popup after refresh() either; the refreshed popup opens on the next show()', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000021" src=${vendorUrl('TCaptcha.js', { frameDelay: 300 })}></t-captcha>`);
    await ready(el);
    el.show();
    const watch = paintedPopups();
    el.refresh();
    await waitUntil(() => tencent().instances[0].shown, 'the queued show ran');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watch.stop()).to.equal(0);
    el.show();
    await waitUntil(() => popups() === 1, 'the new popup opens');
    expect(tencent().current()).to.equal(tencent().instances.at(-1));
  });

  it('a fresh options object for every instance (the constructor mutates the one it gets)', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000022" type="embed" src=${vendorUrl('TCaptcha.js')}></t-captcha>`);
    await ready(el);
    el.refresh();
    el.refresh();
    const [a, b, c] = tencent().instances.map((instance) => instance.options);
    expect(a).to.not.equal(b);
    expect(b).to.not.equal(c);
    expect(c.callback, 'mutated by the vendor').to.be.a('function');
  });

  it('popup: ready right after construction; render-timeout when show() never puts a frame on screen', async () => {
    const el = await fixture<TCaptcha>(
      html`<t-captcha app-id="190000023" load-timeout="400" src=${vendorUrl('TCaptcha.js', { frameDelay: 5000 })}></t-captcha>`,
    );
    await ready(el);
    el.show();
    const event = await errorOf(el);
    expect(event.code).to.equal('render-timeout');
    expect(event.message).to.contain('show()');
  });

  it("a frame script that cannot load: the vendor's 1004 after its retries is an error with vendorCode", async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000024" src=${vendorUrl('TCaptcha.js', { frame: 404 })}></t-captcha>`);
    await ready(el);
    el.show();
    const event = await errorOf(el);
    expect([event.code, event.vendorCode]).to.deep.equal(['vendor-error', 1004]);
  });

  it('with fallback, the same 1004 passes as verified with the vendor-built terror_ ticket', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000025" fallback src=${vendorUrl('TCaptcha.js', { frame: 404 })}></t-captcha>`);
    await ready(el);
    const verified = oneEvent(el, 'verified');
    el.show();
    const event = (await verified) as unknown as VerifiedEvent;
    expect(event.ticket).to.match(/^terror_1004_190000025_\d+$/);
    expect(event.randstr).to.match(/^@/);
    expect([event.fallback, event.vendorCode]).to.deep.equal([true, 1004]);
  });

  it('two elements with different TCaptcha.js URLs load it once (a second copy would throw)', async () => {
    const first = vendorUrl('TCaptcha.js', { delay: 200 });
    const second = vendorUrl('TCaptcha.js');
    const wrapper = await fixture<HTMLDivElement>(html`<div><t-captcha app-id="190000026" src=${first}></t-captcha></div>`);
    const a = wrapper.querySelector('t-captcha')!;
    const b = Object.assign(document.createElement('t-captcha'), { appId: '190000027', src: second });
    wrapper.append(b);
    await ready(b);
    const scripts = [...document.scripts].filter((script) => script.src === first || script.src === second);
    expect(scripts.length).to.equal(1);
    expect(a.state).to.equal('waiting');
  });
});
