export { TCaptcha, CONTAINER_ATTRIBUTE, type CaptchaState, type TCaptchaEventMap } from './t-captcha.js';
export type { Prepare, PrepareReason, PreparedInputs } from './prepare.js';
export type { CaptchaResult, ExecuteOptions } from './controllers/execution.js';
export {
  VerifiedEvent,
  ClosedEvent,
  ReadyEvent,
  CaptchaErrorEvent,
  CaptchaError,
  ExpiredEvent,
  type CaptchaErrorCode,
  type CaptchaErrorReason,
  type CaptchaTicket,
  type ResultDetails,
} from './events.js';
export { DEFAULT_LOAD_TIMEOUT_MS, DEFAULT_TICKET_LIFETIME_MS, CLIENT_TYPES, CURRENT_SCRIPT_URL, MOBILE_VIEWPORT, type ClientType, type RefreshExpired } from './config.js';
export { TRUSTED_TYPES_POLICY } from './trusted-types.js';
