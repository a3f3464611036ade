// OA sites: which are enabled (by the user or by policy), their adapter settings, a tab's health.
import type { Site } from '../../model';
import * as store from '../../store';
import { LockedError, NotFoundError, type RongheServices } from '../router';
import { siteKey } from '../site-key';
import type { BackgroundState } from './state';

type SiteServices = Pick<
  RongheServices,
  'isSiteEnabled' | 'enableSite' | 'setSite' | 'removeSite' | 'listSites' | 'siteConfig' | 'testSelectors' | 'tabStatus' | 'policy'
>;

export type TabHealth = 'ok' | 'no-rows' | 'no-access' | 'disabled' | 'no-oa' | 'not-web';

export function siteServices(state: BackgroundState): SiteServices {
  const { db, effects } = state;
  const save = async (site: Site) => {
    await store.putSite(db, site);
    state.sites.set(site.origin, site);
  };

  return {
    async isSiteEnabled(origin) {
      return state.sites.get(siteKey(origin))?.enabled === true;
    },

    async enableSite(origin, selectors, tabId) {
      const existing = state.sites.get(siteKey(origin));
      const site: Site = existing
        ? { ...existing, enabled: true, selectors: selectors ?? existing.selectors }
        : { origin: siteKey(origin), enabled: true, source: 'user', adapterOverride: null, selectors, addedAt: state.now() };
      await save(site);
      await effects.registerSite(site);
      if (tabId !== null) await effects.injectNow(tabId);
      return site;
    },

    async setSite(origin, patch) {
      const current = state.sites.get(siteKey(origin));
      if (!current) throw new NotFoundError(siteKey(origin));
      if (current.source === 'policy' && patch.enabled === false) throw new LockedError();
      const site: Site = {
        ...current,
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        ...(patch.adapterOverride !== undefined ? { adapterOverride: patch.adapterOverride } : {}),
        ...(patch.selectors !== undefined ? { selectors: patch.selectors } : {}),
      };
      await save(site);
      if (site.enabled) await effects.registerSite(site);
      else await effects.unregisterSite(site);
      return site;
    },

    async removeSite(origin) {
      const key = siteKey(origin);
      const current = state.sites.get(key);
      if (!current) return;
      if (current.source === 'policy') throw new LockedError();
      await effects.unregisterSite(current);
      await store.deleteSite(db, key);
      state.sites.delete(key);
    },

    async listSites() {
      return [...state.sites.values()];
    },

    async siteConfig(origin) {
      const site = state.sites.get(siteKey(origin));
      const settings = await store.getSettings(db);
      return { adapterOverride: site?.adapterOverride ?? null, selectors: site?.selectors ?? null, panelWidth: settings.panelWidth, panelMode: settings.panelMode };
    },

    async testSelectors(tabId, selectors) {
      return { rows: await effects.testSelectors(tabId, selectors) };
    },

    async tabStatus(tabId, url) {
      const origin = webOrigin(url);
      const frames = state.tabs.statuses(tabId);
      const tasks = state.tabs.count(tabId);
      const site = origin ? (state.sites.get(siteKey(origin)) ?? null) : null;
      const hasAccess = site ? await effects.hasHostAccess(site) : false;
      const product = frames.find((f) => f.product)?.product ?? null;
      let health: TabHealth;
      if (!origin) health = 'not-web';
      else if (!site?.enabled) health = 'disabled';
      else if (!hasAccess) health = 'no-access';
      else health = tabHealthOf(state, tabId);
      return { origin, site, hasAccess, product, tasks, frames, health };
    },

    async policy() {
      return state.policy;
    },
  };
}

/** What a tab's own sensors say: tasks found, an OA page with no rows, or no OA at all. */
export function tabHealthOf(state: BackgroundState, tabId: number): Extract<TabHealth, 'ok' | 'no-rows' | 'no-oa'> {
  if (state.tabs.count(tabId) > 0) return 'ok';
  return state.tabs.statuses(tabId).some((f) => f.product) ? 'no-rows' : 'no-oa';
}

function webOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : null;
  } catch {
    return null;
  }
}
