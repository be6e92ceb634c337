import { expect, fixture, html } from '@open-wc/testing';
import { vendorUrl } from './helpers.js';

interface PageReport {
  source: 'csp-page';
  outcome: 'verified' | 'error';
  ticket?: string;
  code?: string;
  message?: string;
  scriptNonce?: string;
  violations: string[];
}

const hasTrustedTypes = 'trustedTypes' in window;

/** The vendor on another origin (127.0.0.1 vs localhost), so that only the nonce lets it in. */
function crossOriginVendor(): string {
  const url = new URL(vendorUrl());
  url.hostname = '127.0.0.1';
  return url.href;
}

async function runPage(policy: string, { nonce }: { nonce: boolean }): Promise<PageReport> {
  const query = new URLSearchParams({ policy, vendor: crossOriginVendor(), nonce: nonce ? '1' : '0' });
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

  it("script-src 'self' 'nonce-…': a cross-origin vendor loads because of the element's nonce", async () => {
    const report = await runPage('nonce', { nonce: true });
    expect(report.outcome, report.message).to.equal('verified');
    expect(report.violations).to.deep.equal([]);
  });

  it("script-src 'self' 'nonce-…' without the nonce attribute: blocked, reported as script-load-failed", async () => {
    const report = await runPage('nonce', { nonce: false });
    expect(report.outcome).to.equal('error');
    expect(report.code).to.equal('script-load-failed');
  });

  (hasTrustedTypes ? it : it.skip)("require-trusted-types-for 'script' (where the browser has Trusted Types): loads through the t-captcha policy", async () => {
    const report = await runPage('trusted-types', { nonce: true });
    expect(report.outcome, report.message).to.equal('verified');
  });

  (hasTrustedTypes ? it : it.skip)('Trusted Types that forbid the t-captcha policy (where the browser has them): a clear error naming the policy', async () => {
    const report = await runPage('trusted-types-lit-only', { nonce: true });
    expect(report.outcome).to.equal('error');
    expect(report.code).to.equal('script-load-failed');
    expect(report.message).to.contain('"t-captcha"');
  });
});
