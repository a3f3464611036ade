// The 台账 fields of a task (责任人, 完成时限, 佐证材料…): read with their defaults, and patched.
import { detailDefaults } from '../../ledger/detail';
import * as store from '../../store';
import { NotFoundError, type RongheServices } from '../router';
import type { BackgroundState } from './state';

type DetailServices = Pick<RongheServices, 'getDetail' | 'setDetail'>;

export function detailServices(state: BackgroundState): DetailServices {
  const { db } = state;
  return {
    async getDetail(key) {
      const [task, tag, detail, settings] = await Promise.all([store.getTask(db, key), store.getTag(db, key), store.getDetail(db, key), store.getSettings(db)]);
      if (!tag) throw new NotFoundError(key);
      const { taskKey: _k, origin: _o, updatedAt, ...fields } = detail ?? { taskKey: key, origin: tag.origin, updatedAt: null };
      return { fields, updatedAt, defaults: detailDefaults(task, settings) };
    },

    async setDetail(key, patch) {
      await state.settled();
      try {
        const detail = await store.setDetail(db, key, patch, state.now());
        state.effects.refreshBadge();
        return detail;
      } catch (error) {
        if (error instanceof store.TagNotFoundError) throw new NotFoundError(key);
        throw error;
      }
    },
  };
}
