// Importing a ledger backup (own or a colleague's): validate, preview, then merge in one
// transaction or not at all.
import { mergeDumps, parseBackup } from '../ledger';
import * as store from '../store';

export type ImportResult =
  | { ok: true; applied: boolean; preview: unknown }
  | { ok: false; error: { code: string; message: string } };

export async function importLedger(db: store.RongheDb, text: string, apply: boolean): Promise<ImportResult> {
  const parsed = await parseBackup(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const current = await store.exportAll(db);
  const { toWrite, preview } = mergeDumps(current, parsed.dump);
  if (apply) await store.applyImport(db, toWrite);
  return { ok: true, applied: apply, preview };
}
