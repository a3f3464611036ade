// The ledger as an Excel workbook: sheet 1 "融合台账" (the ledger rows), sheet 2 "事件记录"
// (the event log). Uses write-excel-file (write-only, zips with fflate). Import this module only
// from extension pages (popup/options), lazily: `const { toXlsx } = await import('…/ledger/xlsx')`.
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import type { Catalog, Event, Task } from '../model';
import { LEDGER_COLUMNS, rowCells } from './columns';
import type { LedgerRow } from './ledger-rows';
import { compareStrings, sortOwned } from './sort';
import { actionName, categoryName, EVENT_TYPE_NAMES, formatLocalTime, phaseName } from './labels';

export const LEDGER_SHEET = '融合台账';
export const EVENTS_SHEET = '事件记录';

export const EVENT_COLUMNS: readonly { zh: string; width: number }[] = [
  { zh: '时间', width: 18 },
  { zh: '任务编号', width: 30 },
  { zh: '任务标题', width: 44 },
  { zh: '类型', width: 10 },
  { zh: '环节', width: 10 },
  { zh: '业务类别', width: 14 },
  { zh: '党建动作', width: 30 },
  { zh: '备注', width: 36 },
];

/** Characters XML 1.0 cannot hold (they would make the workbook unreadable), and lone surrogates. */
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text cell. Cells are typed String, so nothing is ever evaluated as a formula. */
function text(value: string): Cell {
  return { value: value.replace(XML_INVALID, ''), type: String };
}

function header(labels: readonly string[]): Row {
  return labels.map((label) => ({
    value: label,
    type: String,
    fontWeight: 'bold' as const,
    backgroundColor: '#FCE4D6',
    bottomBorderStyle: 'thin' as const,
    alignVertical: 'center' as const,
  }));
}

export interface XlsxOptions {
  /** Task titles for the event sheet when the rows do not cover every event's task. */
  tasks?: readonly Task[];
}

/** The workbook's bytes. */
export async function toXlsx(rows: readonly LedgerRow[], events: readonly Event[], catalog: Catalog, options: XlsxOptions = {}): Promise<Uint8Array> {
  const titles = new Map<string, string>();
  for (const t of options.tasks ?? []) titles.set(t.key, t.title);
  for (const r of rows) if (r.title) titles.set(r.taskKey, r.title);

  const ledger: Sheet<Blob> = {
    sheet: LEDGER_SHEET,
    data: [header(LEDGER_COLUMNS.map((c) => c.zh)), ...rows.map((r) => rowCells(r).map(text))],
    columns: LEDGER_COLUMNS.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  };
  const sorted = sortOwned([...events], (a, b) => a.at - b.at || compareStrings(a.id, b.id));
  const log: Sheet<Blob> = {
    sheet: EVENTS_SHEET,
    data: [
      header(EVENT_COLUMNS.map((c) => c.zh)),
      ...sorted.map((e) =>
        [
          formatLocalTime(e.at),
          e.taskKey,
          titles.get(e.taskKey) ?? '',
          EVENT_TYPE_NAMES[e.type],
          phaseName(catalog, e.phase),
          categoryName(catalog, e.category),
          actionName(catalog, e.action),
          e.note ?? '',
        ].map(text),
      ),
    ],
    columns: EVENT_COLUMNS.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  };
  const blob = await writeXlsxFile([ledger, log]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
