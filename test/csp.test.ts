import { expect, fixture, html } from '@open-wc/testing';
import { vendorUrl } from './helpers.js';

interface PageReport {
  source: 'csp-page';
  outcome: 'verified' | 'error';
  ticket?: string;
  code?: string;
  message?: string;
  scriptNonce?: string;
  scriptRequested?: boolean;
  styled?: boolean;
  violations: string[];
}

const hasTrustedTypes = 'trustedTypes' in window;

/** The vendor on another origin (127.0.0.1 vs localhost), so that only the nonce lets it in. */
function crossOriginVendor(): string {
  const url = new URL(vendorUrl());
  url.hostname = '127.0.0.1';
  return url.href;
}

async function runPage(policy: string, { nonce, defaultPolicy = false }: { nonce: boolean; defaultPolicy?: boolean }): Promise<PageReport> {
  const query = new URLSearchParams({ policy, vendor: crossOriginVendor(), nonce: nonce ? '1' : '0', defaultPolicy: defaultPolicy ? '1' : '0' });
  const report = new Promise<PageReport>((resolve) => {
    const listener = (event: MessageEvent) => {
      if ((event.data as PageReport)?.source !== 'csp-page') return;
      window.removeEventListener('message', listener);
      resolve(event.data as PageReport);
    };
    window.addEventListener('message', listener);
  });
  await fixture(html`<iframe src=${`/csp/page?${query}`}></iframe>`);
  return report;
}

describe('<t-captcha> under a strict Content-Security-Policy', () => {
  it("script-src 'nonce-…' 'strict-dynamic': loads and verifies, the script carries the nonce", async () => {
    const report = await runPage('strict-dynamic', { nonce: true });
    expect(report.outcome, report.message).to.equal('verified');
    expect(report.ticket).to.equal('csp-ticket');
    expect(report.scriptNonce).to.equal('b64nonceForTests==');
    expect(report.violations).to.deep.equal([]);
  });

  it("style-src 'self' (no inline styles): the element's styles still apply, and nothing is reported", async () => {
    const report = await runPage('no-inline-styles', { nonce: true });
    expect(report.outcome, report.message).to.equal('verified');
    expect(report.styled).to.equal(true);
    expect(report.violations.filter((violation) => violation.startsWith('style-src'))).to.deep.equal([]);
  });

  it("script-src 'self' 'nonce-…': the element's nonce lets the vendor in, but its nonce-less sub-script is blocked: render-timeout, not a blank box", async () => {
    const report = await runPage('nonce', { nonce: true });
    expect(report.outcome).to.equal('error');
    expect(report.code).to.equal('render-timeout');
    expect(report.message).to.contain("'strict-dynamic'");
    expect(report.violations.some((violation) => violation.includes('legacy-frame.js'))).to.equal(true);
  });

  it("script-src 'self' 'nonce-…' without the nonce attribute: blocked, reported as script-load-failed", async () => {
    const report = await runPage('nonce', { nonce: false });
    expect(report.outcome).to.equal('error');
    expect(report.code).to.equal('script-load-failed');
  });

  (hasTrustedTypes ? it : it.skip)("require-trusted-types-for 'script': the element loads the script through its policy, with no violation of its own, and its error gives the Trusted Types fix", async () => {
    const report = await runPage('trusted-types', { nonce: true });
    expect(report.outcome).to.equal('error');
    expect(report.code).to.equal('vendor-missing');
    expect(report.message).to.contain('Trusted Types').and.to.contain("'default' policy");
    expect(report.scriptRequested, 'the element requested the vendor script').to.equal(true);
    expect(report.violations.some((violation) => /from \S*\/src\//.test(violation)), `no report for our own assignment: ${report.violations}`).to.equal(false);
  });

  (hasTrustedTypes ? it : it.skip)("require-trusted-types-for 'script' with the README's 'default' policy for Tencent's scripts: loads and verifies", async () => {
    const report = await runPage('trusted-types-strict-dynamic', { nonce: true, defaultPolicy: true });
    expect(report.outcome, report.message).to.equal('verified');
  });

  (hasTrustedTypes ? it : it.skip)('trusted-types t-captcha lit-html (the names the README lists): the element loads and runs; only the vendor dies', async () => {
    const report = await runPage('trusted-types-named', { nonce: true });
    expect(report.code, report.message).to.equal('vendor-missing');
    expect(report.scriptRequested).to.equal(true);
    expect(report.violations.some((violation) => /trusted-types/.test(violation) && /from \S*\/src\//.test(violation)), String(report.violations)).to.equal(false);
  });

  (hasTrustedTypes ? it : it.skip)('Trusted Types that forbid the t-captcha policy (where the browser has them): a clear error naming the policy', async () => {
    const report = await runPage('trusted-types-lit-only', { nonce: true });
    expect(report.outcome).to.equal('error');
    expect(report.code).to.equal('script-load-failed');
    expect(report.message).to.contain('"t-captcha"');
  });
});
