// End to end in real Chromium: the demo site, the emulator, the element and the server entry together.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';
import { startDemo } from '../../demo/server.mjs';
import { solveWithKeyboard } from './puzzle.mjs';

describe('the demo, end to end', () => {
  let demo;
  let browser;
  before(async () => {
    demo = await startDemo({ port: 0, emulatorPort: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function open(path) {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // Refused logins answer 403, which Chromium also logs; anything else on the console is a problem.
    page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && problems.push(message.text()));
    await page.goto(`${demo.origin}${path}`);
    return { page, problems };
  }

  const message = (page) => page.locator('#message').textContent();
  const waitForMessage = (page, pattern) =>
    page.waitForFunction((source) => new RegExp(source).test(document.getElementById('message').textContent), pattern.source);
  const formField = (page, name) => page.evaluate((field) => new FormData(document.getElementById('login')).get(field), name);

  /** The server refuses the next login's ticket, as it does a used or forged one (403). */
  const refuseNextLogin = (page) =>
    page.route('**/login', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ ok: false, message: 'The captcha was not accepted (test). Please solve it again.' }) }), { times: 1 });

  /** Drags the open challenge's slider onto the gap, as a person would (with a little wobble). */
  async function dragPuzzle(page, { miss = 0 } = {}) {
    const challenge = page.frameLocator('iframe.tcaptcha-emulator-challenge');
    const gapX = Number(await challenge.locator('canvas.tcaptcha-background').getAttribute('data-gap-x')) + miss;
    const handle = await challenge.locator('.tcaptcha-handle').boundingBox();
    const start = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + gapX / 2, start.y + 3, { steps: 8 });
    await page.mouse.move(start.x + gapX, start.y, { steps: 8 });
    await page.mouse.up();
  }

  test('pc: a wrong answer shows its status inside the popup and brings a new puzzle', async () => {
    const { page, problems } = await open('/');
    await page.frameLocator('iframe.tcaptcha-emulator-trigger').locator('button').click();
    const challenge = page.frameLocator('iframe.tcaptcha-emulator-challenge');
    const gap = () => challenge.locator('canvas.tcaptcha-background').getAttribute('data-gap-x');
    const before = await gap();
    await dragPuzzle(page, { miss: -60 });
    await challenge.locator('.tcaptcha-status', { hasText: 'Try again' }).waitFor();
    // The whole status line is inside the popup's frame, not cut off below it.
    const status = await challenge.locator('.tcaptcha-status').boundingBox();
    const frame = await page.locator('iframe.tcaptcha-emulator-challenge').boundingBox();
    assert.ok(status.y + status.height <= frame.y + frame.height, `status ends at ${status.y + status.height}, the frame at ${frame.y + frame.height}`);
    assert.notEqual(await gap(), before, 'a new puzzle after a miss');
    await dragPuzzle(page);
    await page.waitForFunction(() => document.querySelector('t-captcha').state === 'verified');
    assert.deepEqual(problems, []);
    await page.close();
  });

  /** Opens the pc challenge from the trigger in the element's box and solves it. */
  async function solveByDragging(page) {
    await page.frameLocator('iframe.tcaptcha-emulator-trigger').locator('button').click();
    await dragPuzzle(page);
    await page.waitForFunction(() => document.querySelector('t-captcha').state === 'verified');
    assert.equal(await page.locator('iframe.tcaptcha-emulator-challenge').count(), 0, 'the popup closed');
  }

  test('pc: the form will not submit before the captcha is solved; the browser points at the captcha', async () => {
    const { page, problems } = await open('/');
    await page.fill('input[name=username]', 'ada');
    await page.fill('input[name=password]', 'correct horse');
    assert.equal(await page.evaluate(() => document.getElementById('login').checkValidity()), false);
    assert.equal(await page.evaluate(() => document.querySelector('t-captcha').validationMessage), 'Please complete the captcha.');
    await page.click('button[type=submit]');
    // Interactive validation focuses the invalid control to show its message: it must be focusable.
    await page.waitForFunction(() => document.activeElement?.localName === 't-captcha');
    assert.equal(await page.textContent('#message'), '');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('pc: drag the slider, log in, then a replayed and a forged ticket are refused', async () => {
    const { page, problems } = await open('/');
    await page.fill('input[name=username]', 'ada');
    await page.fill('input[name=password]', 'correct horse');
    await solveByDragging(page);
    const ticket = await formField(page, 'ticket');
    const randstr = await formField(page, 'randstr');
    assert.match(randstr, /^@/);

    await page.click('button[type=submit]');
    await waitForMessage(page, /Welcome|not/);
    assert.match(await message(page), /Welcome, ada!/);

    const post = (body) =>
      page.evaluate(async (form) => {
        const response = await fetch('/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(form) });
        return { status: response.status, ...(await response.json()) };
      }, body);
    // The guard (t-captcha/server/express) refuses both, as CaptchaCheck did (5100), with a small JSON body.
    const replay = await post({ username: 'ada', password: 'x', ticket, randstr });
    assert.deepEqual([replay.status, replay.error, replay.reason], [403, 'captcha', 'rejected']);
    assert.match(replay.message, /solve it again/);
    const forged = await post({ username: 'ada', password: 'x', ticket: `${ticket.slice(0, -4)}AAAA`, randstr });
    assert.deepEqual([forged.status, forged.reason], [403, 'rejected']);
    const missing = await post({ username: 'ada', password: 'x' });
    assert.deepEqual([missing.status, missing.reason], [400, 'missing-ticket']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('pc: the used ticket never stays in the form; a refused one keeps what the user typed and asks for a new solve', async () => {
    const { page, problems } = await open('/');
    await page.fill('input[name=username]', 'grace');
    await page.fill('input[name=password]', 'hopper');
    await solveByDragging(page);
    await page.click('button[type=submit]');
    await waitForMessage(page, /Welcome/);
    // Accepted once: the form holds no ticket any more; logged in, no new challenge next to the welcome.
    assert.equal(await formField(page, 'ticket'), null);
    assert.equal(await page.locator('#login').isHidden(), true);
    await page.click('#logout');
    assert.equal(await message(page), '', 'the welcome is gone with the new challenge');
    assert.equal(await page.evaluate(() => document.querySelector('t-captcha').state), 'ready');
    // A refusal keeps what the user typed and asks for a new solve.
    await refuseNextLogin(page);
    await solveByDragging(page);
    await page.click('button[type=submit]');
    await waitForMessage(page, /not accepted/);
    assert.equal(await page.inputValue('input[name=username]'), 'grace');
    assert.equal(await page.inputValue('input[name=password]'), 'hopper');
    assert.equal(await formField(page, 'ticket'), null);
    assert.equal(await page.evaluate(() => document.querySelector('t-captcha').state), 'ready');
    await solveByDragging(page);
    await page.click('button[type=submit]');
    await waitForMessage(page, /Welcome/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('current API: a refused ticket opens the popup again, as on the mobile page', async () => {
    const { page, problems } = await open('/current');
    await page.fill('input[name=username]', 'mei');
    await page.fill('input[name=password]', 'secret');
    await refuseNextLogin(page);
    const freshAid = page.waitForResponse('**/captcha/aid');
    await page.click('button[type=submit]');
    await dragPuzzle(page);
    await waitForMessage(page, /not accepted/);
    // The refresh asked the server for a fresh aidEncrypted (prepare), never cached…
    const aid = await freshAid;
    assert.equal(aid.headers()['cache-control'], 'no-store');
    assert.match((await aid.json()).aidEncrypted, /^[A-Za-z0-9+/]+=*$/);
    // …and the popup is back for a new solve.
    await page.locator('iframe.tcaptcha-emulator-challenge').waitFor();
    await dragPuzzle(page);
    await waitForMessage(page, /Welcome/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('current API: logging in opens the popup; solved by dragging; verified with DescribeCaptchaResult', async () => {
    const { page, problems } = await open('/current');
    await page.fill('input[name=username]', 'mei');
    await page.fill('input[name=password]', 'secret');
    await page.click('button[type=submit]'); // required and not passed: the popup opens
    await dragPuzzle(page);
    // Verified → the page submits by itself; the server asks the emulator's DescribeCaptchaResult.
    await waitForMessage(page, /Welcome|not/);
    assert.match(await message(page), /Welcome, mei!/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('mobile: full screen with a header, solved with the keyboard, logged in', async () => {
    const { page, problems } = await open('/mobile');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.fill('input[name=username]', 'lin');
    await page.fill('input[name=password]', 'secret');
    await page.click('button[type=submit]');
    const frame = page.locator('iframe.tcaptcha-emulator-challenge');
    await frame.waitFor();
    const box = await frame.boundingBox();
    assert.deepEqual([box.width, box.height], [390, 844], 'full screen');
    const challenge = page.frameLocator('iframe.tcaptcha-emulator-challenge');
    assert.equal(await challenge.locator('.tcaptcha-header').count(), 1, 'showHeader honoured');
    await solveWithKeyboard(page);
    // Verified → the page submits by itself.
    await waitForMessage(page, /Welcome/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("pc as a newcomer meets it: the trigger's label fits, the tick shows after a pass, a backdrop, and a click outside closes", async () => {
    const { page, problems } = await open('/');
    const trigger = page.frameLocator('iframe.tcaptcha-emulator-trigger');
    const fits = await trigger.locator('.tcaptcha-label').evaluate((label) => label.scrollWidth <= label.clientWidth);
    assert.equal(fits, true, 'the whole label is visible in the 230 px box');
    await page.evaluate(() => document.querySelector('t-captcha').addEventListener('closed', () => (window.__closed = true), { once: true }));
    await trigger.locator('button').click();
    await page.locator('.tcaptcha-emulator-backdrop').waitFor();
    await page.mouse.click(5, 5);
    await page.waitForFunction(() => window.__closed === true, null, { timeout: 10_000 });
    assert.equal(await page.locator('.tcaptcha-emulator-backdrop').count(), 0);
    assert.equal(await page.locator('iframe.tcaptcha-emulator-challenge').count(), 0);
    await solveByDragging(page);
    assert.equal(await trigger.locator('.tcaptcha-tick').textContent(), '✓');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('current API: after 5 wrong answers the puzzle says "too many attempts", and the element reports 1013', async () => {
    const { page, problems } = await open('/current');
    await page.evaluate(() => document.querySelector('t-captcha').addEventListener('error', (e) => (window.__error = [e.code, e.vendorCode, e.retryable]), { once: true }));
    await page.evaluate(() => document.querySelector('t-captcha').show());
    const challenge = page.frameLocator('iframe.tcaptcha-emulator-challenge');
    for (let miss = 0; miss < 5; miss++) {
      await dragPuzzle(page, { miss: -60 });
      await challenge.locator('.tcaptcha-status', { hasText: miss < 4 ? 'Try again' : 'Too many attempts' }).waitFor();
    }
    assert.deepEqual(await (await page.waitForFunction(() => window.__error, null, { timeout: 10_000 })).jsonValue(), ['vendor-error', 1013, true]);
    assert.equal(await page.locator('iframe.tcaptcha-emulator-challenge').count(), 0, 'the puzzle is gone');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('mobile as a phone runs it (375×667, scale 2, touch, a phone user agent): full screen, solved by a touch drag, no sideways scroll, back closes', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${demo.origin}/mobile`);
    await page.fill('input[name=username]', 'lin');
    await page.fill('input[name=password]', 'secret');
    await page.tap('button[type=submit]');
    const frame = page.locator('iframe.tcaptcha-emulator-challenge');
    await frame.waitFor();
    const box = await frame.boundingBox();
    assert.deepEqual([box.width, box.height], [375, 667], 'full screen');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scroll');
    // The header's back button closes it: closed.
    await page.evaluate(() => document.querySelector('t-captcha').addEventListener('closed', () => (window.__closed = true), { once: true }));
    await page.frameLocator('iframe.tcaptcha-emulator-challenge').locator('.tcaptcha-back').tap();
    await page.waitForFunction(() => window.__closed === true, null, { timeout: 10_000 });
    // Log in opens it again; a finger drags the piece onto the gap.
    await page.tap('button[type=submit]');
    await frame.waitFor();
    const challenge = page.frameLocator('iframe.tcaptcha-emulator-challenge');
    const gapX = Number(await challenge.locator('canvas.tcaptcha-background').getAttribute('data-gap-x'));
    const handle = await challenge.locator('.tcaptcha-handle').boundingBox();
    const touch = await context.newCDPSession(page);
    const at = (x) => [{ x: handle.x + handle.width / 2 + x, y: handle.y + handle.height / 2 }];
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
    for (let step = 1; step <= 10; step++) await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at((gapX * step) / 10) });
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await waitForMessage(page, /Welcome/);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'still no sideways scroll');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("mobile: the header's back button, title and help sit on one line", async () => {
    const { page } = await open('/mobile');
    await page.setViewportSize({ width: 375, height: 667 });
    await page.fill('input[name=username]', 'lin');
    await page.fill('input[name=password]', 'secret');
    await page.click('button[type=submit]');
    const header = page.frameLocator('iframe.tcaptcha-emulator-challenge').locator('.tcaptcha-header');
    await header.waitFor();
    const centers = await header.evaluate((element) => [...element.children].map((child) => Math.round(child.getBoundingClientRect().top + child.getBoundingClientRect().height / 2)));
    assert.equal(centers.length, 3);
    assert.ok(Math.max(...centers) - Math.min(...centers) <= 1, `vertical centers ${centers}`);
    await page.close();
  });

  for (const path of ['/', '/mobile', '/current']) {
    test(`${path}: nothing moves while the page and the captcha load (layout shift 0)`, async () => {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${demo.origin}${path}`);
      await page.waitForFunction(() => customElements.get('t-captcha'));
      // pc: until the trigger is in the box; the others take no space: until the element is ready.
      await page.waitForFunction(() => !document.querySelector('t-captcha') || ['ready', 'error'].includes(document.querySelector('t-captcha').state));
      // Nothing signals "no more shifts": watch a short window after the captcha is up.
      await page.waitForTimeout(500);
      assert.equal(await page.evaluate(() => window.__shift), 0);
      await page.close();
    });
  }
});
