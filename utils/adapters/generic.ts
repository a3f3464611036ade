// Fallback for OA products we have no adapter for (field guide §1.9). It must stay quiet on
// address books, news, menus, calendars and forms, so every claim needs two kinds of evidence:
// a task-shaped header (a title column plus a sender or time column), or a 待办 heading above
// a list of links with dates.
import { compileList, type Adapter, type CompiledList } from './adapter-spec';
import { DATE_CELL, TRAILING_DATE, nearestHeading, text } from './dom-text';
import { cellsOf } from './extract-rows';
import { headerField } from './header-map';

const TITLE_HEADER = /^(标题|主题|事项|文件标题|请求标题|流程标题|公文标题|事项标题|事项名称|工作名称|来文标题|文件名称)$/;
/** Columns that betray a directory, a news list or a download list rather than tasks. */
const NOT_TASKS = /电话|手机|邮箱|e-?mail|职务|分机|发布|浏览|点击|阅读次数|阅读量|下载/i;
const TODO_HEADING = /待办|待阅|待处理|待审批|待审核|待签收|待批|待我处理|我的事务/;
const ID_PARAM = '(?:requestid|affairid|fdid|run_id|workid|taskid|docid|id)';

const IDS = [
  { sel: 'a[href]', attr: 'href', re: `[?&#]${ID_PARAM}=([\\w.-]+)` },
  { sel: 'a[onclick]', attr: 'onclick', re: `${ID_PARAM}=([\\w.-]+)` },
];

const LISTS = {
  thead: compileList({ root: 'table', header: ':scope > thead > tr:last-child > *', row: ':scope > tbody > tr', ids: IDS }),
  firstRow: compileList({
    root: 'table',
    header: ':scope > tbody:first-of-type > tr:first-child > *, :scope > tr:first-child > *',
    row: ':scope > tbody > tr, :scope > tr',
    ids: IDS,
  }),
  portalTable: compileList({ root: 'table', row: ':scope > tbody > tr, :scope > tr', title: 'a', ids: IDS, infer: true }),
  items: compileList({ root: 'ul, ol', row: ':scope > li', title: 'a', ids: IDS }),
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

const squash = (s: string) => s.replace(/[\s\u00a0*：:]+/g, '');

function taskHeader(cells: Element[]): boolean {
  if (cells.length < 2 || cells.length > 30) return false;
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

export function findGenericLists(doc: Document): Array<{ root: Element; list: CompiledList }> {
  const found: Array<{ root: Element; list: CompiledList }> = [];
  for (const table of doc.querySelectorAll('table')) {
    if (table.closest('ronghe-panel')) continue;
    const head = table.querySelector(':scope > thead > tr:last-child');
    const first = head ?? table.querySelector(':scope > tbody:first-of-type > tr:first-child, :scope > tr:first-child');
    if (first && taskHeader(cellsOf(first))) {
      found.push({ root: table, list: head ? LISTS.thead : LISTS.firstRow });
    } else if (!head && datedLinks(table.querySelectorAll(':scope > tbody > tr'), true) && TODO_HEADING.test(nearestHeading(table))) {
      found.push({ root: table, list: LISTS.portalTable });
    }
  }
  for (const list of doc.querySelectorAll('ul, ol')) {
    const items = list.querySelectorAll(':scope > li');
    if (items.length && datedLinks(items, false) && TODO_HEADING.test(nearestHeading(list))) {
      found.push({ root: list, list: LISTS.items });
    }
  }
  // A layout table around a claimed list is not itself a list.
  return found.filter((a) => !found.some((b) => b !== a && a.root.contains(b.root)));
}
