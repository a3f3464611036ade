// This tab's site: enabled or not, which OA product, how many tasks, health; and 在此站点启用.
import { useSignal } from '@preact/signals';
import { browser } from '@/utils/browser';
import { send } from '@/utils/ui/client';
import { sitePattern } from '@/utils/background/site-key';
import { productName } from '@/utils/ledger/labels';
import { t } from '@/utils/i18n';
import type { ActiveTab, TabStatusData } from './popup-state';
import type { PickerStartReply } from '@/utils/background/router';
import { NOT_STARTED_KEY } from '@/utils/picker/not-started';

const HEALTH_KEY = {
  ok: 'popup_health_ok',
  'no-rows': 'popup_health_no_rows',
  'no-access': 'popup_health_no_access',
  disabled: 'popup_health_disabled',
  'no-oa': 'popup_health_no_oa',
  'not-web': 'popup_health_not_web',
} as const;

/** A site can be enabled (or re-granted) from the popup when it is a web page we can't read yet. */
export function canEnable(status: TabStatusData): boolean {
  return status.origin !== null && (status.health === 'disabled' || status.health === 'no-access');
}

export function SiteStatus({ tab, status, onChanged }: { tab: ActiveTab | null; status: TabStatusData; onChanged(): Promise<void> }) {
  const busy = useSignal(false);
  const note = useSignal<string | null>(null);
  const enabled = status.site?.enabled === true;

  // No await before permissions.request: the browser only prompts inside the click's user gesture.
  const enable = () => {
    const origin = status.origin;
    if (!origin || busy.value) return;
    busy.value = true;
    note.value = t('popup_enabling');
    const granted = browser.permissions.request({ origins: [sitePattern(origin)] }).catch(() => false);
    void granted
      .then(async (ok) => {
        if (!ok) {
          note.value = t('popup_enable_denied');
          return;
        }
        await send({ type: 'site/enable', origin, ...(tab ? { tabId: tab.id } : {}) });
        note.value = t('popup_enable_done');
        await onChanged();
      })
      .catch((error: unknown) => {
        note.value = t('popup_error', [error instanceof Error ? error.message : String(error)]);
      })
      .finally(() => {
        busy.value = false;
      });
  };

  // 标注本页任务: the picker starts in the page; the popup gets out of its way.
  const pick = () => {
    if (!tab || busy.value) return;
    busy.value = true;
    void send<PickerStartReply>({ type: 'picker/start', tabId: tab.id })
      .then((reply) => {
        note.value = reply.started ? t('picker_started') : t(NOT_STARTED_KEY[reply.reason]);
        const views = (browser.extension as unknown as { getViews?(o: object): Window[] } | undefined)?.getViews?.({ type: 'popup' }) ?? [];
        if (reply.started && views.includes(window)) window.close();
      })
      .catch((error: unknown) => {
        note.value = t('popup_error', [error instanceof Error ? error.message : String(error)]);
      })
      .finally(() => {
        busy.value = false;
      });
  };

  return (
    <section class="site" aria-labelledby="site-heading">
      <h2 id="site-heading">{t('popup_site_heading')}</h2>
      {status.origin && (
        <p class="origin" title={status.origin}>
          {status.origin}
        </p>
      )}
      <ul class="site-facts">
        {status.origin && (
          <li data-testid="site-enabled">{enabled ? t('popup_site_enabled') : t('popup_site_not_enabled')}</li>
        )}
        {enabled && (
          <li data-testid="site-product">
            {status.product ? t('popup_site_product', [productName(status.product)]) : t('popup_site_product_unknown')}
          </li>
        )}
        {enabled && <li data-testid="site-tasks">{t('popup_site_tasks', [String(status.tasks)])}</li>}
        <li data-testid="site-health" class={`health health-${status.health}`}>
          {t(HEALTH_KEY[status.health])}
        </li>
      </ul>
      {canEnable(status) && (
        <button type="button" class="primary" onClick={enable} disabled={busy.value}>
          {t('popup_enable')}
        </button>
      )}
      {enabled && tab && status.health !== 'no-access' && status.health !== 'not-web' && (
        <button type="button" class="pick" onClick={pick} disabled={busy.value}>
          {t('picker_label')}
        </button>
      )}
      <p class="note" role="status" aria-live="polite">
        {note.value ?? ''}
      </p>
    </section>
  );
}
