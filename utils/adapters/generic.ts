// Fallback for OA products we have no adapter for (field guide §1.9). It must stay quiet on
// address books, news, menus, calendars and forms, so every claim needs two kinds of evidence:
// a task-shaped header (a title column plus a sender or time column; the header may sit in a
// sibling table, as in Element UI), or a 待办 heading above a list of links with dates (ul/li,
// table rows, or a div grid of alike rows).
import { compileList, type Adapter, type CompiledList } from './adapter-spec';
import { DATE_CELL, TRAILING_DATE, nearestHeading, text } from './dom-text';
import { ROW, cellsOf, gridRows, isHeaderRow } from './grid';
import { headerField, squash } from './header-map';

const TITLE_HEADER = /^(.{0,4}(标题|事项)|主题|事由|(事项|工作|任务|待办|流程|文件|公文|来文)名称)$/;
/** Columns that betray a directory, a news list, a download list, a schedule or an archive. */
const NOT_TASKS = /电话|手机|邮箱|e-?mail|职务|分机|发布|浏览|点击|阅读次数|阅读量|下载|地点|会议室|参加人|出席|归档|档号|保管期限|全宗/i;
const TODO_HEADING = /待办|待阅|待处理|待审批|待审核|待签收|待批|待我处理|我的事务/;
/** Headings of lists that look like work but are not: search results, archives, news, schedules. */
const NOT_TODO_HEADING = /检索|查询结果|搜索结果|档案|归档|新闻|公告|资讯|通讯录|日程|知识|文库|制度|规章/;
const ID_PARAM = '(?:requestid|affairid|fdid|run_id|workid|taskid|docid|id)';

const IDS = [
  { sel: 'a[href]', attr: 'href', re: `[?&#]${ID_PARAM}=([\\w.-]+)` },
  { sel: 'a[onclick]', attr: 'onclick', re: `${ID_PARAM}=([\\w.-]+)` },
];

const LISTS = {
  portalTable: compileList({ root: 'table', row: ':scope > tbody > tr, :scope > tr', title: 'a', ids: IDS, infer: true }),
  items: compileList({ root: 'ul, ol', row: ':scope > li', title: 'a', ids: IDS }),
  grid: { ...compileList({ root: '*', row: 'tr', ids: IDS }), grid: (root: Element) => gridRows(root, known) },
} satisfies Record<string, CompiledList>;

export const genericAdapter: Adapter = {
  spec: null,
  id: 'generic',
  product: '通用',
  priority: 0,
  urlRes: [],
  dom: [],
  urgency: undefined,
  lists: Object.values(LISTS),
};

const known = (t: string) => !!headerField(t);

function taskHeader(cells: Element[]): boolean {
  if (cells.length < 2) return false;
  let title = false;
  let other = false;
  for (const c of cells) {
    if (c.querySelector('input:not([type="checkbox"]), select, textarea')) return false;
    const raw = text(c);
    if (NOT_TASKS.test(raw) || /[:：]$/.test(raw)) return false; // form labels end with a colon
    const t = squash(raw);
    if (TITLE_HEADER.test(t)) title = true;
    const f = headerField(t)?.[0];
    if (f === 'sender' || f === 'receivedAt') other = true;
  }
  return title && other;
}

/** Share of items that have a link and end with (or have a cell that is) a date. */
function datedLinks(items: ArrayLike<Element>, cells: boolean): boolean {
  let ok = 0;
  for (const it of Array.from(items)) {
    if (!it.querySelector('a')) continue;
    if (cells ? cellsOf(it).some((c) => DATE_CELL.test(text(c))) : TRAILING_DATE.test(text(it))) ok++;
  }
  return ok > 0 && ok >= items.length * 0.6;
}

/** A heading that names something other than work waiting for the user. */
const notTodo = (el: Element) => {
  const h = nearestHeading(el);
  return NOT_TODO_HEADING.test(h) && !TODO_HEADING.test(h);
};

const sig = (el: Element) => `${el.localName}.${el.getAttribute('class') ?? ''}`;
const NOT_ROW = /^(a|td|th|tr|li|ul|ol|table|tbody|thead|body|html|button|label|span|b|i|em|strong|font)$/;

/** Div grids (`div.row > div.cell`, cards): containers of ≥ 2 alike children, found from their links. */
function divGrids(doc: Document): Element[] {
  const grids = new Set<Element>();
  for (const a of doc.querySelectorAll('a')) {
    let row: Element | null = a.parentElement;
    for (let depth = 0; row && depth < 3; depth++, row = row.parentElement) {
      if (row.localName === 'td' || row.localName === 'li' || row.localName === 'body') break;
      const parent = row.parentElement;
      if (!parent || NOT_ROW.test(row.localName) || NOT_ROW.test(parent.localName)) continue;
      const s = sig(row);
      const sib = row.previousElementSibling ?? row.nextElementSibling;
      if (sib && sig(sib) === s) {
        grids.add(parent);
        break;
      }
    }
  }
  return [...grids];
}

/** Rows of a div grid: the children that share the most common signature. */
function alikeRows(grid: Element): Element[] {
  const bySig = new Map<string, Element[]>();
  for (const c of grid.children) {
    const k = sig(c);
    const at = bySig.get(k);
    if (at) at.push(c);
    else bySig.set(k, [c]);
  }
  let best: Element[] = [];
  for (const rows of bySig.values()) if (rows.length > best.length) best = rows;
  return best;
}

/** A div row with a link and a date: in one of its cells, or at its end. */
function datedRow(row: Element): boolean {
  if (!row.querySelector('a')) return false;
  for (const c of row.children) if (DATE_CELL.test(text(c))) return true;
  return TRAILING_DATE.test(text(row));
}

// (<ronghe-panel> keeps everything in its shadow root: these light-DOM queries never reach it.)
type Found = { root: Element; list: CompiledList; rule: string };

/** Each list with the rule that found it (diagnostics). */
export function findGenericLists(doc: Document): Found[] {
  const found: Found[] = [];
  // Grids, from each header row: the header's own table, or (header apart from the body, in its
  // own table, a tbody row or divs; rows split across frozen and scrolling parts) the nearest
  // element that also holds body rows.
  const roots = new Set<Element>();
  const firsts = new Set<string>();
  for (const cell of doc.querySelectorAll('thead>tr:last-child>*,tr:first-child>*,[role=columnheader]')) {
    const row = cell.closest(ROW);
    // A header inside a grid already read (a fixed copy's) adds nothing.
    if (!row || cell !== cellsOf(row)[0] || [...roots].some((r) => r.contains(row)) || !isHeaderRow(row, known)) continue;
    // Up to the first element with body rows, and at most two more when its header alone lacks
    // the sender or time column (EasyUI's frozen half).
    let el: Element | null = row.closest('table') ?? row;
    for (let depth = 0, tries = 0; el && depth < 8 && tries < 3; depth++, el = el.parentElement) {
      const grid = gridRows(el, known);
      if (grid) tries++;
      if (!grid || !taskHeader(grid.header)) continue;
      // A whole copy of a grid found beside it (vxe-table's fixed columns in Firefox) starts with
      // the same row.
      const first = '' + grid.rows[0]!.map(text);
      if (!notTodo(el) && !firsts.has(first)) found.push({ root: el, list: LISTS.grid, rule: 'grid:' + grid.how });
      firsts.add(first);
      roots.add(el);
      break;
    }
  }
  for (const table of doc.querySelectorAll('table')) {
    if (roots.has(table) || table.querySelector(':scope > thead')) continue;
    if (datedLinks(table.querySelectorAll(':scope > tbody > tr'), true) && TODO_HEADING.test(nearestHeading(table))) {
      found.push({ root: table, list: LISTS.portalTable, rule: 'table:todo' });
    }
  }
  for (const list of doc.querySelectorAll('ul, ol')) {
    const items = list.querySelectorAll(':scope > li');
    if (items.length && datedLinks(items, false) && TODO_HEADING.test(nearestHeading(list))) {
      found.push({ root: list, list: LISTS.items, rule: 'list:todo' });
    }
  }
  for (const grid of divGrids(doc)) {
    const rows = alikeRows(grid);
    let dated = 0;
    for (const r of rows) if (datedRow(r)) dated++;
    if (rows.length < 2 || dated < rows.length * 0.6 || !TODO_HEADING.test(nearestHeading(grid))) continue;
    const cls = rows[0]!.getAttribute('class')?.trim().split(/\s+/)[0];
    const row = `:scope > ${rows[0]!.localName}${cls ? `.${CSS.escape(cls)}` : ''}`;
    found.push({ root: grid, list: compileList({ root: '*', row, title: 'a', strictTitle: true, ids: IDS, infer: true }), rule: 'div:rows' });
  }
  // A layout table around a claimed list is not itself a list. (Fixed-column copies mostly sit in
  // their grid's root, where gridRows tells them by content.)
  return found.filter((a) => !found.some((b) => b !== a && a.root.contains(b.root)));
}
