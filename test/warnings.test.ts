import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { MOBILE_VIEWPORT, type TCaptcha } from '../src/index.js';
import { ready, vendorUrl } from './helpers.js';

// The element warns once per page; this file has a page of its own, so the order below is the story.
describe('<t-captcha> console warnings', () => {
  let warnings: string[];
  const original = console.warn;
  beforeEach(() => {
    warnings = [];
    // Only ours: Lit's development build warns through console.warn too.
    console.warn = (...args: unknown[]) => {
      const text = args.join(' ');
      if (text.startsWith('<t-captcha>')) warnings.push(text);
    };
  });
  afterEach(() => {
    console.warn = original;
  });

  it('does not warn on a mobile page that has a viewport meta tag', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'viewport', content: MOBILE_VIEWPORT });
    document.head.append(meta);
    try {
      const el = await fixture<TCaptcha>(html`<t-captcha client-type="mobile" src=${vendorUrl()}></t-captcha>`);
      await ready(el);
      expect(warnings).to.deep.equal([]);
    } finally {
      meta.remove();
    }
  });

  it('warns once, naming the exact tag, when a mobile page lacks the viewport meta tag', async () => {
    for (const meta of document.querySelectorAll('meta[name="viewport"]')) meta.remove();
    for (let i = 0; i < 2; i++) {
      const el = await fixture<TCaptcha>(html`<t-captcha client-type="mobile" src=${vendorUrl()}></t-captcha>`);
      await ready(el);
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(`<meta name="viewport" content="${MOBILE_VIEWPORT}">`);
  });

  it('does not warn about iframes on a top-level page', async () => {
    const el = await fixture<TCaptcha>(html`<t-captcha src=${vendorUrl()}></t-captcha>`);
    await ready(el);
    expect(warnings.filter((warning) => warning.includes('iframe'))).to.deep.equal([]);
  });

  it('warns once when the page itself runs inside an iframe', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe
      srcdoc=${`<script>window.warnings = []; console.warn = (...a) => warnings.push(a.join(' '));</script>
        <script type="module" src="${new URL('/src/define.ts', location.href).href}"></script>
        <t-captcha></t-captcha><t-captcha></t-captcha>`}
    ></iframe>`);
    const inner = () => frame.contentWindow as (Window & { warnings?: string[] }) | null;
    await waitUntil(() => inner()?.customElements.get('t-captcha') && inner()!.warnings, 'the framed page did not define the element');
    const ours = () => inner()!.warnings!.filter((warning) => warning.startsWith('<t-captcha>'));
    await waitUntil(() => ours().length > 0, 'no warning in the framed page');
    expect(ours()).to.have.length(1);
    expect(ours()[0]).to.contain('in an iframe');
  });

  it('warns once when a pc captcha is in a viewport narrower than 362 px, advising client-type="mobile"', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe
      style="width:320px;height:200px;border:0"
      srcdoc=${`<script>window.warnings = []; console.warn = (...a) => warnings.push(a.join(' '));</script>
        <script type="module">
          import { TCaptcha } from '${new URL('/src/index.ts', location.href).href}';
          TCaptcha.allowScriptHosts(location.host || '${location.host}');
          await import('${new URL('/src/define.ts', location.href).href}');
        </script>
        <t-captcha src="${vendorUrl()}"></t-captcha>`}
    ></iframe>`);
    const inner = () => frame.contentWindow as (Window & { warnings?: string[] }) | null;
    const narrow = () => (inner()?.warnings ?? []).filter((warning) => warning.includes('362px'));
    await waitUntil(() => narrow().length > 0, 'no narrow-viewport warning in the 320 px frame');
    expect(narrow()).to.have.length(1);
    expect(narrow()[0]).to.contain('320px').and.to.contain('client-type="mobile"');
  });
});
