// Not a browser test: `npm run typecheck` (tsc -p test) compiles this file, and fails when the public
// types stop saying what the README says.
import type { CaptchaErrorCode, CaptchaErrorEvent, TCaptcha, VerifiedEvent } from '../src/index.js';

export function listen(el: TCaptcha): CaptchaErrorCode[] {
  const codes: CaptchaErrorCode[] = [];
  el.addEventListener('error', (event) => codes.push(event.code));
  el.addEventListener('verified', (event) => event.ticket.toUpperCase());
  document.addEventListener('verified', (event: VerifiedEvent) => event.randstr);
  const onError = (event: CaptchaErrorEvent) => event.vendorCode;
  el.addEventListener('error', onError);
  el.removeEventListener('error', onError);
  // @ts-expect-error a ticket is a string
  el.addEventListener('verified', (event) => event.ticket.toFixed());
  // @ts-expect-error client-type is pc or mobile
  el.clientType = 'tablet';
  const created: TCaptcha = document.createElement('t-captcha');
  return created.getTicket().ticket ? codes : [];
}
