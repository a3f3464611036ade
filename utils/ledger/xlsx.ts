// The ledger as an Excel workbook: sheet 1 "融合台账" (the ledger rows), sheet 2 "事件记录"
// (the event log). Uses write-excel-file (write-only, zips with fflate; patched in
// patches/write-excel-file+4.1.1.patch so strings like "__proto__" keep their cells). Import this
// module only from extension pages, lazily: `const { toXlsx } = await import('…/ledger/xlsx')`.
// The ledger sheet is set up for printing as 台账 are handed in: A4 landscape, one page wide, the
// header row repeated on every page (Print_Titles), the print area the template's columns.
import writeXlsxFile, { type Cell, type Feature, type Row, type Sheet } from 'write-excel-file/universal';
import type { Catalog, Event, Task } from '../model';
import { LEDGER_COLUMNS, rowCells, TEMPLATE_COLUMNS } from './columns';
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

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * write-excel-file's own extension point (a "feature"): on the first sheet, fit to one page wide
 * (sheetPr/pageSetUpPr fitToPage + pageSetup fitToWidth=1 fitToHeight=0, paper A4 and landscape
 * come from the sheet's `orientation`); in the workbook, the header row as Print_Titles and the
 * template columns as Print_Area.
 */
function printSetup(sheetName: string, rowCount: number, columnCount: number): Feature<Blob> {
  const area = `${quoteSheet(sheetName)}!$A$1:$${columnLetters(columnCount - 1)}$${Math.max(rowCount, 1)}`;
  const names =
    `<definedName name="_xlnm.Print_Area" localSheetId="0">${escapeXml(area)}</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(`${quoteSheet(sheetName)}!$1:$1`)}</definedName>`;
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transformElementAttributes(tagName, attributes, _index, _options, properties) {
            if (tagName !== 'pageSetup' || properties.sheetIndex !== 0) return attributes;
            return { ...attributes, fitToWidth: 1, fitToHeight: 0 };
          },
          transform(content, _options, properties) {
            if (properties.sheetIndex !== 0 || content.includes('<sheetPr')) return content;
            // sheetPr must be the worksheet's first child; headerFooter follows pageSetup. The page
            // header names the ledger; the footer numbers the pages on the left, as landscape
            // tables are numbered.
            return content
              .replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
              .replace(/(<pageSetup\b[^>]*\/>)/, `$1<headerFooter><oddHeader>${escapeXml(`&C&14${sheetName}`)}</oddHeader><oddFooter>${escapeXml('&L第 &P 页 共 &N 页')}</oddFooter></headerFooter>`);
          },
        },
        'xl/workbook.xml': {
          transform(content) {
            if (content.includes('<definedNames/>')) return content.replace('<definedNames/>', `<definedNames>${names}</definedNames>`);
            if (content.includes('<definedNames>')) return content.replace('<definedNames>', `<definedNames>${names}`);
            return content.replace('<calcPr', `<definedNames>${names}</definedNames><calcPr`);
          },
        },
      },
    },
  };
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
    orientation: 'landscape',
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
  const blob = await writeXlsxFile([ledger, log], { features: [printSetup(LEDGER_SHEET, rows.length + 1, TEMPLATE_COLUMNS.length)] }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
