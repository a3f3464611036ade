// The report's exports: the (branch) ledger of the period and filter, as XLSX (same columns as
// the printed ledger, set up for landscape printing) or CSV. The XLSX writer loads on first use.
import { downloadBlob } from '@/components/popup/export-ledger';
import { LEDGER_MIME, ledgerFileName } from '@/utils/ledger/files';
import { toCsv } from '@/utils/ledger/csv';
import type { LedgerRow } from '@/utils/ledger/ledger-rows';
import type { Catalog } from '@/utils/model';
import type { StoreDump } from '@/utils/store/transfer';

export async function exportBranchLedger(kind: 'xlsx' | 'csv', rows: LedgerRow[], dump: StoreDump & { catalog: Catalog }, keys: string[], now = Date.now()): Promise<{ name: string }> {
  const name = ledgerFileName(kind, now);
  if (kind === 'csv') {
    downloadBlob(new Blob([toCsv(rows)], { type: LEDGER_MIME.csv }), name);
    return { name };
  }
  const wanted = new Set(keys);
  const { toXlsx } = await import('@/utils/ledger/xlsx');
  const bytes = await toXlsx(rows, dump.events.filter((e) => wanted.has(e.taskKey)), dump.catalog, { tasks: dump.tasks });
  downloadBlob(new Blob([bytes as BlobPart], { type: LEDGER_MIME.xlsx }), name);
  return { name };
}
