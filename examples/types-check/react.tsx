/** @jsxImportSource react */
// React 19 JSX with t-captcha/react: right props compile, the marked mistakes must not.
import type { VerifiedEvent } from 't-captcha';
import type {} from 't-captcha/react';

export const ok = <t-captcha src="https://x" client-type="pc" show-header={false} load-timeout={5000} onverified={(event: VerifiedEvent) => event.ticket} />;
// @ts-expect-error client-type accepts only pc or mobile
export const wrongClient = <t-captcha client-type="tablet" />;
// @ts-expect-error load-timeout is a number
export const wrongTimeout = <t-captcha load-timeout="soon" />;
// @ts-expect-error onverified receives a VerifiedEvent
export const wrongHandler = <t-captcha onverified={(event) => event.ticket.toFixed()} />;
