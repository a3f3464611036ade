// UI strings come from the locale files (public/_locales): zh_CN first, en second.
import { browser } from './browser';

type GetMessage = (key: string, substitutions?: string[]) => string;

/** Keys are checked by tests against both locale files, so a plain string is enough here. */
export function t(key: string, substitutions?: string[]): string {
  return (browser.i18n.getMessage as GetMessage)(key, substitutions) || key;
}
