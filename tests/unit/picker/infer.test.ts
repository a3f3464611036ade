// @vitest-environment happy-dom
// 标注本页任务: the rule inferred from one picked title, on markup the real grid libraries rendered
// (tests/fixtures/grids-saved), on hand-made layouts no adapter knows, and on wrong picks.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLists, extractRows } from '../../../utils/adapters';
import { inferFromPick, isStableName } from '../../../utils/picker/infer';
import { validateSelectors, draftOf } from '../../../components/options/custom-selectors';
import { parsePage } from '../adapters/fixtures';

const ROOT = resolve(__dirname, '../../fixtures');
const ORIGIN = 'http://127.0.0.1:8080';
interface GridPage { lib: string; url: string; saved: string; count: number | 'rows'; rows?: string; tasks: Array<{ title: string }> }
const GRIDS: { pages: GridPage[] } = JSON.parse(readFileSync(join(ROOT, 'grids/expected.json'), 'utf8'));

/** The innermost element whose own text is `text` (what a person clicks on). */
function elementWithText(doc: Document, text: string): Element {
  const all = [...doc.body.querySelectorAll('*')].filter((e) => (e.textContent ?? '').trim() === text);
  const inner = all.filter((e) => !all.some((o) => o !== e && e.contains(o)));
  if (!inner.length) throw new Error(`no element says ${text}`);
  return inner[0]!;
}

const page = (body: string, url = `${ORIGIN}/oa/list`) => parsePage(`<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`, url);

/** The rule as the content script will read it from the site's saved selectors. */
function readBack(doc: Document, selectors: object) {
  return detectLists(doc, new URL(doc.location.href), { selectors: selectors as never }).flatMap((m) => extractRows(m));
}

const POSITIVE = GRIDS.pages.filter((g) => typeof g.count === 'number' && g.count > 0);

describe('a pick on markup the grid libraries really render', () => {
  it.each(POSITIVE)('$saved: one title → every task row once, a rule options accepts', (grid) => {
    const doc = parsePage(readFileSync(join(ROOT, 'grids-saved', grid.saved), 'utf8'), ORIGIN + grid.url);
    // The first task on screen (the page holds more than its first page shows).
    const shown = grid.tasks.find((task) => doc.body.textContent!.includes(task.title))!;
    const result = inferFromPick(elementWithText(doc, shown.title));
    if (!result.ok) throw new Error(`${grid.saved}: ${result.problem}`);
    const titles = result.rows.map((r) => r.report.title);
    expect(titles).toHaveLength(grid.count as number);
    expect(new Set(titles).size).toBe(titles.length);
    for (const t of titles) expect(grid.tasks.some((task) => task.title === t), t).toBe(true);
    // Saved as options would save it, and read back the same way by the content script.
    const valid = validateSelectors(draftOf(result.selectors));
    expect(valid.ok).toBe(true);
    expect(readBack(doc, result.selectors).map((r) => r.report.title)).toEqual(titles);
    expect(JSON.stringify(result.selectors)).not.toMatch(/nth-child/);
  });
});

const TITLES = ['关于报送2026年度部门预算编制情况的通知', '关于开展安全生产大检查的紧急通知', '市政府办公室关于防汛抗旱工作的督办函', '关于征求十五五规划意见的函'];

describe('layouts no adapter knows', () => {
  it('a div list with generated class names', () => {
    const items = TITLES.map(
      (t, i) => `<div class="todo-item css-1x8fa2 ${i % 2 ? 'is-odd' : ''}"><span class="todo-time">2026-11-2${i}</span><div class="todo-main"><span class="todo-subject">${t}</span><em>张三</em></div></div>`,
    ).join('');
    const doc = page(`<header><h1>协同办公</h1></header><section id="todoBox"><h2>我的待办</h2><div class="todo-list">${items}</div></section>`);
    const result = inferFromPick(elementWithText(doc, TITLES[1]!));
    expect(result.ok && result.selectors).toEqual({ listRoot: 'div.todo-list', row: ':scope > div.todo-item', title: 'span.todo-subject' });
    expect(result.ok && result.rows.map((r) => r.report.title)).toEqual(TITLES);
  });

  it('a ul/li list of links, picked on the link', () => {
    const items = TITLES.map((t, i) => `<li><a href="/flow/view?id=${i + 7}">${t}</a><span>2026-11-0${i + 1}</span></li>`).join('');
    const doc = page(`<div class="box"><ul>${items}</ul></div><div class="box"><ul><li><a href="/a">机构设置</a></li></ul></div>`);
    const result = inferFromPick(elementWithText(doc, TITLES[0]!));
    if (!result.ok) throw new Error(result.problem);
    expect(result.selectors.title).toBe('a');
    expect(result.rows.map((r) => r.report.title)).toEqual(TITLES);
    expect(readBack(doc, result.selectors)).toHaveLength(4);
  });

  it('a table without a header, the title in a plain cell (no link, no class)', () => {
    const rows = TITLES.map((t, i) => `<tr><td>${i + 1}</td><td>${t}</td><td>办公室</td><td>2026-11-1${i}</td></tr>`).join('');
    const doc = page(`<table id="list"><tbody>${rows}</tbody></table>`);
    const result = inferFromPick(elementWithText(doc, TITLES[2]!));
    if (!result.ok) throw new Error(result.problem);
    expect(result.selectors.listRoot).toBe('#list > tbody');
    expect(result.selectors.row).toBe(':scope > tr');
    expect(result.rows.map((r) => r.report.title)).toEqual(TITLES);
    expect(result.selectors.title).not.toMatch(/nth-child/);
  });

  it('prefers a stable id and a field attribute over positions', () => {
    const rows = TITLES.map((t) => `<div class="r"><div class="c" data-field="no">1</div><div class="c" data-field="subject">${t}</div></div>`).join('');
    const doc = page(`<div id="grid_8f3a9c21d"><div class="body" id="mainList">${rows}</div></div>`);
    const result = inferFromPick(elementWithText(doc, TITLES[3]!));
    expect(result.ok && result.selectors).toEqual({ listRoot: '#mainList', row: ':scope > div.r', title: 'div[data-field="subject"]' });
  });
});

describe('wrong picks get a reason, not a rule', () => {
  const table = `<table class="grid"><thead><tr><th>序号</th><th><span>标题</span></th></tr></thead><tbody>${TITLES.map((t, i) => `<tr><td>${i}</td><td><a href="/d?id=${i}">${t}</a></td></tr>`).join('')}</tbody></table>`;

  it('a header cell', () => {
    expect(inferFromPick(elementWithText(page(table), '标题'))).toEqual({ ok: false, problem: 'header' });
  });

  it('a div grid header (role=columnheader)', () => {
    const doc = page(`<div role="grid"><div role="row"><div role="columnheader">标题</div></div></div>`);
    expect(inferFromPick(elementWithText(doc, '标题'))).toEqual({ ok: false, problem: 'header' });
  });

  it('a menu item', () => {
    const doc = page(`<nav><ul><li><a href="/1">待办事宜</a></li><li><a href="/2">已办事宜</a></li><li><a href="/3">公文管理</a></li></ul></nav>${table}`);
    expect(inferFromPick(elementWithText(doc, '已办事宜'))).toEqual({ ok: false, problem: 'nav' });
  });

  it('a side menu made of divs with menu classes', () => {
    const doc = page(`<div class="side-menu">${['收文管理系统首页', '发文管理系统首页', '会议管理系统首页'].map((t) => `<div class="item"><a href="#">${t}</a></div>`).join('')}</div>`);
    expect(inferFromPick(elementWithText(doc, '发文管理系统首页'))).toEqual({ ok: false, problem: 'nav' });
  });

  it('a list of short names reads like navigation', () => {
    const doc = page(`<div class="links">${['首页', '通知', '公文', '会议'].map((t) => `<p><a href="#">${t}</a></p>`).join('')}</div>`);
    expect(inferFromPick(elementWithText(doc, '公文'))).toEqual({ ok: false, problem: 'nav' });
  });

  it('short workflow names with a date and a sender are tasks, not a menu', () => {
    const doc = page(`<table id="t"><tbody>${['请假申请', '用印申请', '公车申请'].map((t, i) => `<tr><td><a href="/f?id=${i}">${t}</a></td><td>张三</td><td>2026-11-2${i}</td></tr>`).join('')}</tbody></table>`);
    const result = inferFromPick(elementWithText(doc, '用印申请'));
    expect(result.ok && result.rows.map((r) => r.report.title)).toEqual(['请假申请', '用印申请', '公车申请']);
  });

  it('an element that repeats nowhere', () => {
    const doc = page(`<div class="banner"><h2><span>欢迎使用协同办公平台</span></h2></div>`);
    expect(inferFromPick(elementWithText(doc, '欢迎使用协同办公平台'))).toEqual({ ok: false, problem: 'single' });
  });

  it('a repeated block with only one title in it (fewer than two rows)', () => {
    const doc = page(`<div class="cards"><div class="card"><p class="t">关于开展安全生产大检查的紧急通知</p></div><div class="card"><img alt=""></div></div>`);
    expect(inferFromPick(elementWithText(doc, '关于开展安全生产大检查的紧急通知'))).toEqual({ ok: false, problem: 'few' });
  });

  it('an icon with no text', () => {
    const doc = page(`<ul>${TITLES.map((t) => `<li><i class="icon"></i><a href="#">${t}</a></li>`).join('')}</ul>`);
    expect(inferFromPick(doc.querySelector('i')!)).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('stable names', () => {
  it.each(['todo-item', 'el-table__row', 'ag-row', 'grid', 'layui-table-body'])('%s is stable', (n) => expect(isStableName(n)).toBe(true));
  it.each(['css-1x8fa2', 'sc-bdfBwQ', 'el-id-1024-5', 'ext-gen123', 'grid_8f3a9c21d', 'Title_title__3kF9a', '9col', 'el-table_1_column_3', 'laytable-cell-1-0-1'])('%s is generated', (n) => expect(isStableName(n)).toBe(false));
});

describe('the browser test pages (tests/fixtures/picker): missed by every rule, taught by one pick', () => {
  const load = (name: string) => parsePage(readFileSync(join(ROOT, 'picker', name), 'utf8'), `${ORIGIN}/picker/${name}`);

  it.each([
    ['cards.html', '市政府办公室关于防汛抗旱工作的督办函', 5],
    ['frame-list.html', '城东片区棚户区改造项目建设进度报告', 4],
  ] as const)('%s', (name, title, count) => {
    const doc = load(name);
    expect(readBack(doc, { row: 'never-a-row', title: 'never' })).toHaveLength(0);
    expect(detectLists(doc, new URL(doc.location.href)).flatMap((m) => extractRows(m))).toHaveLength(0);
    const result = inferFromPick(elementWithText(doc, title));
    if (!result.ok) throw new Error(result.problem);
    expect(result.rows).toHaveLength(count);
  });

  it('cards.html: its menu is a wrong pick', () => {
    expect(inferFromPick(elementWithText(load('cards.html'), '公文管理'))).toEqual({ ok: false, problem: 'nav' });
  });
});

describe('wrong picks on the real grid pages', () => {
  it('a header cell of a real el-table (通讯录) is a header', () => {
    const grid = GRIDS.pages.find((g) => g.saved === 'negative-contacts-element-ui.html')!;
    const doc = parsePage(readFileSync(join(ROOT, 'grids-saved', grid.saved), 'utf8'), ORIGIN + grid.url);
    const th = [...doc.querySelectorAll('th')].find((e) => e.textContent!.trim().length > 0)!;
    expect(inferFromPick(th.querySelector('div') ?? th)).toEqual({ ok: false, problem: 'header' });
  });

  it('a name in a real ag-grid 通讯录 reads like a list of names, not tasks', () => {
    const grid = GRIDS.pages.find((g) => g.saved === 'negative-contacts-ag-grid.html')!;
    const doc = parsePage(readFileSync(join(ROOT, 'grids-saved', grid.saved), 'utf8'), ORIGIN + grid.url);
    const cell = doc.querySelector('.ag-center-cols-container [role=gridcell], [role=row] [role=gridcell]')!;
    expect(inferFromPick(cell)).toEqual({ ok: false, problem: 'nav' });
  });
});
