export {
  createCaptchaClient,
  DEFAULT_ENDPOINT,
  DEFAULT_TIMEOUT_MS,
  TICKET_REJECTED,
  type CaptchaClient,
  type CaptchaClientOptions,
  type ScriptUrlRequest,
  type VerifyRequest,
  type VerifyResult,
} from './client.js';
export { CaptchaApiError, CaptchaNetworkError } from './errors.js';
export {
  verifyCaptchaResult,
  parseFallbackTicket,
  RESULT_ENDPOINT,
  type CaptchaResult,
  type CaptchaResultRequest,
  type FallbackTicket,
} from './result.js';
export { sign, signRequest, stringToSign, type SignatureMethod, type Params } from './signature.js';
