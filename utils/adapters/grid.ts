// A grid read from its structure, whatever library drew it: header cells wherever they are (a
// separate table, a tbody header row, role=columnheader divs), body rows in one or more parts
// (frozen and scrolling tables, pinned containers) joined by position into one task each, and
// fixed-column copies told apart by content (their cells repeat another part's), not by class.
import { text } from './dom-text';

/** One task's cells, in header order, across the grid's parts. */
export type GridRows = { header: Element[]; rows: Element[][]; how: string };

export const ROW = 'tr,[role=row]';
/** gridcell, cell, columnheader, rowheader. */
const DIV_CELLS = '[role$=cell],[role$=header]';

/** A row's cells: td/th children, or the ARIA cells of a div row (nested in pinned wrappers). */
export function cellsOf(row: Element): Element[] {
  // A table row's own cells, in one call (the isolated world pays for every element it touches).
  if (row.localName === 'tr') return Array.from((row as HTMLTableRowElement).cells);
  const out: Element[] = [];
  for (const c of row.children) if (c.localName === 'td' || c.localName === 'th') out.push(c);
  return out.length ? out : Array.from(row.querySelectorAll(DIV_CELLS));
}

/**
 * A header row: in a thead, of th or columnheader cells, or a table's first row of short link-free
 * labels that name task fields (two, or one when the row is alone: EasyUI's header tables).
 */
export function isHeaderRow(row: Element, known: (t: string) => boolean): boolean {
  if (row.closest('thead') || row.querySelector('[role=columnheader]')) return true;
  const cells = cellsOf(row);
  if (!cells.length) return false;
  if (cells.every((c) => c.localName === 'th')) return true;
  // Cheap for the other rows of a 1,000-row list: they have a previous sibling.
  if (row.previousElementSibling || row.querySelector('a')) return false;
  let hits = 0;
  for (const c of cells) {
    const t = text(c);
    if (t.length > 12) return false;
    if (t && known(t)) hits++;
  }
  return hits > (row.nextElementSibling ? 1 : 0);
}

/** The texts of a row's filled cells. */
export const filled = (row: Element): string[] => cellsOf(row).map(text).filter(Boolean);

let last: [Element, GridRows | null] | null = null;

/** Bumped by each scan: what a scan read of a list is kept until the next one (extract-rows.ts). */
export let scanId = 0;

/** Forget the grid read last: a new scan starts (detectLists calls this). */
export const newScan = () => ((last = null), scanId++);

/**
 * The rows of the grid under `root`, parts joined; null when it has no header or no body. A scan
 * detects a grid and then reads it: the answer is kept until the next scan.
 */
export function gridRows(root: Element, known: (t: string) => boolean): GridRows | null {
  if (last?.[0] !== root) last = [root, readGrid(root, known)];
  return last[1];
}

function readGrid(root: Element, known: (t: string) => boolean): GridRows | null {
  const heads: Element[] = [];
  const parts = new Map<Element, Element[]>();
  for (const row of root.querySelectorAll(ROW)) {
    if (isHeaderRow(row, known)) {
      heads.push(row);
      continue;
    }
    if (row.closest('tfoot') || !cellsOf(row).length || !row.textContent!.trim()) continue;
    const part = row.localName === 'tr' ? row.closest('table')! : row.parentElement!;
    const at = parts.get(part);
    if (at) at.push(row);
    else parts.set(part, [row]);
  }
  if (!heads.length || !parts.size) return null;
  // The main part has the most rows (then the most filled cells); parts with another row count
  // are other things (a footer, a summary table); a part whose cells all repeat a kept part's is
  // a fixed-column copy.
  const sorted = [...parts].sort((a, b) => b[1].length - a[1].length || filled(b[1][0]!).length - filled(a[1][0]!).length);
  const n = sorted[0]![1].length;
  const seen: string[] = [];
  const kept = sorted.filter(([, r]) => {
    const cells = filled(r[0]!);
    if (r.length !== n || cells.every((t) => seen.includes(t))) return false;
    seen.push(...cells);
    return true;
  });
  // Each part reads its nearest preceding header; header and row cells follow the same part order.
  const header: Element[] = [];
  for (const [part] of kept) {
    let h: Element | undefined;
    for (const r of heads) if (r.compareDocumentPosition(part) & 4) h = r;
    header.push(...cellsOf(h ?? heads[0]!));
  }
  const rows: Element[][] = [];
  for (let i = 0; i < n; i++) rows.push(kept.flatMap(([, r]) => cellsOf(r[i]!)));
  // Diagnostics: how many parts a row is split across, and the header row's element (tr, div):
  // '1tr' one table, '2tr' frozen and scrolling tables, '1div' a div grid with ARIA roles.
  return { header, rows, how: kept.length + heads[0]!.localName };
}
