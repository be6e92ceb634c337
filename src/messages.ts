/** What the element announces to screen readers and says in validation, in Simplified Chinese and English. */
export type MessageKey = 'loading' | 'ready' | 'verified' | 'closed' | 'error' | 'required';

const MESSAGES: Record<'zh' | 'en', Record<MessageKey, string>> = {
  en: {
    loading: 'Loading the captcha…',
    ready: 'Captcha ready. Complete it to continue.',
    verified: 'Captcha passed.',
    closed: 'Captcha closed without passing.',
    error: 'The captcha could not be shown.',
    required: 'Please complete the captcha.',
  },
  zh: {
    loading: '正在加载验证码…',
    ready: '验证码已就绪，请完成验证。',
    verified: '验证通过。',
    closed: '验证码已关闭，未通过验证。',
    error: '验证码无法显示。',
    required: '请完成验证码验证。',
  },
};

/** Chinese for any `zh*` language of the element (its own or an ancestor's `lang`) or of the document. */
export function message(element: Element, key: MessageKey): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  return MESSAGES[lang.toLowerCase().startsWith('zh') ? 'zh' : 'en'][key];
}
