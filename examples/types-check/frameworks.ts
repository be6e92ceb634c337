// Compiled with tsc against the installed tarball: the framework typings say what they should, and
// each deliberate mistake below must be an error (@ts-expect-error fails the build if it is not).
import type {} from 't-captcha/svelte';
import type { TCaptcha, VerifiedEvent } from 't-captcha';

export const svelteProps: svelteHTML.IntrinsicElements['t-captcha'] = {
  src: 'https://x',
  'client-type': 'pc',
  'show-header': false,
  onverified: (event) => event.randstr.toUpperCase(),
};
// @ts-expect-error client-type accepts only pc or mobile
export const svelteWrong: svelteHTML.IntrinsicElements['t-captcha'] = { 'client-type': 'tablet' };
// @ts-expect-error type accepts only popup or embed
export const wrongType: svelteHTML.IntrinsicElements['t-captcha'] = { type: 'modal' };
// @ts-expect-error load-timeout is a number
export const svelteTimeout: svelteHTML.IntrinsicElements['t-captcha'] = { 'load-timeout': 'soon' };
// @ts-expect-error onverified receives a VerifiedEvent, whose ticket is a string
export const svelteHandler: svelteHTML.IntrinsicElements['t-captcha'] = { onverified: (event) => event.ticket.toFixed() };

// Angular (and any code): the element's events are in the global event maps, so a template's
// (verified)="on($event)" and addEventListener are typed with the event classes.
export const element: TCaptcha | undefined = document.querySelector('t-captcha') ?? undefined;
document.addEventListener('verified', (event) => event.ticket.length);
element?.addEventListener('error', (event) => event.code.length);
export const angularEvent = (event: HTMLElementEventMap['verified']): VerifiedEvent => event;
// @ts-expect-error a VerifiedEvent's ticket is a string
export const angularWrong = (event: HTMLElementEventMap['verified']): number => event.ticket;
// @ts-expect-error closed carries no ticket to pass (it is the empty string type, not a number)
document.addEventListener('closed', (event) => event.ticket.toFixed());

// The ticket's life: execute() resolves with what verified carries; expired is in the event maps.
export const executed: Promise<string> | undefined = element?.execute({ timeout: 5000 }).then((result) => result.ticket + result.randstr);
document.addEventListener('expired', (event) => event.type.length);
export const svelteExpiry: svelteHTML.IntrinsicElements['t-captcha'] = { 'ticket-lifetime': 60_000, 'refresh-expired': 'manual', onexpired: (event) => event.type };
// @ts-expect-error refresh-expired accepts only auto, manual or never
export const wrongExpiry: svelteHTML.IntrinsicElements['t-captcha'] = { 'refresh-expired': 'sometimes' };
// @ts-expect-error execute() takes a timeout in milliseconds, not a string
element?.execute({ timeout: '5s' });
