import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import { CSV_BOM, LEDGER_COLUMNS, ledgerRows, neutralizeCell, toCsv, toCsvTable } from '../../../utils/ledger';
import { done, dump, phases, tag, task, T0 } from './fixtures';

/** A strict RFC 4180 parser (CRLF record ends, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}: ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  if (row.length) throw new Error('last record without CRLF');
  return rows;
}

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
/** What a spreadsheet may run as a formula: the characters above, also after blank or invisible ones. */
const FORMULA = /^[\t\r]|^[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]*[=+\-@＝＋－＠]/;
const col = (id: string): number => LEDGER_COLUMNS.findIndex((c) => c.id === id);

describe('toCsv', () => {
  const store = dump({
    tasks: [task('k1', { title: '关于"防汛"工作,的通知\r\n第二行' }), task('k2', { title: "=cmd|' /C calc'!A0", product: 'ecology9' })],
    tags: [
      tag('k1', { phases: phases({ plan: done(T0, '支委会研究') }), source: 'user' }),
      tag('k2', { category: 'admin', action: null, taggedAt: T0 + 1 }),
    ],
  });
  const csv = toCsv(ledgerRows(store, DEFAULT_CATALOG, {}));

  it('starts with a BOM, uses CRLF, and keeps a Chinese header', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(/(?<!\r)\n/.test(csv)).toBe(false); // every line end is CRLF
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(LEDGER_COLUMNS.map((c) => c.zh));
    expect(rows[0]).toContain('同谋划完成时间');
    expect(rows).toHaveLength(3);
  });

  it('round-trips quotes, commas and line breaks, and neutralises formulas', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[1]![col('title')]).toBe('关于"防汛"工作,的通知\r\n第二行');
    expect(rows[1]![col('product')]).toBe('致远 A8/G6');
    expect(rows[1]![col('category')]).toBe('应急与安全');
    expect(rows[1]![col('planAt')]).toBe('2024-06-01 09:05');
    expect(rows[1]![col('planNote')]).toBe('支委会研究');
    expect(rows[1]![col('source')]).toBe('人工');
    expect(rows[1]![col('urgency')]).toBe('急件');
    expect(rows[2]![col('title')]).toBe("'=cmd|' /C calc'!A0");
    expect(rows[2]![col('product')]).toBe('泛微 e-cology 9');
    expect(rows[2]![col('action')]).toBe('');
    expect(rows[2]![col('integrated')]).toBe('否');
  });

  it('neutralises every dangerous first character', () => {
    for (const c of DANGEROUS) expect(neutralizeCell(`${c}1+1`)).toBe(`'${c}1+1`);
    expect(neutralizeCell('1-1')).toBe('1-1');
    // After a zero-width, blank or other invisible character, and full-width.
    for (const v of ['\u200b=1+1', ' =1+1', '\u00a0+1', '\u3000-1', '\ufeff@SUM(A1)', '\u200e\u200b=HYPERLINK("x")', '＝1+1', '\u2060＋1']) {
      expect(neutralizeCell(v)).toBe(`'${v}`);
    }
    expect(neutralizeCell('\u200b公文 = 1')).toBe('\u200b公文 = 1');
  });

  it('property: parse(toCsv(x)) gives x back, with a leading quote only on dangerous cells', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), fc.constantFrom('=1+2', '"', ',', '\r\n', '\t', '-', '@x', '+', '\u200b=1+1', ' -2', '＝1'));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (header, rows) => {
        const width = header.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const text = toCsvTable(header, table);
        expect(text.startsWith(CSV_BOM)).toBe(true);
        const parsed = parseCsv(text.slice(1));
        const expected = [header, ...table].map((r) => r.map((c) => (FORMULA.test(c) ? `'${c}` : c)));
        expect(parsed).toEqual(expected);
        for (const r of parsed) for (const c of r) expect(FORMULA.test(c)).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
