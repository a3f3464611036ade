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
import { pickerServices } from './services/picker-services';

export type { Effects } from './services/effects';

export interface Services extends RongheServices {
  /** Resolves once the store, policy and catalog are loaded (a page's rows are answered sooner). */
  ready: Promise<void>;
  /** Resolves once the sightings written so far are committed (tests, badge). */
  settled(): Promise<unknown>;
  tabClosed(tabId: number): void;
}

/** Services a page's tags depend on, answered before the policy is applied. */
const PAGE_PATH: ReadonlySet<string> = new Set(['isSiteEnabled', 'taskOrigin', 'reportRows', 'pageStatus', 'siteConfig', 'knownViews', 'openPanel', 'tasksForTab']);

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
  const core = state.load();
  const ready = core.then(() => state.policyApplied);
  const domains: RongheServices = {
    ...taskServices(state),
    ...siteServices(state),
    ...configServices(state),
    ...ledgerServices(state),
    ...detailServices(state),
    ...pickerServices(state),
  };
  // Every call waits for the state to load: a message can arrive while the worker starts. What a
  // page needs to show its tags waits for the catalog, rules and sites only; the rest also for the
  // policy (sites and settings it sets or locks).
  const guarded = Object.fromEntries(
    Object.entries(domains).map(([name, fn]) => [name, async (...args: unknown[]) => {
      await (PAGE_PATH.has(name) ? core : ready);
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
