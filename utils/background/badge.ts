// The toolbar badge: integrated ÷ tagged tasks for the current period, always from the store.
import { browser } from '../browser';
import { t } from '../i18n';

export interface BadgeNumbers {
  tagged: number;
  integrated: number;
  periodName: string;
}

export function badgeText({ tagged, integrated }: BadgeNumbers): string {
  return tagged === 0 ? '' : `${Math.round((integrated / tagged) * 100)}%`;
}

export function badgeColor({ tagged, integrated }: BadgeNumbers): string {
  const share = tagged === 0 ? 0 : integrated / tagged;
  if (share >= 0.7) return '#15803d';
  if (share >= 0.3) return '#b45309';
  return '#b91c1c';
}

type ActionApi = {
  setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void>;
  setTitle(details: { title: string; tabId?: number }): Promise<void>;
};

function actionApi(): ActionApi {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return (b.action ?? b.browserAction) as ActionApi;
}

export async function showBadge(numbers: BadgeNumbers): Promise<void> {
  const api = actionApi();
  const text = badgeText(numbers);
  await api.setBadgeText({ text });
  await api.setBadgeBackgroundColor({ color: badgeColor(numbers) });
  await api.setTitle({
    title: t('badgeTitle', [text || '0%', String(numbers.integrated), String(numbers.tagged), numbers.periodName]),
  });
}

/** Per-tab '!': the page looks like an OA product but no task row was found, or access is missing. */
export async function showTabWarning(tabId: number, warning: string | null): Promise<void> {
  const api = actionApi();
  if (warning) {
    await api.setBadgeText({ tabId, text: '!' });
    await api.setBadgeBackgroundColor({ tabId, color: '#b91c1c' });
    await api.setTitle({ tabId, title: warning });
  }
}
