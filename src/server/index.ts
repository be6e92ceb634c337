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
  reasonOf,
  RESULT_ENDPOINT,
  type CaptchaResult,
  type CaptchaResultReason,
  type CaptchaResultRequest,
  type FallbackTicket,
} from './result.js';
export { sign, signRequest, stringToSign, type SignatureMethod, type Params } from './signature.js';
export { encryptCaptchaAppId, MAX_AID_LIFETIME_SECONDS, type EncryptCaptchaAppIdOptions, type EncryptedCaptchaAppId } from './aid.js';
