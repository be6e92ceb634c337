export { TCaptcha, CONTAINER_ATTRIBUTE, type CaptchaState, type TCaptchaEventMap } from './t-captcha.js';
export {
  VerifiedEvent,
  ClosedEvent,
  ReadyEvent,
  CaptchaErrorEvent,
  type CaptchaErrorCode,
  type CaptchaTicket,
  type ResultDetails,
} from './events.js';
export { DEFAULT_LOAD_TIMEOUT_MS, CLIENT_TYPES, CURRENT_SCRIPT_URL, MOBILE_VIEWPORT, type ClientType } from './config.js';
export { TRUSTED_TYPES_POLICY } from './loader.js';
