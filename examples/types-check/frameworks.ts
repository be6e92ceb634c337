// Compiled with tsc against the installed tarball: the framework typings say what they should.
import type { GlobalComponents } from 'vue';
import type {} from 't-captcha/svelte';
import type {} from 't-captcha/vue';
import type { TCaptcha, VerifiedEvent } from 't-captcha';

type VueProps = InstanceType<GlobalComponents['t-captcha']>['$props'];
export const vueProps: VueProps = { src: 'https://x', 'client-type': 'mobile', onVerified: (event: VerifiedEvent) => event.ticket };
// @ts-expect-error client-type accepts only pc or mobile
export const vueWrong: VueProps = { 'client-type': 'tablet' };
export const vueMethods = (el: InstanceType<GlobalComponents['t-captcha']>) => el.refresh();

export const svelteProps: svelteHTML.IntrinsicElements['t-captcha'] = {
  src: 'https://x',
  'client-type': 'pc',
  onverified: (event) => event.randstr.toUpperCase(),
};
// @ts-expect-error client-type accepts only pc or mobile
export const svelteWrong: svelteHTML.IntrinsicElements['t-captcha'] = { 'client-type': 'tablet' };

export const element: TCaptcha | undefined = document.querySelector('t-captcha') ?? undefined;
document.addEventListener('verified', (event) => event.ticket.length);

export const currentApi: VueProps = { 'app-id': '190000000', type: 'embed', fallback: true, name: 'ticket', required: true };
// @ts-expect-error type accepts only popup or embed
export const wrongType: svelteHTML.IntrinsicElements['t-captcha'] = { type: 'modal' };
