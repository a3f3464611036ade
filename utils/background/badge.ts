// The toolbar badge: integrated ÷ tagged tasks for the current period, always from the store.
import { browser } from '../browser';
import { t } from '../i18n';

export interface BadgeNumbers {
  tagged: number;
  integrated: number;
  periodName: string;
}

/** The integration share in whole percent, or null when nothing is tagged. The popup's ring
 * uses the same function, so the two can never disagree. */
export function sharePercent(tagged: number, integrated: number): number | null {
  return tagged === 0 ? null : Math.round((integrated / tagged) * 100);
}

export function badgeText({ tagged, integrated }: Pick<BadgeNumbers, 'tagged' | 'integrated'>): string {
  const percent = sharePercent(tagged, integrated);
  return percent === null ? '' : `${percent}%`;
}

export function badgeColor({ tagged, integrated }: Pick<BadgeNumbers, 'tagged' | 'integrated'>): string {
  const share = tagged === 0 ? 0 : integrated / tagged;
  if (share >= 0.7) return '#15803d';
  if (share >= 0.3) return '#b45309';
  return '#b91c1c';
}

type ActionApi = {
  setBadgeText(details: { text: string | null; tabId?: number }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void>;
  setTitle(details: { title: string | null; tabId?: number }): Promise<void>;
};

function actionApi(): ActionApi {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return (b.action ?? b.browserAction) as ActionApi;
}

/** The global colour, for a tab whose warning is cleared (a tab colour can't be reset to null). */
let globalColor = badgeColor({ tagged: 0, integrated: 0 });

export async function showBadge(numbers: BadgeNumbers): Promise<void> {
  const api = actionApi();
  const text = badgeText(numbers);
  globalColor = badgeColor(numbers);
  await api.setBadgeText({ text });
  await api.setBadgeBackgroundColor({ color: globalColor });
  await api.setTitle({
    title: t('badgeTitle', [text || '0%', String(numbers.integrated), String(numbers.tagged), numbers.periodName]),
  });
}

/** The health a tab reports (services.tabStatus) that deserves a '!' on that tab, as its tooltip. */
export type TabHealth = 'ok' | 'no-rows' | 'no-access' | 'disabled' | 'no-oa' | 'not-web';

export function tabWarning(health: TabHealth): string | null {
  if (health === 'no-rows') return t('popup_health_no_rows');
  if (health === 'no-access') return t('popup_health_no_access');
  return null;
}

/**
 * Per-tab '!': the page looks like an OA product but no task row was found, or access is missing.
 * With `warning` null the tab's own values are dropped (null, not '', so the tab falls back to
 * the global percentage). Call it from `page/status`, `rows/report` and tab navigation.
 */
export async function showTabWarning(tabId: number, warning: string | null): Promise<void> {
  const api = actionApi();
  try {
    if (warning) {
      await api.setBadgeText({ tabId, text: '!' });
      await api.setBadgeBackgroundColor({ tabId, color: '#b91c1c' });
      await api.setTitle({ tabId, title: warning });
    } else {
      await api.setBadgeText({ tabId, text: null });
      await api.setBadgeBackgroundColor({ tabId, color: globalColor });
      await api.setTitle({ tabId, title: null });
    }
  } catch {
    // The tab is gone, or an old browser refuses null: the global badge stays correct either way.
  }
}
