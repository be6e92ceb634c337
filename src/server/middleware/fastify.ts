// `t-captcha/server/fastify`: for Fastify 4 and 5.
import type { IncomingMessage } from 'node:http';
import type { EncryptCaptchaAppIdOptions } from '../aid.js';
import { aidEncryptedAnswer, refusalOf } from '../http.js';
import type { CaptchaVerifier, RequestVerification } from '../verifier.js';

/** The parts of Fastify's request and reply used here. */
export interface FastifyRequestLike {
  raw: IncomingMessage;
  body?: unknown;
  captcha?: RequestVerification | null;
}
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  send(payload?: unknown): FastifyReplyLike;
}

/**
 * A `preHandler` hook: a passing captcha goes on to the handler (`request.captcha` holds the result;
 * declare it once with `app.decorateRequest('captcha', null)`), anything else gets the refusal's
 * status and JSON body. Fastify parses the body first (form bodies need `@fastify/formbody`).
 */
export function requireCaptcha(verifier: CaptchaVerifier) {
  if (typeof verifier?.fromRequest !== 'function') throw new TypeError('requireCaptcha needs a verifier from createCaptchaVerifier.');
  return async (request: FastifyRequestLike, reply: FastifyReplyLike): Promise<void> => {
    const verification = await verifier.fromRequest(request.raw, { body: request.body ?? (request.raw.method === 'GET' || request.raw.method === 'HEAD' ? {} : undefined) });
    request.captcha = verification;
    if (verification.passed) return;
    const { status, headers, body } = refusalOf(verification);
    reply.code(status).headers(headers).send(body);
  };
}

/** A Fastify route handler answering a fresh `aidEncrypted` (`no-store`), for the element's `prepare`. */
export function aidEncryptedHandler(options: EncryptCaptchaAppIdOptions) {
  return async (_request: unknown, reply: FastifyReplyLike): Promise<void> => {
    const { status, headers, body } = aidEncryptedAnswer(options);
    reply.code(status).headers(headers).send(body);
  };
}
