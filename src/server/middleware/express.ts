// `t-captcha/server/express`: for Express 4 and 5, Connect, and Node's own http server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EncryptCaptchaAppIdOptions } from '../aid.js';
import { aidEncryptedAnswer, refusalOf } from '../http.js';
import type { CaptchaVerifier, RequestVerification } from '../verifier.js';

export type CaptchaRequest = IncomingMessage & { body?: unknown; captcha?: RequestVerification };
type Next = (error?: unknown) => void;

/**
 * Middleware that lets a request on only with a passing captcha: it reads the ticket from the body
 * (the one a body parser left in `req.body`, or the stream, whose fields it then puts in `req.body`),
 * verifies it, and puts the result in `req.captcha`. Otherwise it answers the refusal's status (403,
 * or 400/408/413/415 for a request it cannot read, 502/503 when Tencent cannot answer) with a small JSON body.
 */
export function requireCaptcha(verifier: CaptchaVerifier) {
  if (typeof verifier?.fromRequest !== 'function') throw new TypeError('requireCaptcha needs a verifier from createCaptchaVerifier.');
  return (request: CaptchaRequest, response: ServerResponse, next: Next): void => {
    verifier.fromRequest(request).then((verification) => {
      request.captcha = verification;
      if (request.body === undefined && verification.body) request.body = verification.body;
      if (verification.passed) return next();
      const { status, headers, body } = refusalOf(verification);
      if (response.headersSent) return;
      response.writeHead(status, headers).end(JSON.stringify(body));
    }, next);
  };
}

/** A route handler answering a fresh `aidEncrypted` (`no-store`), for the element's `prepare`. */
export function aidEncryptedHandler(options: EncryptCaptchaAppIdOptions) {
  return (_request: IncomingMessage, response: ServerResponse): void => {
    const { status, headers, body } = aidEncryptedAnswer(options);
    response.writeHead(status, headers).end(body);
  };
}
