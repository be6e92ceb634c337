// `t-captcha/server/koa`: for Koa 2 and 3.
import type { IncomingMessage } from 'node:http';
import type { EncryptCaptchaAppIdOptions } from '../aid.js';
import { aidEncryptedAnswer, refusalOf } from '../http.js';
import type { CaptchaVerifier, RequestVerification } from '../verifier.js';

/** The part of Koa's context used here. */
export interface KoaContext {
  req: IncomingMessage;
  request: { body?: unknown };
  state: Record<string, unknown> & { captcha?: RequestVerification };
  status: number;
  body: unknown;
  set(field: Record<string, string>): void;
}

/**
 * Koa middleware: a passing captcha goes on (`ctx.state.captcha` holds the result; `ctx.request.body`
 * the fields when no body parser ran before), anything else gets the refusal's status and JSON body.
 */
export function requireCaptcha(verifier: CaptchaVerifier) {
  if (typeof verifier?.fromRequest !== 'function') throw new TypeError('requireCaptcha needs a verifier from createCaptchaVerifier.');
  return async (ctx: KoaContext, next: () => Promise<unknown>): Promise<void> => {
    const verification = await verifier.fromRequest(ctx.req, { body: ctx.request.body });
    ctx.state.captcha = verification;
    if (ctx.request.body === undefined && verification.body) ctx.request.body = verification.body;
    if (verification.passed) {
      await next();
      return;
    }
    const { status, headers, body } = refusalOf(verification);
    ctx.status = status;
    ctx.set(headers);
    ctx.body = body;
  };
}

/** A Koa handler answering a fresh `aidEncrypted` (`no-store`), for the element's `prepare`. */
export function aidEncryptedHandler(options: EncryptCaptchaAppIdOptions) {
  return (ctx: KoaContext): void => {
    const { status, headers, body } = aidEncryptedAnswer(options);
    ctx.status = status;
    ctx.set(headers);
    ctx.body = body;
  };
}
