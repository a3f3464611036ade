// The 融合台账 leaving and entering the store: the export's data, imports, the backup reminder.
import { mergeDumps, parseBackup } from '../../ledger';
import * as store from '../../store';
import type { RongheServices } from '../router';
import type { BackgroundState } from './state';

type LedgerServices = Pick<RongheServices, 'ledgerQuery' | 'ledgerImport' | 'ledgerExported' | 'backupStatus'>;

export type ImportResult =
  | { ok: true; applied: boolean; preview: unknown }
  | { ok: false; error: { code: string; message: string } };

/** After 500 unexported changes, or 7 days, a backup is due. */
const BACKUP_CHANGES = 500;
const BACKUP_DAYS = 7;

export function ledgerServices(state: BackgroundState): LedgerServices {
  const { db, effects } = state;
  return {
    async ledgerQuery() {
      await state.settled();
      const [dump, settings] = await Promise.all([store.exportAll(db), store.getSettings(db)]);
      const profile = { personName: settings.personName, department: settings.department, branch: settings.branch, unit: settings.unit };
      return { ...dump, catalog: state.catalog, profile };
    },

    /** Validate, preview, then merge in one transaction or not at all. */
    async ledgerImport(text, apply): Promise<ImportResult> {
      await state.settled();
      const parsed = await parseBackup(text);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      const merged = mergeDumps(await store.exportAll(db), parsed.dump);
      const { toWrite } = merged;
      const preview = parsed.meta.profile ? { ...merged.preview, from: parsed.meta.profile } : merged.preview;
      if (!apply) return { ok: true, applied: false, preview };
      await store.applyImport(db, toWrite);
      state.forget();
      state.setRules(await store.listRules(db));
      effects.refreshBadge();
      return { ok: true, applied: true, preview };
    },

    async ledgerExported() {
      await store.markExported(db);
      return store.putSettings(db, { lastExportAt: state.now() });
    },

    async backupStatus() {
      const settings = await store.getSettings(db);
      const changes = await store.changesSinceExport(db);
      const ageDays = settings.lastExportAt === null ? null : (state.now() - settings.lastExportAt) / 86_400_000;
      const due = changes >= BACKUP_CHANGES || (changes > 0 && (ageDays === null || ageDays >= BACKUP_DAYS));
      return { lastExportAt: settings.lastExportAt, changes, due };
    },
  };
}
