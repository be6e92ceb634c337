/** @jsxImportSource preact */
// Preact JSX with t-captcha/preact: right props compile, the marked mistakes must not.
import type { VerifiedEvent } from 't-captcha';
import type {} from 't-captcha/preact';

export const ok = <t-captcha src="https://x" client-type="mobile" show-header={false} app-id="1" type="embed" onverified={(event: VerifiedEvent) => event.ticket} />;
// @ts-expect-error client-type accepts only pc or mobile
export const wrongClient = <t-captcha client-type="tablet" />;
// @ts-expect-error type accepts only popup or embed
export const wrongType = <t-captcha type="modal" />;
// @ts-expect-error onverified receives a VerifiedEvent
export const wrongHandler = <t-captcha onverified={(event) => event.ticket.toFixed()} />;
