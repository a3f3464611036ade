// The panel micro-frontend: the tasks of this page (or of all sites in a full tab), their phases,
// and corrections. Framed in the OA page by <ronghe-panel>, or in a tab, or the side panel.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Period } from '@/utils/model';
import type { PanelStore } from './store';
import { Summary } from './Summary';
import { Toolbar } from './Toolbar';
import { ReportLink } from '@/components/report/ReportLink';
import { TaskList } from './TaskList';
import { Diagnostics } from './Diagnostics';
import { PickTasks } from './PickTasks';
import { ResizeHandle } from './ResizeHandle';
import { tellHost } from './host-bridge';
import { t } from './text';

const PERIODS: Period[] = ['week', 'month', 'quarter', 'year', 'all'];

interface Props {
  store: PanelStore;
  version: string;
  /** Opens the full-tab view of all tasks (absent where it makes no sense). */
  openAll?: () => void;
}

export function PanelApp({ store, version, openAll }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const framed = store.mode === 'frame';
  const settings = store.settings.value;
  const loaded = store.loaded.value;

  useEffect(() => {
    if (!store.selectedKey.peek()) heading.current?.focus();
  }, []);

  // A panel its host started hidden (the pointer reached 融合助手 before the click) has no size
  // until it is shown: then focus moves in, and the benchmark's shown mark follows the next paint.
  useEffect(() => {
    if (!framed) return;
    let hidden = window.innerWidth === 0;
    const onResize = () => {
      const wasHidden = hidden;
      hidden = window.innerWidth === 0;
      if (!wasHidden || hidden) return;
      if (!store.selectedKey.peek()) heading.current?.focus();
      requestAnimationFrame(() => setTimeout(() => performance.mark('ronghe-panel-shown')));
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [framed]);

  useLayoutEffect(() => {
    if (loaded) performance.mark('ronghe-panel-commit');
  }, [loaded]);
  useEffect(() => {
    if (!loaded) return;
    document.documentElement.dataset.ready = '1';
    performance.mark('ronghe-panel-ready');
  }, [loaded]);

  // The framed panel tells its host the remembered width and mode once settings are known.
  useEffect(() => {
    if (!framed || !loaded) return;
    tellHost({ ronghe: 'mode', mode: settings.panelMode });
    tellHost({ ronghe: 'resize', width: settings.panelWidth });
  }, [framed, loaded, settings.panelMode, settings.panelWidth]);

  const empty = store.emptyProducts.value;
  return (
    <div class={`panel mode-${store.mode}`}>
      {framed && (
        <ResizeHandle
          width={settings.panelWidth}
          onResize={(width) => tellHost({ ronghe: 'resize', width })}
          onCommit={(width) => void store.saveSettings({ panelWidth: width })}
        />
      )}
      <header class="head">
        <h1 ref={heading} tabIndex={-1}>{store.mode === 'tab' ? t('panel_titleAll') : t('panel_title')}</h1>
        <div class="head-actions">
          {openAll && (
            <button type="button" class="link" onClick={openAll}>{t('panel_openAll')}</button>
          )}
          <ReportLink class="link" />
          {framed && (
            <button type="button" class="icon" aria-label={t('panel_close')} title={t('panel_close')} onClick={() => tellHost('ronghe:close')}>
              ×
            </button>
          )}
        </div>
      </header>
      <main class="body">
        {store.error.value && (
          <p class="error" role="alert">{store.error.value}</p>
        )}
        {(framed || store.mode === 'tab') && (
          <div class="options">
            {framed && (
              <label class="field inline">
                <span>{t('panel_layout')}</span>
                <select
                  value={settings.panelMode}
                  onChange={(e) => void store.saveSettings({ panelMode: (e.currentTarget as HTMLSelectElement).value as 'overlay' | 'push' })}
                >
                  <option value="overlay">{t('panel_layoutOverlay')}</option>
                  <option value="push">{t('panel_layoutPush')}</option>
                </select>
              </label>
            )}
            {store.mode === 'tab' && (
              <label class="field inline">
                <span>{t('panel_period')}</span>
                <select value={settings.period} onChange={(e) => void store.setPeriod((e.currentTarget as HTMLSelectElement).value as Period)}>
                  {PERIODS.map((p) => (
                    <option key={p} value={p}>{t(`period_${p}`)}</option>
                  ))}
                </select>
              </label>
            )}
          </div>
        )}
        {!loaded ? (
          <p class="empty" role="status">{t('panel_loading')}</p>
        ) : (
          <>
            <Summary summary={store.summary.value} heading={store.mode === 'tab' ? t('panel_summaryAll') : t('panel_summary')} />
            {(framed || store.mode === 'side') && <PickTasks store={store} />}
            {empty.length > 0 && <Diagnostics frames={empty} allFrames={store.frames.value} version={version} />}
            <Toolbar store={store} />
            <TaskList store={store} />
          </>
        )}
      </main>
    </div>
  );
}
