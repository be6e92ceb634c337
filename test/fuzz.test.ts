import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { CaptchaErrorEvent, type CaptchaState, type TCaptcha } from '../src/index.js';
import { CONTAINER_ATTRIBUTE } from '../src/t-captcha.js';
import { vendorUrl } from './helpers.js';
import { prng } from './prng.js';

interface FakeTencent {
  instances: Array<{ destroyed: boolean; shown: boolean }>;
  current(): unknown;
  pass(): void;
}
const tencent = () => (window as unknown as { __fakeTencent?: FakeTencent }).__fakeTencent;

const SEED = Number(new URLSearchParams(location.search).get('seed') ?? 20261125);
const OPERATIONS = 1000;

describe(`<t-captcha> fuzz (seed ${SEED}, ${OPERATIONS} operations)`, () => {
  it('survives random attribute, property, connect, disconnect and move operations', async () => {
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const valid = [vendorUrl(), vendorUrl(), vendorUrl('legacy.js', { delay: 20 })];
    // One TCaptcha.js address: the legacy API loads whatever src it gets as a plain script, and a second
    // copy of TCaptcha.js throws in the vendor's own code (as the real one does), which no element can stop.
    const current = [vendorUrl('TCaptcha.js', { delay: 20 })];
    const sources = [...valid, ...current, '', 'javascript:alert(1)', 'http://evil.example/x.js'];
    const clientTypes = ['pc', 'mobile', 'tablet'];

    const stage = await fixture<HTMLDivElement>(html`<div><section id="one"></section><section id="two"></section></div>`);
    const parents = [...stage.querySelectorAll('section')];
    const elements = Array.from({ length: 4 }, (_, i) => Object.assign(document.createElement('t-captcha'), { id: `e${i}` }));
    /**
     * Connection order of fresh connects. A removal becomes final at the next microtask checkpoint;
     * removed and appended again before that, an element has moved and keeps its rank.
     */
    let ranks: TCaptcha[] = [];
    const removed = new Set<TCaptcha>();
    const checkpoint = () => {
      ranks = ranks.filter((el) => !removed.has(el) || el.isConnected);
      removed.clear();
    };
    const results: Array<{ el: TCaptcha; type: string }> = [];
    for (const el of elements) {
      for (const type of ['verified', 'closed']) el.addEventListener(type, () => results.push({ el, type }));
    }

    const uncaught: string[] = [];
    const onError = (event: ErrorEvent | Event) => {
      if (event instanceof CaptchaErrorEvent) return;
      uncaught.push(event instanceof ErrorEvent ? event.message : `error event from ${String(event.target)}`);
    };
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(`unhandled rejection: ${String(event.reason)}`);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);

    const liveInstances = () => ({
      callbacks: window.__fakeCaptcha?.callbacks.length ?? 0,
      triggers: document.querySelectorAll('iframe.fake-captcha-trigger').length,
      tencent: tencent()?.instances.filter((instance) => !instance.destroyed).length ?? 0,
    });

    try {
      for (let step = 0; step < OPERATIONS; step++) {
        const el = pick(elements);
        const operation = Math.floor(random() * 12);
        switch (operation) {
          case 0:
            el.setAttribute('src', pick(sources));
            break;
          case 1:
            el.src = pick(sources);
            break;
          case 2:
            el.setAttribute('client-type', pick(clientTypes));
            break;
          case 3:
            el.toggleAttribute('show-header');
            break;
          case 4:
          case 5:
            if (!el.isConnected) {
              pick(parents).append(el);
              if (removed.has(el)) removed.delete(el);
              else ranks = [...ranks.filter((other) => other !== el), el];
            } else {
              el.remove();
              removed.add(el);
            }
            break;
          case 6:
            if (el.isConnected) pick(parents).append(el); // a move in one task
            break;
          case 7:
            el.refresh();
            break;
          case 8: {
            const before = results.length;
            if (window.__fakeCaptcha?.instance) window.__fakeCaptcha.pass();
            expect(results.length - before, `step ${step}: one pass, at most one result`).to.be.at.most(1);
            break;
          }
          case 9:
            // Switch between the legacy and the current API.
            if (el.hasAttribute('app-id')) el.removeAttribute('app-id');
            else el.setAttribute('app-id', '190000001');
            break;
          case 10: {
            el.show();
            const before = results.length;
            if (tencent()?.current()) tencent()!.pass();
            expect(results.length - before, `step ${step}: one pass, at most one result`).to.be.at.most(1);
            break;
          }
          default:
            await new Promise((resolve) => setTimeout(resolve, random() * 30));
            checkpoint();
        }
        if (random() < 0.5) {
          await Promise.resolve();
          checkpoint();
        }
        const live = liveInstances();
        expect(live.callbacks, `step ${step}: vendor callbacks`).to.be.at.most(1);
        expect(live.triggers, `step ${step}: rendered captchas`).to.be.at.most(1);
        expect(live.callbacks + live.tencent, `step ${step}: live instances of either API`).to.be.at.most(1);
      }

      // Let every pending load and update finish, then compare with what the last operations asked for.
      await Promise.resolve();
      checkpoint();
      const owner = ranks.at(-1);
      const settledStates: CaptchaState[] = ['idle', 'ready', 'verified', 'closed', 'error'];
      if (owner) await waitUntil(() => settledStates.includes(owner.state), `owner stuck in ${owner.state}`, { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const el of elements) {
        if (!el.isConnected) {
          expect(el.state, 'disconnected').to.equal('idle');
        } else if (el !== owner) {
          expect(el.state, 'connected, not the owner').to.equal('waiting');
        }
      }
      if (owner?.appId) {
        // The current API: whatever the script, the owner has settled into one clear state.
        expect(owner.state).to.be.oneOf(['ready', 'verified', 'closed', 'error']);
      } else if (owner) {
        const srcOk = valid.includes(owner.src);
        const typeOk = owner.clientType === 'pc' || owner.clientType === 'mobile';
        if (typeOk && current.includes(owner.src)) {
          // The legacy API on the current API's script: an error, unless an earlier legacy script
          // left capInit on the page (as it would on a real one).
          expect(owner.state).to.be.oneOf(['ready', 'verified', 'closed', 'error']);
        } else if (!typeOk || (owner.src && !srcOk)) {
          expect(owner.state).to.equal('error');
        } else if (!owner.src) {
          expect(owner.state).to.equal('idle');
        } else {
          expect(owner.state).to.be.oneOf(['ready', 'verified', 'closed']);
          const target = window.__fakeCaptcha!.instance!.target;
          const expected = owner.clientType === 'mobile' ? document : owner.querySelector(`[${CONTAINER_ATTRIBUTE}]`);
          expect(target === expected, 'the vendor renders for the owner').to.equal(true);
          expect(window.__fakeCaptcha!.instance!.showHeader).to.equal(owner.hasAttribute('show-header'));
        }
      }
      expect(uncaught).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      for (const el of elements) el.remove();
    }
  });
});
