import type { Translation } from './translation.js';

/**
 * Each language the element speaks besides the built-in zh-cn and en (every language Tencent's
 * current script ships), as a module of its own. This index, too, is loaded only by a page that shows
 * one of them, so that a page in Chinese or English pays for none.
 */
const LOADERS: Record<string, () => Promise<{ default: Translation }>> = {
  'zh-hk': () => import('./zh-hk.js'),
  'zh-tw': () => import('./zh-tw.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  it: () => import('./it.js'),
  pt: () => import('./pt.js'),
  es: () => import('./es.js'),
  id: () => import('./id.js'),
  ms: () => import('./ms.js'),
  ar: () => import('./ar.js'),
  he: () => import('./he.js'),
  hi: () => import('./hi.js'),
  my: () => import('./my.js'),
  lo: () => import('./lo.js'),
  pl: () => import('./pl.js'),
  ru: () => import('./ru.js'),
  th: () => import('./th.js'),
  tr: () => import('./tr.js'),
  vi: () => import('./vi.js'),
  fil: () => import('./fil.js'),
  ur: () => import('./ur.js'),
};

/** Every language the element speaks. */
export const LANGUAGES: readonly string[] = ['zh-cn', 'en', ...Object.keys(LOADERS)];

/** The messages of a language other than zh-cn and en; undefined for a language the element does not speak. */
export async function translation(language: string): Promise<Translation | undefined> {
  return Object.hasOwn(LOADERS, language) ? (await LOADERS[language]()).default : undefined;
}
