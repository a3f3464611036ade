// Extension pages apply settings.locale before they render their first words.
import { setUiLocale, uiLocale } from '../i18n';
import type { Settings } from '../model';
import { send } from './client';

export async function applyUiLocale(): Promise<void> {
  try {
    await setUiLocale((await send<Settings>({ type: 'settings/get' })).locale);
  } catch {
    await setUiLocale('auto');
  }
  document.documentElement.lang = uiLocale();
}
