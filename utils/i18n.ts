// UI strings come from the locale files (public/_locales): zh_CN first, en second. By default the
// browser's language decides (chrome.i18n); settings.locale can pin zh-CN or en, since the
// browsers some units run ship without a Chinese UI pack.
import { browser } from './browser';

type Messages = Record<string, { message: string }>;
type GetMessage = (key: string, substitutions?: string[]) => string;

let pinned: { locale: 'zh-CN' | 'en'; messages: Messages } | null = null;
/** Messages without substitutions, as looked up under the current language: a panel asks for the
 * same few dozen labels hundreds of times per render. */
const plain = new Map<string, string>();
let browserLocale: 'zh-CN' | 'en' | null = null;

/** 'auto' follows the browser; the others pin a language for every extension page. The pinned
 * locale file is loaded only then, so pages that follow the browser don't carry both files. */
export async function setUiLocale(locale: 'auto' | 'zh-CN' | 'en'): Promise<void> {
  if (locale === 'auto') {
    pinned = null;
    plain.clear();
    return;
  }
  const file = locale === 'zh-CN' ? await import('../public/_locales/zh_CN/messages.json') : await import('../public/_locales/en/messages.json');
  pinned = { locale, messages: file.default as Messages };
  plain.clear();
}

export function uiLocale(): 'zh-CN' | 'en' {
  if (pinned) return pinned.locale;
  // The browser's language can't change under a running page.
  if (browserLocale) return browserLocale;
  try {
    browserLocale = browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  } catch {
    return 'zh-CN';
  }
  return browserLocale;
}

/** chrome.i18n's substitution rules: $1…$9 from the list, $$ for a dollar sign. */
function fill(message: string, substitutions: string[] = []): string {
  return message.replace(/\$(\$|\d)/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}

/** Keys are checked by tests against both locale files, so a plain string is enough here. */
export function t(key: string, substitutions?: string[]): string {
  if (!substitutions) {
    const known = plain.get(key);
    if (known !== undefined) return known;
  }
  const message = pinned?.messages[key]?.message;
  const text = message !== undefined ? fill(message, substitutions) : (browser.i18n.getMessage as GetMessage)(key, substitutions) || key;
  if (!substitutions) plain.set(key, text);
  return text;
}
