// Building a ledger file in the popup and handing it to the browser as a download (Blob URL and
// <a download>: no `downloads` permission). Loaded on the first export click, not on open.
import { browser } from '@/utils/browser';
import { send } from '@/utils/ui/client';
import { periodRange } from '@/utils/background/period';
import type { Catalog, CategoryId, Period, Profile } from '@/utils/model';
import type { StoreDump } from '@/utils/store/transfer';
import { EMPTY_PROFILE, LEDGER_MIME, ledgerFileName, ledgerRows, stampIdentity, toBackup, toCsv, type LedgerFilter, type PhaseState } from '@/utils/ledger';

export type ExportKind = keyof typeof LEDGER_MIME;

/** What the export form holds. `action`: '' any, NO_ACTION tags without one, else an action id. */
export interface ExportChoice {
  period: Period;
  action: string;
  category: CategoryId | '';
  phaseState: PhaseState;
}

export const NO_ACTION = '-';

/** What ledger/query answers: the store, the catalog and whose ledger it is (older backgrounds: no profile). */
export type LedgerDump = StoreDump & { catalog: Catalog; profile?: Profile };

export interface LedgerFile {
  name: string;
  blob: Blob;
  /** Tasks in the file. */
  count: number;
}

export function ledgerFilter(choice: ExportChoice, now: number): LedgerFilter {
  return {
    ...periodRange(choice.period, new Date(now)),
    ...(choice.action === '' ? {} : { action: choice.action === NO_ACTION ? null : choice.action }),
    ...(choice.category === '' ? {} : { category: choice.category }),
    phaseState: choice.phaseState,
  };
}

/**
 * CSV and Excel are the filtered 台账 table; JSON is the complete backup (all tasks, tags, events
 * and rules), because it is what import and merge restore.
 */
export async function buildLedgerFile(kind: ExportKind, dump: LedgerDump, choice: ExportChoice, now: number = Date.now()): Promise<LedgerFile> {
  const name = ledgerFileName(kind, now);
  const profile = dump.profile ?? EMPTY_PROFILE;
  if (kind === 'json') {
    const { catalog: _catalog, profile: _profile, ...records } = dump;
    // Every row names its person and branch, so a colleague's merge shows whose rows are whose.
    const details = stampIdentity(records.tags, records.details ?? [], profile, now);
    const text = await toBackup({ ...records, details }, { exportedAt: now, appVersion: browser.runtime.getManifest().version, profile });
    return { name, blob: new Blob([text], { type: LEDGER_MIME.json }), count: records.tags.length };
  }
  const rows = ledgerRows(dump, dump.catalog, ledgerFilter(choice, now), { profile, now });
  if (kind === 'csv') return { name, blob: new Blob([toCsv(rows)], { type: LEDGER_MIME.csv }), count: rows.length };
  const keys = new Set(rows.map((r) => r.taskKey));
  const { toXlsx } = await import('@/utils/ledger/xlsx');
  const bytes = await toXlsx(rows, dump.events.filter((e) => keys.has(e.taskKey)), dump.catalog);
  return { name, blob: new Blob([bytes as BlobPart], { type: LEDGER_MIME.xlsx }), count: rows.length };
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by then; a minute is ample even for a slow disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fetches the ledger, builds the file and downloads it; a JSON backup is recorded as such. */
export async function exportLedger(kind: ExportKind, choice: ExportChoice): Promise<LedgerFile> {
  const dump = await send<LedgerDump>({ type: 'ledger/query' });
  const file = await buildLedgerFile(kind, dump, choice);
  downloadBlob(file.blob, file.name);
  if (kind === 'json') await send({ type: 'ledger/exported' });
  return file;
}
