import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import { LEDGER_COLUMNS, ledgerRows } from '../../../utils/ledger';
import { EVENT_COLUMNS, toXlsx } from '../../../utils/ledger/xlsx';
import { done, dump, event, phases, tag, task, T0 } from './fixtures';

/** A minimal ZIP reader (central directory + stored/deflated entries), enough for an XLSX. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const files = new Map<string, string>();
  const utf8 = new TextDecoder();
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('bad central directory');
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(dataStart, dataStart + compressed);
    files.set(name, utf8.decode(method === 8 ? inflateRawSync(raw) : raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&' : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

/** Rows of cell texts of one worksheet (shared, inline and plain strings). */
function sheetRows(files: Map<string, string>, path: string): string[][] {
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescapeXml([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  const xml = files.get(path);
  if (!xml) throw new Error(`no ${path}`);
  return [...xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells: string[] = [];
    for (const c of row[1]!.matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const inline = [...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('');
      const value = /t="s"/.test(attrs) ? (shared[Number(v)] ?? '') : unescapeXml(inline || v || '');
      // Empty cells may be left out: place each cell by its reference (A1, B1, …, AA1).
      const letters = /r="([A-Z]+)\d+"/.exec(attrs)?.[1];
      const col = letters ? [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : cells.length;
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    return cells;
  });
}

describe('toXlsx', () => {
  const d = dump({
    tasks: [task('a', { title: '关于做好防汛应急工作的通知 <&>' }), task('b', { title: '=HYPERLINK("x")\u0001' })],
    tags: [tag('a', { phases: phases({ plan: done(T0, '支委会研究') }) }), tag('b', { category: 'admin', action: null, taggedAt: T0 + 1 })],
    events: [
      event('a', T0),
      event('a', T0 + 1, { id: 'a|phase-done', type: 'phase-done', phase: 'plan', note: '支委会研究' }),
      event('z', T0 + 2, { id: 'z|imported', type: 'imported' }),
    ],
  });
  const rows = ledgerRows(d, DEFAULT_CATALOG, {});

  it('writes two sheets: the ledger and the event log, readable back', async () => {
    const bytes = await toXlsx(rows, d.events, DEFAULT_CATALOG, { tasks: d.tasks });
    expect(bytes[0]).toBe(0x50); // PK
    expect(bytes[1]).toBe(0x4b);
    const files = unzip(bytes);
    const workbook = files.get('xl/workbook.xml')!;
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => unescapeXml(m[1]!));
    expect(names).toEqual(['融合台账', '事件记录']);

    const ledger = sheetRows(files, 'xl/worksheets/sheet1.xml');
    expect(ledger).toHaveLength(1 + 2);
    expect(ledger[0]).toEqual(LEDGER_COLUMNS.map((c) => c.zh));
    const title = LEDGER_COLUMNS.findIndex((c) => c.id === 'title');
    expect(ledger[1]![title]).toBe('关于做好防汛应急工作的通知 <&>');
    expect(ledger[2]![title]).toBe('=HYPERLINK("x")'); // text, control character dropped
    expect(ledger[1]).toContain('应急与安全');
    expect(ledger[1]).toContain('2024-06-01 09:05');

    const sheet1 = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet1).not.toMatch(/<f>/); // no formulas anywhere
    expect(sheet1).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/); // frozen header row
    expect(sheet1).toMatch(/<col [^>]*width="48"/); // the title column's width
    expect(files.get('xl/styles.xml')).toMatch(/<b\s*\/>/); // a bold font for the header

    const log = sheetRows(files, 'xl/worksheets/sheet2.xml');
    expect(log).toHaveLength(1 + 3);
    expect(log[0]).toEqual(EVENT_COLUMNS.map((c) => c.zh));
    expect(log[1]).toEqual(['2024-06-01 09:05', 'a', '关于做好防汛应急工作的通知 <&>', '标注', '', '应急与安全', '党员突击队（急难险重打头阵）']);
    expect(log[2]!.slice(3, 5)).toEqual(['完成环节', '同谋划']);
    expect(log[2]![7]).toBe('支委会研究');
    expect(log[3]!.slice(1, 4)).toEqual(['z', '', '导入']);
  });

  it('writes an empty ledger with headers only', async () => {
    const files = unzip(await toXlsx([], [], DEFAULT_CATALOG));
    expect(sheetRows(files, 'xl/worksheets/sheet1.xml')).toHaveLength(1);
    expect(sheetRows(files, 'xl/worksheets/sheet2.xml')).toHaveLength(1);
  });
});
