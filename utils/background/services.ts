// The background's behaviour behind the router, one module per domain over one shared state.
// The background is the single writer of the store.
import type * as store from '../store';
import type { RongheServices } from './router';
import type { Effects } from './services/effects';
import { BackgroundState } from './services/state';
import { taskServices } from './services/task-services';
import { siteServices } from './services/site-services';
import { configServices } from './services/config-services';
import { ledgerServices } from './services/ledger-services';
import { detailServices } from './services/detail-services';

export type { Effects } from './services/effects';

export interface Services extends RongheServices {
  /** Resolves once the store, policy and catalog are loaded. */
  ready: Promise<void>;
  /** Resolves once the sightings written so far are committed (tests, badge). */
  settled(): Promise<unknown>;
  tabClosed(tabId: number): void;
}

export function createServices(db: store.RongheDb, effects: Effects, now: () => number = Date.now): Services {
  // Every change the badge is refreshed for also changes what progress reads return.
  const tracked: Effects = {
    ...effects,
    refreshBadge() {
      state.progressChanged();
      effects.refreshBadge();
    },
  };
  const state: BackgroundState = new BackgroundState(db, tracked, now);
  const ready = state.load();
  const domains: RongheServices = {
    ...taskServices(state),
    ...siteServices(state),
    ...configServices(state),
    ...ledgerServices(state),
    ...detailServices(state),
  };
  // Every call waits for the state to load: a message can arrive while the worker starts.
  const guarded = Object.fromEntries(
    Object.entries(domains).map(([name, fn]) => [name, async (...args: unknown[]) => {
      await ready;
      return (fn as (...a: unknown[]) => unknown)(...args);
    }]),
  ) as unknown as RongheServices;
  return {
    ...guarded,
    ready,
    settled: () => state.settled(),
    tabClosed: (tabId) => state.tabs.close(tabId),
  };
}
