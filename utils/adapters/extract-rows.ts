// One engine reads every adapter's rows: the adapter says where things are, this says how to
// read them. Header cells are mapped once per list; per row we only index cells and read text.
import type { RowReport, TaskFields } from '../model';
import type { Adapter, CompiledList } from './adapter-spec';
import { DATE_CELL, TRAILING_DATE, clip, text } from './dom-text';
import { ROW, cellsOf, scanId } from './grid';
import { cellKeyField, headerField, type ColumnField, type FieldName } from './header-map';
import { normalizeUrgency, titleUrgency } from './urgency';

export interface ExtractedRow {
  row: Element;
  /** Where the tag goes: the title link's parent, or the title cell. Always inside `row`. */
  titleCell: Element;
  report: RowReport;
}

export interface Columns {
  /** Per field, the columns that carry it, best first: an empty best cell falls back to the next. */
  fields: Array<readonly [FieldName, number[]]>;
  width: number;
  headerRow: Element | null;
}

type Fields = Partial<Record<FieldName, string>>;

const PLACEHOLDER = /^(合计|总计|小计|暂无|没有|无)(相关|任何|可显示的?)?(数据|记录|待办|内容|信息|事项|待阅)|^(no data|no records|loading|加载中|数据加载中|正在加载)/i;
const PAGER = /^(共\s*\d+\s*[条页项]|第\s*\d+\s*[页/]|首页|上一页|«)|上一页.*下一页/;
const ELLIPSIS = /(\.\.\.|…|\.\.)$/;
const CATEGORY = /^(协同|公文|收文|发文|签报|会议|表单|流程|通知|公告|督办|审批|任务|调查|报送|综合办公)/;
const PERSON = /^[\u4e00-\u9fa5·]{2,5}$/;
const MAX: Record<Exclude<FieldName, 'title' | 'urgency'>, number> = {
  workflow: 200, sender: 100, receivedAt: 40, deadline: 40, node: 100, docMark: 100,
};

export { cellsOf };

/** Column index → field, from header text or the grid's data keys; the best column per field wins. */
export function mapColumns(root: Element, list: CompiledList): Columns {
  let cells: Element[] = list.header ? Array.from(root.querySelectorAll(list.header)) : [];
  const skip = list.skip;
  if (skip) cells = cells.filter((c) => !c.matches(skip));
  let headerRow = cells[0]?.parentElement ?? null;
  if (!cells.length) {
    const first = root.querySelector('tr');
    const c = first ? cellsOf(first) : [];
    if (c.length > 1 && c.every((x) => x.localName === 'th')) {
      cells = c;
      headerRow = first;
    }
  }
  return columnsOf(cells, headerRow);
}

function columnsOf(cells: Element[], headerRow: Element | null): Columns {
  const found: Array<readonly [FieldName, number, number]> = [];
  let index = 0;
  for (const cell of cells) {
    const hit: ColumnField | null = cellKeyField(cell, true) ?? headerField(text(cell));
    if (hit) found.push([hit[0], hit[1], index]);
    index += Math.max(1, Number(cell.getAttribute('colspan')) || 1);
  }
  const byField = new Map<FieldName, number[]>();
  // A local array: sorting in place is fine (toSorted needs Chromium 110).
  // oxlint-disable-next-line unicorn/no-array-sort
  for (const [f, , i] of found.sort((a, b) => a[1] - b[1] || a[2] - b[2])) {
    const at = byField.get(f);
    if (at) at.push(i);
    else byField.set(f, [i]);
  }
  return { fields: [...byField], width: index, headerRow };
}

function titleOf(el: Element, link: Element | null): string {
  let t = text(el);
  const attr = (el.getAttribute('title') ?? link?.getAttribute('title') ?? '').trim();
  // Lists truncate long titles and keep the full one in a title attribute.
  if (attr && (!t || (ELLIPSIS.test(t) && attr.length >= t.length - 3))) t = attr;
  return clip(t, 500);
}

/** `sel` → its text, `sel@attr` / `@attr` → the attribute (of the row for `@attr`). */
function readValue(row: Element, source: string): string {
  const at = source.lastIndexOf('@');
  const sel = at < 0 ? source : source.slice(0, at);
  const el = sel ? row.querySelector(sel) : row;
  if (!el) return '';
  return at < 0 ? text(el) : (el.getAttribute(source.slice(at + 1)) ?? '').trim();
}

function nativeIdOf(row: Element, list: CompiledList): string | null {
  const ids = list.ids;
  if (!ids) return null;
  for (let k = 0; k < ids.length; k++) {
    const src = ids[k]!;
    const el = src.sel ? row.querySelector(src.sel) : row;
    const v = el ? (src.attr === '#text' ? text(el) : el.getAttribute(src.attr)) : null;
    if (!v) continue;
    const re = list.idRes[k];
    const id = re ? re.exec(v)?.[1] : v.trim();
    if (id) return clip(id, 128);
  }
  return null;
}

/** A navigable href: not a javascript: pseudo-link or an in-page anchor. */
const realHref = (h: string | null) => (h && !/^\s*(javascript:|#|$)/i.test(h) ? h : null);

function urlOf(link: Element | null, base: string): string | undefined {
  if (!link) return undefined;
  const href = realHref(link.getAttribute('href')) ?? realHref(link.getAttribute('data-href'));
  if (!href) return undefined;
  try {
    const u = new URL(href, base).href;
    return u.length <= 2000 ? u : undefined;
  } catch {
    return undefined;
  }
}

/** Cells with no header: a date is the received time, a known category word the type, a name the sender. */
function inferCells(cells: Element[], skipCell: Element | null, f: Fields): void {
  for (const c of cells) {
    if (c === skipCell || c.contains(skipCell)) continue;
    const t = text(c);
    if (!t || t.length > 30) continue;
    if (DATE_CELL.test(t)) {
      if (!f.receivedAt) f.receivedAt = t;
    } else if (CATEGORY.test(t)) f.workflow ??= t;
    else if (PERSON.test(t)) f.sender ??= t;
  }
}

/** A list's columns and candidate rows as this scan read them: a long list is read in slices. */
let read: [number, Element, CompiledList, Columns, ArrayLike<Element[] | Element>] | null = null;

/** The list's candidate rows, [from, to) of them when given (a long list is read in slices). */
export function extractList(adapter: Adapter, list: CompiledList, root: Element, from = 0, to = Infinity): ExtractedRow[] {
  const grid = list.grid?.(root);
  if (!read || read[0] !== scanId || read[1] !== root || read[2] !== list) {
    read = [scanId, root, list, grid ? columnsOf(grid.header, null) : mapColumns(root, list), grid ? grid.rows : root.querySelectorAll(list.row)];
  }
  const [, , , cols, units] = read;
  const titleCol = cols.fields.find(([f]) => f === 'title')?.[1][0] ?? -1;
  const headerless = cols.width === 0;
  const base = root.ownerDocument.baseURI;
  const out: ExtractedRow[] = [];
  // A grid's task spans its parts (units): the row is the part that holds the title cell.
  for (let r = from, end = Math.min(to, units.length); r < end; r++) {
    const unit = grid ? (units[r] as Element[]) : [units[r] as Element];
    const row = grid ? (unit[titleCol]?.closest(ROW) ?? root) : unit[0]!;
    if (row === cols.headerRow || (list.skip && row.matches(list.skip))) continue;
    if (row.hasAttribute('hidden') || /display:\s*none/i.test(row.getAttribute('style') ?? '')) continue;
    const cells = grid ? unit : cellsOf(row);
    if (cells.length && cells.every((c) => c.localName === 'th')) continue;
    // A lone spanning cell is a group header, an empty-list message or a pager.
    if (cells.length === 1 && Number(cells[0]!.getAttribute('colspan')) > 1) continue;

    let titleEl = list.title ? row.querySelector(list.title) : null;
    if (!titleEl && !list.strictTitle) {
      // Never "any link in the row": that would turn address books and menus into tasks.
      const c = titleCol >= 0 ? cells[titleCol] : undefined;
      if (c) titleEl = c.querySelector('a') ?? c;
    }
    if (!titleEl) continue;
    // Selector lists match in document order, so a title cell may come back before its link.
    const link = titleEl.localName === 'a' ? titleEl : (titleEl.closest('a') ?? titleEl.querySelector('a'));
    const inRowLink = link && row.contains(link) ? link : null;
    const title = titleOf(titleEl, inRowLink);
    if (!title || PLACEHOLDER.test(title) || PAGER.test(title)) continue;

    const anchor = inRowLink ?? titleEl;
    const parent = anchor.parentElement;
    const titleCell =
      /^(td|th|li)$/.test(anchor.localName) || anchor.getAttribute('role') === 'gridcell' || !parent || !row.contains(parent) ? anchor : parent;

    const f: Fields = {};
    if (list.fields) {
      for (const [name, src] of Object.entries(list.fields) as Array<[FieldName, string]>) {
        const v = readValue(row, src);
        if (v) f[name] = v;
      }
    }
    if (headerless) {
      for (const c of cells) {
        const hit = cellKeyField(c, false);
        if (hit && hit[0] !== 'title' && !f[hit[0]]) f[hit[0]] = text(c) || undefined;
      }
    } else {
      for (const [name, at] of cols.fields) {
        if (name === 'title' || f[name]) continue;
        for (const i of at) {
          const v = text(cells[i]);
          if (v) {
            f[name] = v;
            break;
          }
        }
      }
    }
    if (list.infer) {
      // Div rows (no td): their children are the cells.
      const own = cells.length ? cells : Array.from(row.children);
      const skipCell = cells.length ? titleEl.closest('td,th') : (own.find((c) => c.contains(titleEl)) ?? null);
      inferCells(own, skipCell, f);
    }
    if (!f.receivedAt && !cells.length) {
      const m = TRAILING_DATE.exec(text(row));
      if (m) f.receivedAt = m[1];
    }

    const fields: TaskFields = {};
    for (const k of Object.keys(MAX) as Array<keyof typeof MAX>) {
      const v = f[k];
      if (v) fields[k] = clip(v, MAX[k]);
    }
    const urgency = normalizeUrgency(f.urgency, adapter.urgency) ?? titleUrgency(title);
    if (urgency !== undefined) fields.urgency = urgency;

    const report: RowReport = { nativeId: nativeIdOf(row, list), title, fields };
    const url = urlOf(inRowLink, base);
    if (url) report.url = url;
    adapter.refine?.(report, row);
    out.push({ row, titleCell, report });
  }
  return out;
}
