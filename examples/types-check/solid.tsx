/** @jsxImportSource solid-js */
// Solid JSX with t-captcha/solid: right props compile, the marked mistakes must not.
import type { VerifiedEvent } from 't-captcha';
import type {} from 't-captcha/solid';

export const ok = <t-captcha src="https://x" client-type="pc" show-header={false} attr:allowed-hosts="cdn.example.com" on:verified={(event: VerifiedEvent) => event.ticket} />;
// @ts-expect-error client-type accepts only pc or mobile
export const wrongClient = <t-captcha client-type="tablet" />;
// @ts-expect-error load-timeout is a number
export const wrongTimeout = <t-captcha load-timeout="soon" />;
// @ts-expect-error on:verified receives a VerifiedEvent
export const wrongHandler = <t-captcha on:verified={(event) => event.ticket.toFixed()} />;
