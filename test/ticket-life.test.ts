import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { CaptchaError, type PrepareReason, type TCaptcha } from '../src/index.js';
import { calls, errorOf, fake, forgetTencent, lastTencent, ready, tencent, tencentOnScreen, vendorUrl } from './helpers.js';

// The ticket's whole life: execute(), expiry, fresh inputs for every attempt (prepare), errors that say
// whether a retry helps. Expiry uses a short ticket-lifetime, never a sleep of minutes.

const part = (el: TCaptcha, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const rejection = (promise: Promise<unknown>) => promise.then(() => expect.fail('resolved'), (error: unknown) => error as CaptchaError);
const unhandled: unknown[] = [];
window.addEventListener('unhandledrejection', (event) => unhandled.push(event.reason));

describe('execute(): the ticket as a promise', () => {
  beforeEach(forgetTencent);

  it('called before the script has loaded, it waits; calls share the pass; a held ticket answers at once', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl('legacy.js', { delay: 150 })}></t-captcha>`);
    expect(el.state).to.equal('loading');
    const first = el.execute();
    const second = el.execute();
    await ready(el);
    fake().pass('t-exec', '@r-exec');
    const [a, b] = await Promise.all([first, second]);
    expect([a.ticket, a.randstr]).to.deep.equal(['t-exec', '@r-exec']);
    expect(b).to.deep.equal(a);
    expect(a).to.not.be.instanceOf(Event);
    const again = await el.execute();
    expect(again.ticket).to.equal('t-exec');
  });

  it('popup: opens the captcha and resolves on the pass; a close rejects with closed', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000201" src=${vendorUrl('TJCaptcha.js')}></t-captcha>`);
    const passed = el.execute();
    await tencentOnScreen();
    expect(lastTencent().shown, 'execute() opened it').to.equal(true);
    tencent().pass('t-popup', '@r-popup');
    const result = await passed;
    expect([result.ticket, result.appid, result.sid]).to.deep.equal(['t-popup', '190000201', 'sid-fake']);
    el.refresh();
    const closed = rejection(el.execute());
    await tencentOnScreen();
    tencent().close();
    const error = await closed;
    expect(error).to.be.instanceOf(CaptchaError);
    expect([error.code, error.retryable]).to.deep.equal(['closed', true]);
  });

  it('an error event rejects it with its code; a setup mistake is not retryable', async () => {
    const broken = await fixture<TCaptcha>(html`<t-captcha load-timeout="2000" src=${vendorUrl('nope.js')}></t-captcha>`);
    const failed = await rejection(broken.execute());
    expect([failed.code, failed.retryable]).to.deep.equal(['script-load-failed', true]);
    const refused = await fixture<TCaptcha>(html`<t-captcha src="https://evil.example/x.js"></t-captcha>`);
    const error = await rejection(refused.execute());
    expect([error.code, error.retryable]).to.deep.equal(['invalid-src', false]);
  });

  it('removal and refresh() abort it; a signal aborts only its own call; a timeout is timeout', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    const refreshed = rejection(el.execute());
    el.refresh();
    expect((await refreshed).code).to.equal('aborted');
    const controller = new AbortController();
    const mine = rejection(el.execute({ signal: controller.signal }));
    const theirs = el.execute();
    controller.abort();
    expect((await mine).code).to.equal('aborted');
    expect((await rejection(el.execute({ timeout: 50 }))).code).to.equal('timeout');
    fake().pass('t-still', '@r');
    expect((await theirs).ticket, 'the other call still got the pass').to.equal('t-still');
    el.refresh();
    const removed = rejection(el.execute());
    el.remove();
    expect((await removed).code).to.equal('aborted');
    const already = new AbortController();
    already.abort();
    expect((await rejection(el.execute({ signal: already.signal }))).code).to.equal('aborted');
  });

  it('nobody awaiting it leaves no unhandled rejection; bad options reject with a TypeError', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    const count = unhandled.length;
    void el.execute();
    void el.execute({ timeout: 10 });
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled.length - count).to.equal(0);
    const badTimeout = await el.execute({ timeout: -1 }).catch((error: unknown) => error);
    expect(badTimeout).to.be.instanceOf(TypeError);
    expect(String(badTimeout)).to.match(/timeout/);
    const badSignal = await el.execute({ signal: 'stop' as unknown as AbortSignal }).catch((error: unknown) => error);
    expect(String(badSignal)).to.match(/TypeError.*AbortSignal/);
  });
});

describe('expiry: ticket-lifetime and refresh-expired', () => {
  beforeEach(forgetTencent);

  it('after ticket-lifetime: an expired event, the form value cleared, required blocks again, getTicket() empty, :state(expired); auto asks again', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><t-captcha name="ticket" required ticket-lifetime="150" src=${vendorUrl()}></t-captcha></form>`);
    const el = form.querySelector('t-captcha')!;
    await ready(el);
    fake().pass('t-old', '@r-old');
    expect(new FormData(form).get('ticket')).to.equal('t-old');
    expect(el.checkValidity()).to.equal(true);
    const refreshes = calls('capRefresh');
    // What the page sees when the event comes (auto then asks again at once).
    const seen = new Promise<unknown[]>((resolve) =>
      el.addEventListener('expired', () => resolve([el.state, el.matches(':state(expired)'), new FormData(form).get('ticket'), el.validity!.valueMissing, el.getTicket()]), { once: true }),
    );
    expect(await seen).to.deep.equal(['expired', true, null, true, { ticket: '', randstr: '' }]);
    // auto: a fresh challenge in the box at once.
    await waitUntil(() => el.state === 'ready', 'a fresh challenge');
    expect(calls('capRefresh')).to.equal(refreshes + 1);
  });

  it('manual: the box says the captcha expired, with a button that refreshes it; never: nothing visible changes', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha refresh-expired="manual" ticket-lifetime="100" src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    fake().pass();
    await oneEvent(el, 'expired');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('The captcha expired. Please solve it again.');
    expect(part(el, 'status')!.textContent).to.equal('The captcha expired. Please solve it again.');
    part(el, 'retry')!.click();
    await waitUntil(() => el.state === 'ready');
    el.refreshExpired = 'never';
    fake().pass();
    await oneEvent(el, 'expired');
    await el.updateComplete;
    expect(el.state).to.equal('expired');
    expect(part(el, 'error') === null, 'no panel').to.equal(true);
  });

  it('a popup: nothing opens by itself; the next show() or execute() opens a fresh captcha, never the dead ticket', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha app-id="190000202" ticket-lifetime="100" src=${vendorUrl('TJCaptcha.js')}></t-captcha>`);
    await ready(el);
    el.show();
    await tencentOnScreen();
    tencent().pass('t-dead', '@r');
    await oneEvent(el, 'expired');
    const popup = () => document.querySelector('body > iframe.fake-tencent-popup');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(popup() === null, 'no popup opened by itself').to.equal(true);
    expect(el.state).to.equal('expired');
    const before = tencent().instances.length;
    const fresh = el.execute();
    await waitUntil(popup, 'the fresh popup');
    expect(tencent().instances.length, 'a fresh instance').to.equal(before + 1);
    tencent().pass('t-fresh', '@r2');
    expect((await fresh).ticket).to.equal('t-fresh');
  });

  it('refresh-expired other than auto, manual, never is an invalid-attribute error', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha refresh-expired="sometimes" src=${vendorUrl()}></t-captcha>`);
    const event = await errorOf(el);
    expect([event.code, event.retryable]).to.deep.equal(['invalid-attribute', false]);
    expect(event.message).to.contain('refresh-expired="sometimes"');
  });
});

describe('prepare: fresh inputs for every attempt', () => {
  beforeEach(forgetTencent);

  it('is asked before every start with its reason; its src is used (and shown in src) without starting twice', async () => {
    const reasons: PrepareReason[] = [];
    const urls = [vendorUrl('nope.js'), vendorUrl(), vendorUrl(), vendorUrl()];
    const el = document.createElement('t-captcha');
    el.loadTimeout = 2000;
    el.ticketLifetime = 100;
    el.prepare = async ({ reason }) => {
      reasons.push(reason);
      return { src: urls[reasons.length - 1] };
    };
    document.body.append(el);
    try {
      // The first URL fails; the retry gets a fresh one.
      expect((await errorOf(el)).code).to.equal('script-load-failed');
      expect(el.src).to.equal(urls[0]);
      el.refresh();
      await ready(el);
      expect(el.src).to.equal(urls[1]);
      el.refresh();
      await waitUntil(() => reasons.length === 3 && el.state === 'ready', 'started after the refresh');
      expect(el.src).to.equal(urls[2]);
      fake().pass();
      await oneEvent(el, 'expired');
      await waitUntil(() => reasons.length === 4 && el.state === 'ready', 'started after the expiry');
      expect(reasons).to.deep.equal(['start', 'retry', 'refresh', 'expired']);
      expect(el.src).to.equal(urls[3]);
    } finally {
      el.remove();
    }
  });

  it('a rejection or a bad value is prepare-failed, retryable; the retry asks again', async () => {
    let attempt = 0;
    const el = document.createElement('t-captcha');
    el.prepare = () => {
      attempt++;
      if (attempt === 1) throw new Error('the server is down');
      if (attempt === 2) return { src: 42 } as unknown as { src: string };
      return { src: vendorUrl() };
    };
    document.body.append(el);
    try {
      const first = await errorOf(el);
      expect([first.code, first.retryable]).to.deep.equal(['prepare-failed', true]);
      expect(first.message).to.contain('the server is down');
      await el.updateComplete;
      expect(part(el, 'retry') !== null, 'the panel offers a retry').to.equal(true);
      el.refresh();
      const second = await errorOf(el);
      expect(second.message).to.contain('expected { src?, aidEncrypted? }');
      el.refresh();
      await ready(el);
    } finally {
      el.remove();
    }
  });

  it('current API: a fresh aidEncrypted for every instance', async () => {
    let minted = 0;
    const el = Object.assign(document.createElement('t-captcha'), { appId: '190000203', type: 'embed', src: vendorUrl('TJCaptcha.js') });
    el.prepare = async () => ({ aidEncrypted: `aid-${++minted}==` });
    document.body.append(el);
    try {
      await ready(el);
      expect(lastTencent().options.aidEncrypted).to.equal('aid-1==');
      el.refresh();
      await waitUntil(() => lastTencent().options.aidEncrypted === 'aid-2==', 'a fresh aidEncrypted');
      expect(el.aidEncrypted).to.equal('aid-2==');
    } finally {
      el.remove();
    }
  });
});

describe('prepare and a popup opened at once after refresh()', () => {
  beforeEach(forgetTencent);

  it('refresh() then execute() (a page re-asking after its server refused): the fresh instance pops up, the old one never', async () => {
    let minted = 0;
    const el = Object.assign(document.createElement('t-captcha'), { appId: '190000204', src: vendorUrl('TJCaptcha.js') });
    el.prepare = async ({ reason }) => (reason === 'start' ? undefined : { aidEncrypted: `aid-${++minted}==` });
    document.body.append(el);
    try {
      await ready(el);
      const first = lastTencent();
      el.refresh();
      const passed = el.execute();
      await waitUntil(() => lastTencent() !== first && lastTencent().shown, 'the fresh instance opened');
      expect(lastTencent().options.aidEncrypted).to.equal('aid-1==');
      expect(first.shown, 'the replaced instance was not opened').to.equal(false);
      tencent().pass('t-again', '@r-again');
      expect((await passed).ticket).to.equal('t-again');
    } finally {
      el.remove();
    }
  });
});

describe('development warnings of Lit', () => {
  it('no "scheduled an update after an update completed" on this page, after every flow above', () => {
    const issued = [...((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ?? [])];
    expect(issued.filter((warning) => /after an update completed/.test(warning))).to.deep.equal([]);
    expect(issued.length, 'Lit runs in dev mode here, so it would have said it').to.be.above(0);
  });
});
