import type { Translation } from './i18n/translation.js';

export type { Translation };

/**
 * What the element says (live region, validation, the error panel), in every language Tencent's current
 * script ships. Simplified Chinese and English are built in; each other language is its own small
 * module, loaded the first time an element needs it, so that a page pays only for what it shows.
 */
export const MESSAGE_KEYS = ['loading', 'ready', 'verified', 'closed', 'error', 'required', 'retry', 'expired', 'unavailable'] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];
const EN: Translation = [
  'Loading the captcha…',
  'Captcha ready. Complete it to continue.',
  'Captcha passed.',
  'Captcha closed without passing.',
  'The captcha could not be shown.',
  'Please complete the captcha.',
  'Try again',
  'The captcha expired. Please solve it again.',
  'The captcha is not available on this page.',
];

const ZH_CN: Translation = [
  '正在加载验证码…',
  '验证码已就绪，请完成验证。',
  '验证通过。',
  '验证码已关闭，未通过验证。',
  '验证码无法显示。',
  '请完成验证码验证。',
  '重试',
  '验证码已过期，请重新验证。',
  '此页面无法使用验证码。',
];

const translations = new Map<string, Translation | undefined>([
  ['en', EN],
  ['zh-cn', ZH_CN],
]);
const loads = new Map<string, Promise<unknown>>();

/**
 * The language to speak for a BCP 47 tag: Chinese by script or region (Hant, TW → zh-tw; HK, MO →
 * zh-hk; otherwise zh-cn), any other by its primary subtag (see i18n/index.ts for those the element
 * speaks; English for the others).
 */
export function resolveLanguage(tag: string | null | undefined): string {
  const lower = `${tag ?? ''}`.trim().toLowerCase().replace(/_/g, '-');
  const primary = lower.split('-')[0];
  if (primary === 'zh') return /-(hk|mo)\b/.test(lower) ? 'zh-hk' : /-(hant|tw)\b/.test(lower) ? 'zh-tw' : 'zh-cn';
  return ({ iw: 'he', in: 'id', tl: 'fil', '': 'en' } as Record<string, string>)[primary] ?? primary;
}

/** The element's language: its `user-language`, else its own or an ancestor's `lang`, else the document's. */
export function languageOf(element: Element & { userLanguage?: string }): string {
  return resolveLanguage(element.userLanguage || element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
}

export const isRightToLeft = (language: string): boolean => ['ar', 'he', 'ur'].includes(language);

/**
 * The message in the element's language. A language not loaded yet answers in Chinese or English
 * for now, and `onLoaded` runs once its module has arrived.
 */
export function message(element: Element & { userLanguage?: string }, key: MessageKey, onLoaded?: () => void): string {
  const language = languageOf(element);
  let table = translations.get(language);
  if (!table) {
    let load = loads.get(language);
    if (!load) {
      // The language index and the language's module arrive on demand. One that cannot load, or a
      // language the element does not speak, leaves the fallback in place: nothing to report to the page.
      load = import('./i18n/index.js').then(({ translation }) => translation(language)).then((loaded) => void translations.set(language, loaded), () => undefined);
      loads.set(language, load);
    }
    if (onLoaded) void load.then(() => translations.get(language) && onLoaded());
    table = language.startsWith('zh') ? ZH_CN : EN;
  }
  return table[MESSAGE_KEYS.indexOf(key)];
}
