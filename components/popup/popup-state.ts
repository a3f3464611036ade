// The popup's data: what it shows on open comes from counters and indexes only (progress/get,
// tab/status, backup/status); the whole ledger is fetched only when the user exports.
import { signal, type Signal } from '@preact/signals';
import { browser } from '@/utils/browser';
import { send } from '@/utils/ui/client';
import type { Catalog, Period, Settings, Site } from '@/utils/model';
import type { Progress } from '@/utils/store/progress';
import type { TabHealth } from '@/utils/background/badge';

export interface TabStatusData {
  origin: string | null;
  site: Site | null;
  hasAccess: boolean;
  product: string | null;
  tasks: number;
  health: TabHealth;
}

export interface BackupStatusData {
  lastExportAt: number | null;
  changes: number;
  due: boolean;
}

export interface ActiveTab {
  id: number;
  url: string;
}

export interface PopupState {
  period: Signal<Period | null>;
  progress: Signal<Progress | null>;
  catalog: Signal<Catalog | null>;
  tab: Signal<ActiveTab | null>;
  status: Signal<TabStatusData | null>;
  backup: Signal<BackupStatusData | null>;
  error: Signal<string | null>;
  load(): Promise<void>;
  setPeriod(period: Period): Promise<void>;
  refreshProgress(): Promise<void>;
  refreshStatus(): Promise<void>;
  refreshBackup(): Promise<void>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What entrypoints/popup/main.tsx already fetched before the first render (one round trip). */
export interface PopupStart {
  period: Period;
  progress: Progress;
}

export function createPopupState(start?: PopupStart): PopupState {
  const state = {
    period: signal<Period | null>(start?.period ?? null),
    progress: signal<Progress | null>(start?.progress ?? null),
    catalog: signal<Catalog | null>(null),
    tab: signal<ActiveTab | null>(null),
    status: signal<TabStatusData | null>(null),
    backup: signal<BackupStatusData | null>(null),
    error: signal<string | null>(null),
  };
  // Only the answer to the latest period request is shown (fast switching).
  let progressRequest = 0;

  const fail = (error: unknown) => {
    state.error.value = message(error);
  };

  async function refreshProgress(): Promise<void> {
    const period = state.period.value;
    if (!period) return;
    const request = ++progressRequest;
    const data = await send<Progress>({ type: 'progress/get', period });
    if (request === progressRequest) state.progress.value = data;
  }

  async function refreshStatus(): Promise<void> {
    const tab = state.tab.value;
    if (!tab) return;
    state.status.value = await send<TabStatusData>({ type: 'tab/status', tabId: tab.id, url: tab.url });
  }

  async function refreshBackup(): Promise<void> {
    state.backup.value = await send<BackupStatusData>({ type: 'backup/status' });
  }

  async function loadTab(): Promise<void> {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id === undefined || active.id < 0) return;
    state.tab.value = { id: active.id, url: active.url ?? '' };
    await refreshStatus();
  }

  async function load(): Promise<void> {
    // Independent requests go out together; only progress waits for the settings' period.
    const progressDone = start
      ? Promise.resolve()
      : send<Settings>({ type: 'settings/get' }).then((settings) => {
          state.period.value = settings.period;
          return refreshProgress();
        });
    const results = await Promise.allSettled([
      progressDone,
      send<Catalog>({ type: 'catalog/get', lexicon: false }).then((catalog) => {
        state.catalog.value = catalog;
      }),
      loadTab(),
      // Counting the changes since the last backup walks the events index: it waits for the
      // numbers the popup opens for, so the two don't compete in the background.
      progressDone.catch(() => undefined).then(refreshBackup),
    ]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) fail(failed.reason);
  }

  async function setPeriod(period: Period): Promise<void> {
    if (period === state.period.value) return;
    state.period.value = period;
    try {
      // The badge follows the settings' period, so the switch is saved, not only shown.
      await Promise.all([send({ type: 'settings/set', settings: { period } }), refreshProgress()]);
    } catch (error) {
      fail(error);
    }
  }

  return { ...state, load, setPeriod, refreshProgress, refreshStatus, refreshBackup };
}
