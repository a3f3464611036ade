// Hostile titles through every ledger format: each leaves as it came in (CSV: with the ' that
// keeps a spreadsheet from running it), read back the way the file's user would read it.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import { LEDGER_COLUMNS, ledgerRows, neutralizeCell, parseBackup, TEMPLATE_COLUMNS, toBackup, toCsv } from '../../../utils/ledger';
import { toXlsx } from '../../../utils/ledger/xlsx';
import { dump, event, tag, task, T0 } from './fixtures';

const HOSTILE = [
  '<img src=x onerror="alert(1)">关于防汛工作的通知',
  '"><script>alert(document.domain)</script>',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '=1+1',
  '\u200b=HYPERLINK("http://x.invalid","点击")',
  '＝SUM(A1:A9)',
  '@cmd',
  '-2+3',
  '关于\u202e做好信访工作\u202c的通知',
  '关于"引号",逗号\r\n换行的通知',
  '𠀀𠀁 生僻字与表情 😀 的督办单',
  '关于&amp;实体&lt;b&gt;的通知',
];

/** RFC 4180, as Excel and WPS read it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

const xmlText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe('hostile titles in the ledger', () => {
  const d = dump({
    tasks: HOSTILE.map((title, i) => task(`h${i}`, { title })),
    tags: HOSTILE.map((_, i) => tag(`h${i}`, { taggedAt: T0 + i })),
    events: HOSTILE.map((_, i) => event(`h${i}`, T0 + i)),
  });
  const rows = ledgerRows(d, DEFAULT_CATALOG, {});

  it('CSV: every title in its cell, formulas shown as text', () => {
    const table = parseCsv(toCsv(rows));
    const col = LEDGER_COLUMNS.findIndex((c) => c.id === 'task');
    expect(table[0]![col]).toBe('业务工作任务');
    const cells = table.slice(1).map((r) => r[col]);
    expect(cells).toEqual(HOSTILE.map(neutralizeCell));
    for (const [i, title] of HOSTILE.entries()) {
      const cell = cells[i]!;
      // Nothing a spreadsheet would evaluate: it starts with ' or with no formula sign.
      expect(cell.startsWith("'") || !/^[\s\u200b-\u200f\u202a-\u202e\ufeff]*[=+\-@＝＋－＠]/.test(cell)).toBe(true);
      expect(cell.startsWith("'") ? cell.slice(1) : cell).toBe(title);
    }
  });

  it('XLSX: every title as a string cell holding exactly the title', async () => {
    const files = unzipSync(await toXlsx(rows, d.events, DEFAULT_CATALOG, { tasks: d.tasks }));
    const shared = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
      xmlText([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join('')),
    );
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toMatch(/<f>/); // no cell is a formula
    const col = String.fromCharCode(65 + TEMPLATE_COLUMNS.findIndex((c) => c.id === 'task'));
    for (const [i, title] of HOSTILE.entries()) {
      const cell = new RegExp(`<c r="${col}${i + 2}"([^>]*)>\\s*<v>(\\d+)</v>`).exec(sheet);
      expect(cell?.[1]).toMatch(/t="s"/);
      // XML can't hold a bare CR: the writer may store a CRLF as LF.
      expect(shared[Number(cell![2])]!.replace(/\r\n/g, '\n')).toBe(title.replace(/\r\n/g, '\n'));
    }
  });

  it('JSON backup: every title back byte for byte, and nothing polluted', async () => {
    const parsed = await parseBackup(await toBackup(d));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.dump.tasks.map((t) => t.title)).toEqual(HOSTILE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.dump.tasks[2])).toBe(Object.prototype);
  });
});
