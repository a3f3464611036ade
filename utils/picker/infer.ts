// 标注本页任务: from ONE task title the user points at, infer the list root, the row selector and
// the title selector (a site's custom selectors, SelectorOverride), then read the page with them
// exactly as the content script will (customLists/extractRows, as detectLists does).
// A pick that can't be a task title (a header cell, a menu, something that repeats nowhere) gets
// a reason instead of a rule.
import { customLists, extractRows, type ExtractedRow } from '../adapters';
import type { SelectorOverride } from '../model';

export type PickProblem =
  /** A column header (th, role=columnheader, thead). */
  | 'header'
  /** A menu, tab bar or navigation link, or a list of short names that reads like one. */
  | 'nav'
  /** Nothing around the element repeats: no row structure. */
  | 'single'
  /** The inferred rule finds fewer than two rows (or misses the picked one). */
  | 'few'
  /** An element with no text (an icon, an empty cell). */
  | 'empty';

export type Inference =
  | { ok: true; selectors: SelectorOverride; rows: ExtractedRow[] }
  | { ok: false; problem: PickProblem };

const CELL = /^(td|th)$/;
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
const HEADER = 'th,thead,[role=columnheader],[role=rowheader]';
const NAV = 'nav,[role=navigation],[role=menu],[role=menubar],[role=menuitem],[role=tablist],[role=tab],[role=tree],[role=treeitem]';
/** Class words of menus and navigation (whole words of a class name split at - and _). */
const NAV_WORD = /^(nav|navs|navbar|navigation|menu|menus|menubar|submenu|sidebar|sidenav|breadcrumb|breadcrumbs|tabbar|pagination|pager)$/i;
/** State and zebra classes: they differ from row to row or come and go. */
const STATE_WORD = /^(odd|even|alt|active|current|selected|checked|hover|hovered|focus|focused|highlight|highlighted|open|opened|expanded|collapsed|disabled|striped|first|last|new|read|unread|is|has)$/i;
const FIELD_ATTRS = ['data-field', 'field', 'col-id', 'data-col', 'data-column', 'data-key', 'aria-colindex', 'headers', 'name'];
/** Titles of real tasks are sentences; a list of 2–6 character names is a menu or an address book. */
const SHORT_TITLE = 6;
const NAME_LENGTH = 3;
const MAX_DEPTH = 12;

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const esc = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, (c) => `\\${c}`));

/** A class or id a person or a framework wrote once, not one generated per build or per render. */
export function isStableName(name: string): boolean {
  if (!name || name.length > 40) return false;
  if (!/^[a-zA-Z][\w-]*$/.test(name)) return false;
  // css-1x2y3z, sc-bdfBwQ, jsx-123, _title_3kf9a, ember123, ext-gen12, el-id-1024-5, a hash tail.
  if (/^(css|sc|jsx|emotion|svelte|ember|ext-gen|el-id|ng-tns|v-)[-\d]/i.test(name)) return false;
  if (/\d{3,}/.test(name) || /[a-z]\d[a-z]/i.test(name)) return false;
  // Indexes a grid numbers its tables and columns with: el-table_1_column_3, laytable-cell-1-0-1.
  if ((name.match(/(^|[-_])\d+(?=[-_]|$)/g) ?? []).length >= 2) return false;
  if (/(^|[-_])[a-zA-Z0-9]{5,}$/.test(name) && /\d/.test(name) && /[A-Z]/.test(name)) return false;
  if (/__[a-zA-Z0-9]{5,}$/.test(name) && /\d/.test(name.slice(name.lastIndexOf('__')))) return false;
  return true;
}

function stableClasses(el: Element): string[] {
  return [...el.classList].filter((c) => isStableName(c) && !c.split(/[-_]+/).some((w) => STATE_WORD.test(w)));
}

function isNavByClass(el: Element): boolean {
  return [...el.classList].some((c) => c.split(/[-_]+/).some((w) => NAV_WORD.test(w)));
}

function isCell(el: Element): boolean {
  return CELL.test(el.localName) || CELL_ROLES.has(el.getAttribute('role') ?? '');
}

/** The element a person means by a title: its link if it is inside one, else the element itself. */
export function titleElementOf(target: Element): Element {
  const link = target.closest('a,[role=link]');
  if (link && !isCell(link)) return link;
  // A click beside the link in its cell means the link.
  const links = isCell(target) ? target.querySelectorAll('a') : [];
  return links.length === 1 ? links[0]! : target;
}

/** Inside a grid's header: th, thead, role=columnheader, or a container its classes call a header. */
function inHeader(el: Element): boolean {
  if (el.closest(HEADER)) return true;
  for (let a: Element | null = el, depth = 0; a && depth < 6; a = a.parentElement, depth++) {
    if ([...a.classList].some((c) => c.split(/[-_]+/).some((w) => /^(header|thead)$/i.test(w)))) return true;
  }
  return false;
}

/** One step of a selector: the tag and the element's stable classes. */
function step(el: Element, classes = stableClasses(el)): string {
  // Two classes say enough; more are often states that come and go.
  return el.localName + classes.slice(0, 2).map((c) => `.${esc(c)}`).join('');
}

/** Elements repeated beside `el` in its parent with the same tag, role and (if any) stable class. */
function similarSiblings(el: Element): Element[] {
  const parent = el.parentElement;
  if (!parent) return [el];
  const role = el.getAttribute('role');
  const classes = stableClasses(el);
  return [...parent.children].filter(
    (s) =>
      s.localName === el.localName &&
      s.getAttribute('role') === role &&
      (classes.length === 0 || classes.some((c) => s.classList.contains(c))),
  );
}

/** Rows are stacked, cells and menu bars are side by side: told apart where the page has layout. */
function sideBySide(rows: Element[]): boolean {
  const rects = rows.slice(0, 20).map((r) => r.getBoundingClientRect());
  if (rects.every((r) => r.width === 0 && r.height === 0)) return false; // no layout (tests): undecided
  const top = rects[0]!.top;
  return rects.every((r) => Math.abs(r.top - top) < 2) && rects.some((r) => Math.abs(r.left - rects[0]!.left) >= 2);
}

/** Candidate title selectors relative to the row, most general first. */
function titleCandidates(row: Element, title: Element): string[] {
  const path: Element[] = [];
  for (let el: Element | null = title; el && el !== row; el = el.parentElement) path.unshift(el);
  const out: string[] = [];
  for (const attr of FIELD_ATTRS) {
    const value = title.getAttribute(attr);
    if (value && /^[\w-]{1,40}$/.test(value)) out.push(`${title.localName}[${attr}="${esc(value)}"]`);
  }
  const own = stableClasses(title);
  if (own.length) out.push(step(title, own));
  // The nearest ancestor with a stable class or a field attribute, then the title below it.
  for (let i = path.length - 2; i >= 0; i--) {
    const el = path[i]!;
    const tail = path.slice(i + 1).map((e) => step(e)).join(' > ');
    const classes = stableClasses(el);
    if (classes.length) out.push(`${step(el, classes)} > ${tail}`);
    for (const attr of FIELD_ATTRS) {
      const value = el.getAttribute(attr);
      if (value && /^[\w-]{1,40}$/.test(value)) out.push(`${el.localName}[${attr}="${esc(value)}"] > ${tail}`);
    }
  }
  out.push(step(title));
  out.push(`:scope > ${path.map((e) => step(e)).join(' > ')}`);
  // Last resort, a column by its position among its kind (a headerless table of plain cells).
  const positional = path.map((e) => {
    const same = e.parentElement ? [...e.parentElement.children].filter((s) => s.localName === e.localName) : [e];
    return same.length > 1 ? `${step(e)}:nth-of-type(${same.indexOf(e) + 1})` : step(e);
  });
  out.push(`:scope > ${positional.join(' > ')}`);
  return [...new Set(out)];
}

/** A document-wide selector for the list's container: a stable id, or classes, climbing until it is
 * unique; positions among same-tag siblings only when two containers look alike. */
function rootSelector(root: Element): string {
  const doc = root.ownerDocument;
  const count = (selector: string) => {
    try {
      return doc.querySelectorAll(selector).length;
    } catch {
      return 0;
    }
  };
  const climb = (positional: boolean) => {
    let selector = '';
    for (let el: Element | null = root, depth = 0; el && depth < 6; el = el.parentElement, depth++) {
      const same = positional && el.parentElement ? [...el.parentElement.children].filter((s) => s.localName === el!.localName) : [];
      const part =
        el.id && isStableName(el.id) ? `#${esc(el.id)}` : el === doc.body ? 'body' : step(el) + (same.length > 1 ? `:nth-of-type(${same.indexOf(el) + 1})` : '');
      selector = selector ? `${part} > ${selector}` : part;
      if (part.startsWith('#') || el === doc.body) break;
      if (count(selector) === 1 && (positional || /[.#]/.test(selector) || depth >= 2)) break;
    }
    return selector;
  };
  const plain = climb(false);
  return count(plain) === 1 ? plain : climb(true);
}

function rowSelector(rows: Element[]): string {
  const first = rows[0]!;
  const common = stableClasses(first).filter((c) => rows.every((r) => r.classList.contains(c)));
  const role = first.getAttribute('role');
  return `:scope > ${step(first, common.slice(0, 1))}${role && rows.every((r) => r.getAttribute('role') === role) ? `[role="${esc(role)}"]` : ''}`;
}

function readWith(doc: Document, selectors: SelectorOverride): ExtractedRow[] {
  return customLists(doc, selectors).flatMap((m) => extractRows(m));
}

/** A repeated group that is a menu, a tab bar or a list of names: nav markup or classes around
 * it, or short texts (real task titles are sentences). */
function navLike(group: Element[]): boolean {
  const parent = group[0]!.parentElement;
  if (!parent) return false;
  if (parent.closest(NAV)) return true;
  for (let el: Element | null = parent, depth = 0; el && depth < 3; el = el.parentElement, depth++) if (isNavByClass(el)) return true;
  if (group.some(isNavByClass)) return true;
  const lengths = group.map((g) => textOf(g).length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)]! <= SHORT_TITLE;
}

function looksLikeNav(rows: ExtractedRow[], root: Element): boolean {
  if (root.closest(NAV)) return true;
  for (let el: Element | null = root, depth = 0; el && depth < 3; el = el.parentElement, depth++) if (isNavByClass(el)) return true;
  if (rows.some((r) => isNavByClass(r.row))) return true;
  // Names (2–3 characters) are an address book; short labels with nothing beside them, a menu. A
  // short workflow name with its date and sender (请假申请 · 张三 · 11-20) is a task.
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const titles = median(rows.map((r) => r.report.title.length));
  return titles <= NAME_LENGTH || (titles <= SHORT_TITLE && rows.every((r) => textOf(r.row) === r.report.title));
}

/** Infers the custom selectors of the list `target` is a task title of, and the rows they take. */
export function inferFromPick(target: Element): Inference {
  const title = titleElementOf(target);
  if (inHeader(title)) return { ok: false, problem: 'header' };
  if (title.closest(NAV)) return { ok: false, problem: 'nav' };
  if (!textOf(title) && !title.getAttribute('title')) return { ok: false, problem: 'empty' };
  const doc = title.ownerDocument;
  // The title itself repeats (a column of short links or labels): a menu, not a row of a list.
  const own = similarSiblings(title);
  if (!isCell(title) && own.length >= 2 && navLike(own)) return { ok: false, problem: 'nav' };
  let sawRepeat = false;
  let depth = 0;
  for (let row = title.parentElement; row && row !== doc.body && row !== doc.documentElement && depth < MAX_DEPTH; row = row.parentElement, depth++) {
    if (isCell(row)) continue;
    const siblings = similarSiblings(row);
    if (siblings.length < 2) continue;
    sawRepeat = true;
    if (navLike(siblings)) return { ok: false, problem: 'nav' };
    if (sideBySide(siblings)) continue;
    const selectors = chooseSelectors(row, title, siblings);
    if (!selectors) continue;
    const rows = readWith(doc, selectors);
    const picked = rows.find((r) => r.row === row);
    if (!picked || rows.length < 2) return { ok: false, problem: 'few' };
    if (looksLikeNav(rows, row.parentElement!)) return { ok: false, problem: 'nav' };
    return { ok: true, selectors, rows };
  }
  return { ok: false, problem: sawRepeat ? 'few' : 'single' };
}

/** The first title candidate that finds the picked title in its row and a title in other rows:
 * one that finds nothing else in the row if there is one, else one whose first match is it. */
function chooseSelectors(row: Element, title: Element, siblings: Element[]): SelectorOverride | null {
  const candidates = titleCandidates(row, title);
  for (const candidate of [...candidates.map((c) => [c, true] as const), ...candidates.map((c) => [c, false] as const)]) {
    const [selector, unique] = candidate;
    let hits = 0;
    try {
      if (row.querySelector(selector) !== title) continue;
      if (unique && row.querySelectorAll(selector).length !== 1) continue;
      for (const s of siblings) {
        const t = s.querySelector(selector);
        if (t && textOf(t)) hits++;
      }
    } catch {
      continue;
    }
    if (hits < 2) continue;
    const root = row.parentElement!;
    return { listRoot: rootSelector(root), row: rowSelector(siblings), title: selector };
  }
  return null;
}
