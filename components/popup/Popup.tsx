// The toolbar popup: progress ring, breakdowns, period switch, this site, export, backup reminder.
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import { browser } from '@/utils/browser';
import { t } from '@/utils/i18n';
import { BackupReminder } from './BackupReminder';
import { Breakdown } from './Breakdown';
import { ExportPanel } from './ExportPanel';
import { ReportLink } from '@/components/report/ReportLink';
import { PeriodSwitch } from './PeriodSwitch';
import { ProgressRing } from './ProgressRing';
import { SiteStatus } from './SiteStatus';
import { createPopupState, type PopupStart, type PopupState } from './popup-state';

/** Live updates while the popup is open: phases ticked in a panel, rows found in the tab. */
function useBackgroundUpdates(state: PopupState) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (raw: unknown) => {
      const msg = raw as { type?: string; tabId?: number } | null;
      if (msg?.type === 'tags/updated') {
        clearTimeout(timer);
        timer = setTimeout(() => void state.refreshProgress().catch(() => undefined), 150);
      } else if (msg?.type === 'tab/changed' && msg.tabId === state.tab.value?.id) {
        void state.refreshStatus().catch(() => undefined);
      }
    };
    browser.runtime.onMessage.addListener(listener);
    return () => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(listener);
    };
  }, [state]);
}

export function Popup({ state: given, start }: { state?: PopupState; start?: PopupStart }) {
  const state = useMemo(() => given ?? createPopupState(start), [given, start]);
  useEffect(() => {
    void state.load();
  }, [state]);
  useBackgroundUpdates(state);

  const progress = state.progress.value;
  const period = state.period.value;
  // Benchmarks and tests wait for this: the ring shows real numbers (in the DOM, then painted).
  useLayoutEffect(() => {
    if (progress && !document.documentElement.dataset.ready) performance.mark('ronghe-popup-commit');
  }, [progress]);
  useEffect(() => {
    if (!progress || document.documentElement.dataset.ready) return;
    document.documentElement.dataset.ready = '1';
    performance.mark('ronghe-popup-ready');
  }, [progress]);

  return (
    <main class="popup">
      <h1 class="visually-hidden">{t('popup_title')}</h1>
      {state.error.value && (
        <p class="error" role="alert">
          {t('popup_error', [state.error.value])}
        </p>
      )}
      {state.backup.value && <BackupReminder backup={state.backup.value} />}
      {progress && period ? (
        <ProgressRing tagged={progress.tagged} integrated={progress.integrated} periodName={t(`period_${period}`)} />
      ) : (
        <p class="muted loading" aria-busy="true">
          {t('popup_loading')}
        </p>
      )}
      <PeriodSwitch value={period} onChange={(p) => void state.setPeriod(p)} />
      {progress && <Breakdown progress={progress} catalog={state.catalog.value} />}
      {state.status.value && <SiteStatus tab={state.tab.value} status={state.status.value} onChanged={state.refreshStatus} />}
      <ExportPanel
        catalog={state.catalog.value}
        period={period}
        onExported={(kind) => {
          if (kind === 'json') void state.refreshBackup().catch(() => undefined);
        }}
      />
      <p class="report-row">
        <ReportLink closeAfter />
      </p>
    </main>
  );
}
