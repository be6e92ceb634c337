// What one family of Tencent's current scripts is, for tencent.ts and the family files (current.ts,
// global.ts): types only.

export interface TencentCaptchaInstance {
  show(): void;
  destroy(): void;
  getTicket?(): unknown;
  /** 3.0: a fresh captcha in the same instance. */
  reload?(): void;
}
export type TencentCaptchaConstructor = new (...args: unknown[]) => TencentCaptchaInstance;
export type TencentOptions = Record<string, unknown> & { type: 'popup' | 'embed' };

/** How one family of Tencent's scripts is driven (current.ts: 1.0 and 2.0; global.ts: 3.0). */
export interface TencentFamily {
  /** Whether its captcha of this type lives in the element's box. */
  usesBox(type: 'popup' | 'embed'): boolean;
  /** It draws a checkbox in the box (3.0): the box is reserved at the checkbox's size. */
  readonly checkbox?: boolean;
  /** The documented constructor call. */
  create(TencentCaptcha: TencentCaptchaConstructor, container: HTMLElement, appId: string, callback: (result: unknown) => void, options: TencentOptions): TencentCaptchaInstance;
}
