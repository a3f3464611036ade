// Extension pages apply settings.locale before they render their first words.
import { setUiLocale, uiLocale } from '../i18n';
import type { Settings } from '../model';
import { send } from './client';

/** `settings`: the page's own request for them, when it needs them for more than the language. */
export async function applyUiLocale(settings?: Promise<Settings>): Promise<void> {
  try {
    await setUiLocale((await (settings ?? send<Settings>({ type: 'settings/get' }))).locale);
  } catch {
    await setUiLocale('auto');
  }
  document.documentElement.lang = uiLocale();
}
