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
export {
  createCaptchaVerifier,
  outageOf,
  type CaptchaApi,
  type CaptchaVerifier,
  type CaptchaVerifierOptions,
  type FromRequestOptions,
  type Outage,
  type OutageCause,
  type OutagePolicy,
  type RequestVerification,
  type Verification,
  type VerificationReason,
  type VerifyInput,
} from './verifier.js';
export { createMemoryReplayStore, createRedisReplayStore, replayKey, type ReplayStore, type RedisLikeClient } from './replay.js';
export { normalizeIp, type ProxyHeader, type TrustProxy } from './ip.js';
export { CaptchaRequestError } from './request.js';
export { aidEncryptedAnswer, aidEncryptedResponse, captchaRefusal, refusalOf, type RefusalBody } from './http.js';
export { decideFallback, FALLBACK_MAX_AGE_SECONDS } from './result.js';
