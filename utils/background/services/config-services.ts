// Settings, learned rules and the catalog; the only place policy locks are enforced.
import { DEFAULT_CATALOG } from '../../catalog/default-catalog';
import * as store from '../../store';
import { LockedError, type RongheServices } from '../router';
import type { BackgroundState } from './state';

type ConfigServices = Pick<
  RongheServices,
  'getSettings' | 'setSettings' | 'listRules' | 'putRule' | 'deleteRule' | 'getCatalog' | 'setCatalog' | 'clearAll'
>;

export function configServices(state: BackgroundState): ConfigServices {
  const { db, effects } = state;
  return {
    getSettings: () => store.getSettings(db),

    async setSettings(patch) {
      const locked = new Set<string>(state.policy.policy.lockedSettings ?? []);
      if (Object.keys(patch).some((k) => locked.has(k))) throw new LockedError();
      const settings = await store.putSettings(db, patch);
      if (patch.period) effects.refreshBadge();
      return settings;
    },

    async listRules() {
      return state.rules;
    },

    async putRule(rule) {
      await store.putRule(db, rule);
      state.setRules([...state.rules.filter((r) => r.id !== rule.id), rule]);
    },

    async deleteRule(id) {
      await store.deleteRule(db, id);
      state.setRules(state.rules.filter((r) => r.id !== id));
    },

    async getCatalog(withLexicon = true) {
      return withLexicon ? state.catalog : { ...state.catalog, lexicon: [] };
    },

    async setCatalog(next) {
      if (state.policy.policy.catalog) throw new LockedError();
      if (next) await store.putCatalog(db, next);
      else await store.resetCatalog(db);
      state.setCatalog(next ?? DEFAULT_CATALOG);
      return state.catalog;
    },

    async clearAll() {
      await state.settled();
      await store.clearAll(db, { keepConfig: true });
      state.forget();
      state.setRules([]);
      effects.refreshBadge();
    },
  };
}
