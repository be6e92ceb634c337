/**
 * What the element says (live region, validation, the error panel), in every language Tencent's current
 * script ships. Simplified Chinese and English are built in; each other language is its own small
 * module, loaded the first time an element needs it, so that a page pays only for what it shows.
 */
export const MESSAGE_KEYS = ['loading', 'ready', 'verified', 'closed', 'error', 'required', 'retry', 'errorNetwork', 'errorSetup'] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];
/** The messages of one language, in the order of MESSAGE_KEYS. */
export type Translation = readonly string[];

const EN: Translation = [
  'Loading the captcha…',
  'Captcha ready. Complete it to continue.',
  'Captcha passed.',
  'Captcha closed without passing.',
  'The captcha could not be shown.',
  'Please complete the captcha.',
  'Try again',
  'The captcha failed to load.',
  'The captcha is not set up right.',
];

const ZH_CN: Translation = [
  '正在加载验证码…',
  '验证码已就绪，请完成验证。',
  '验证通过。',
  '验证码已关闭，未通过验证。',
  '验证码无法显示。',
  '请完成验证码验证。',
  '重试',
  '验证码加载失败。',
  '验证码配置有误。',
];

/** Each language Tencent's current script ships, besides the built-in zh-cn and en. */
const LOADERS: Record<string, () => Promise<{ default: Translation }>> = {
  'zh-hk': () => import('./i18n/zh-hk.js'),
  'zh-tw': () => import('./i18n/zh-tw.js'),
  ja: () => import('./i18n/ja.js'),
  ko: () => import('./i18n/ko.js'),
  fr: () => import('./i18n/fr.js'),
  de: () => import('./i18n/de.js'),
  it: () => import('./i18n/it.js'),
  pt: () => import('./i18n/pt.js'),
  es: () => import('./i18n/es.js'),
  id: () => import('./i18n/id.js'),
  ms: () => import('./i18n/ms.js'),
  ar: () => import('./i18n/ar.js'),
  he: () => import('./i18n/he.js'),
  hi: () => import('./i18n/hi.js'),
  my: () => import('./i18n/my.js'),
  lo: () => import('./i18n/lo.js'),
  pl: () => import('./i18n/pl.js'),
  ru: () => import('./i18n/ru.js'),
  th: () => import('./i18n/th.js'),
  tr: () => import('./i18n/tr.js'),
  vi: () => import('./i18n/vi.js'),
  fil: () => import('./i18n/fil.js'),
  ur: () => import('./i18n/ur.js'),
};

/** Every language the element speaks. */
export const LANGUAGES: readonly string[] = ['zh-cn', 'en', ...Object.keys(LOADERS)];

const translations = new Map<string, Translation>([
  ['en', EN],
  ['zh-cn', ZH_CN],
]);
const loads = new Map<string, Promise<unknown>>();

/**
 * The language to speak for a BCP 47 tag: Chinese by script or region (Hant, TW → zh-tw; HK, MO →
 * zh-hk; otherwise zh-cn), any other by its primary subtag when supported, else English.
 */
export function resolveLanguage(tag: string | null | undefined): string {
  const lower = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  const [primary, ...rest] = lower.split('-');
  if (primary === 'zh') {
    if (rest.includes('hk') || rest.includes('mo')) return 'zh-hk';
    return rest.includes('hant') || rest.includes('tw') ? 'zh-tw' : 'zh-cn';
  }
  const alias = ({ iw: 'he', in: 'id', tl: 'fil' } as Record<string, string>)[primary] ?? primary;
  return LANGUAGES.includes(alias) ? alias : 'en';
}

/** The element's language: its `user-language`, else its own or an ancestor's `lang`, else the document's. */
export function languageOf(element: Element & { userLanguage?: string }): string {
  return resolveLanguage(element.userLanguage || element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
}

export const isRightToLeft = (language: string): boolean => language === 'ar' || language === 'he' || language === 'ur';

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
      // A module that cannot load leaves the fallback in place; nothing to report to the page.
      load = LOADERS[language]().then(({ default: loaded }) => void translations.set(language, loaded), () => undefined);
      loads.set(language, load);
    }
    if (onLoaded) void load.then(onLoaded);
    table = language.startsWith('zh') ? ZH_CN : EN;
  }
  return table[MESSAGE_KEYS.indexOf(key)];
}
