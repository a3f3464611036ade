// The workbook read back with a real unzip (fflate): prototype-named titles land in their cells,
// and the ledger sheet is set up for printing (A4 landscape, fit to width, header rows repeated).
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import { ledgerRows, TEMPLATE_COLUMNS } from '../../../utils/ledger';
import { LEDGER_SHEET, toXlsx } from '../../../utils/ledger/xlsx';
import { dump, event, tag, task, T0 } from './fixtures';

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

function read(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (name: string): string => {
    const f = files[name];
    if (!f) throw new Error(`no ${name}`);
    return strFromU8(f);
  };
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join('')));
  /** Every cell of a sheet as [reference, text]; shared-string indexes must be integers in range. */
  const cells = (path: string): Map<string, string> => {
    const out = new Map<string, string>();
    for (const c of text(path).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1] ?? '';
      if (/t="s"/.test(c[2]!)) {
        if (!/^\d+$/.test(v) || Number(v) >= shared.length) throw new Error(`cell ${c[1]} holds a broken shared-string index: ${v.slice(0, 60)}`);
        out.set(c[1]!, shared[Number(v)]!);
      } else out.set(c[1]!, unescape(v));
    }
    return out;
  };
  return { files, text, shared, cells };
}

describe('XLSX read back', () => {
  const d = dump({
    tasks: HOSTILE.map((title, i) => task(`k${i}`, { title })),
    tags: HOSTILE.map((_, i) => tag(`k${i}`, { taggedAt: T0 + i })),
    events: HOSTILE.map((_, i) => event(`k${i}`, T0 + i, { note: HOSTILE[i] })),
  });
  const rows = ledgerRows(d, DEFAULT_CATALOG, {}, { profile: { personName: 'constructor', department: '__proto__', branch: '第一支部', unit: '某局' } });

  it('keeps titles named like Object.prototype members intact, in both sheets', async () => {
    const book = read(await toXlsx(rows, d.events, DEFAULT_CATALOG, { tasks: d.tasks }));
    const ledger = book.cells('xl/worksheets/sheet1.xml');
    const taskCol = String.fromCharCode(65 + TEMPLATE_COLUMNS.findIndex((c) => c.id === 'task'));
    const ownerCol = String.fromCharCode(65 + TEMPLATE_COLUMNS.findIndex((c) => c.id === 'owner'));
    // Row 1 is the header; the rows follow in tagging order.
    HOSTILE.forEach((title, i) => {
      expect(ledger.get(`${taskCol}${i + 2}`)).toBe(title);
      expect(ledger.get(`${ownerCol}${i + 2}`)).toBe('constructor');
    });
    const log = [...book.cells('xl/worksheets/sheet2.xml').values()];
    for (const title of HOSTILE) expect(log.filter((v) => v === title).length).toBeGreaterThanOrEqual(2); // title and note
    expect(book.shared).toEqual(expect.arrayContaining(HOSTILE));
  });

  it('sets the ledger sheet for printing: A4 landscape, one page wide, the header row on every page', async () => {
    const book = read(await toXlsx(rows, d.events, DEFAULT_CATALOG, { tasks: d.tasks }));
    const sheet = book.text('xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<sheetPr[^>]*>\s*<pageSetUpPr fitToPage="1"\s*\/>\s*<\/sheetPr>/);
    // sheetPr is the worksheet's first child (the schema's order).
    expect(sheet.indexOf('<sheetPr')).toBeLessThan(sheet.indexOf('<sheetViews'));
    const setup = /<pageSetup ([^>]*)\/>/.exec(sheet)?.[1] ?? '';
    expect(setup).toMatch(/paperSize="9"/);
    expect(setup).toMatch(/orientation="landscape"/);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="0"/);
    // The page header names the ledger; the footer numbers the pages (第 &P 页 共 &N 页).
    expect(sheet).toMatch(/<pageSetup [^>]*\/><headerFooter><oddHeader>&amp;C&amp;14融合台账<\/oddHeader><oddFooter>&amp;L第 &amp;P 页 共 &amp;N 页<\/oddFooter><\/headerFooter>/);
    const workbook = book.text('xl/workbook.xml');
    const titles = /<definedName name="_xlnm\.Print_Titles" localSheetId="0">([^<]*)<\/definedName>/.exec(workbook);
    expect(titles?.[1]).toBe(`'${LEDGER_SHEET}'!$1:$1`);
    const area = /<definedName name="_xlnm\.Print_Area" localSheetId="0">([^<]*)<\/definedName>/.exec(workbook);
    const last = String.fromCharCode(64 + TEMPLATE_COLUMNS.length);
    expect(area?.[1]).toBe(`'${LEDGER_SHEET}'!$A$1:$${last}$${rows.length + 1}`);
    // definedNames sits between sheets and calcPr.
    expect(workbook.indexOf('<definedNames>')).toBeGreaterThan(workbook.indexOf('</sheets>'));
    // The event log is not restricted.
    expect(book.text('xl/worksheets/sheet2.xml')).not.toMatch(/fitToPage/);
  });
});
