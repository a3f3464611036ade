// The grid-library pages (tests/fixtures/grids) driven the same way in Chromium and Firefox: every
// task row on screen tagged once, nothing tagged on the negatives, no duplicate after paging,
// sorting and (virtual) scrolling, and the categories a person would accept.
import { expect } from 'vitest';
import type { GridPage, GridStep } from './unseen-server';

/** What both browser drivers offer: run a function in the page. */
export interface PageDriver {
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
}

export interface GridTag { key: string; category: string; cellText: string; row: number }

/** Runs in the page: every tag, the text of its cell and the identity of its row. */
function readGridTags(): GridTag[] {
  const rows = new Map<Element, number>();
  return [...document.querySelectorAll('ronghe-tag')].map((tag) => {
    const row = tag.closest('tr, li, [role="row"]') ?? tag.parentElement ?? tag;
    if (!rows.has(row)) rows.set(row, rows.size);
    return {
      key: tag.getAttribute('data-task-key') ?? '',
      category: tag.getAttribute('data-category') ?? '',
      cellText: (tag.parentElement?.textContent ?? '').trim(),
      row: rows.get(row)!,
    };
  });
}

function act(step: GridStep): boolean {
  if (step.click) {
    const el = document.querySelector<HTMLElement>(step.click);
    if (!el) return false;
    el.click();
    return true;
  }
  const el = step.scroll ? document.querySelector(step.scroll) : null;
  if (!el) return false;
  el.scrollTop = step.to ?? 0;
  el.dispatchEvent(new Event('scroll'));
  return true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's task whose full title the tag's cell shows (the longest, for titles that extend others). */
function taskOf(grid: GridPage, cellText: string) {
  let best: GridPage['tasks'][number] | undefined;
  for (const t of grid.tasks) if (cellText.includes(t.title) && (!best || t.title.length > best.title.length)) best = t;
  return best;
}

async function expectedCount(page: PageDriver, grid: GridPage, count: number | 'rows'): Promise<number> {
  if (count !== 'rows') return count;
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].filter((r) => (r.textContent ?? '').trim()).length, grid.rows!);
}

/** Waits for the expected count (negatives: a fixed spell), then a little more for late duplicates. */
async function settle(page: PageDriver, grid: GridPage, count: number | 'rows', before: Set<string> | null, same: boolean): Promise<GridTag[]> {
  const deadline = Date.now() + 20_000;
  let tags: GridTag[] = [];
  if (count === 0) await sleep(3_000);
  for (;;) {
    tags = await page.evaluate(readGridTags, undefined);
    const want = await expectedCount(page, grid, count);
    const fresh = !before || same || tags.some((t) => !before.has(t.key));
    if ((tags.length === want && want > 0 && fresh) || count === 0 || Date.now() > deadline) break;
    await sleep(250);
  }
  await sleep(700);
  return page.evaluate(readGridTags, undefined);
}

export interface GridResult { lib: string; page: string; tagged: number; expected: number; falseTags: number; duplicates: number; categoryHits: number }

function check(grid: GridPage, tags: GridTag[], want: number, where: string): GridResult {
  const label = `${grid.url} ${where}`;
  const texts = tags.map((t) => t.cellText.slice(0, 30));
  const falseTags = tags.filter((t) => !taskOf(grid, t.cellText)).length;
  const duplicates = tags.length - new Set(tags.map((t) => t.row)).size + (tags.length - new Set(tags.map((t) => t.key)).size);
  let categoryHits = 0;
  for (const t of tags) if (taskOf(grid, t.cellText)?.categories.includes(t.category)) categoryHits++;
  expect(falseTags, `false tags in ${label}: ${JSON.stringify(texts)}`).toBe(0);
  expect(duplicates, `duplicates in ${label}`).toBe(0);
  expect(tags.length, `tags in ${label}: ${JSON.stringify(texts)}`).toBe(want);
  for (const t of tags) expect(t.key).not.toBe('');
  return { lib: grid.lib, page: grid.url, tagged: tags.length, expected: want, falseTags, duplicates, categoryHits };
}

/** Loads nothing itself: the caller has navigated to grid.url. Returns one result per screen. */
export async function checkGridPage(page: PageDriver, grid: GridPage): Promise<GridResult[]> {
  const results: GridResult[] = [];
  let tags = await settle(page, grid, grid.count, null, true);
  results.push(check(grid, tags, await expectedCount(page, grid, grid.count), 'on load'));
  for (const [i, step] of grid.steps.entries()) {
    const before = new Set(tags.map((t) => t.key));
    expect(await page.evaluate(act, step), `step ${i + 1} of ${grid.url}: ${step.click ?? step.scroll} exists`).toBe(true);
    tags = await settle(page, grid, step.count, before, !!step.same || step.count === 'rows');
    results.push(check(grid, tags, await expectedCount(page, grid, step.count), `after step ${i + 1}`));
    if (step.click && !step.same && step.count !== 0) {
      // Paging shows other tasks: the keys change.
      expect(tags.some((t) => !before.has(t.key)), `new tasks after step ${i + 1} of ${grid.url}`).toBe(true);
    }
  }
  return results;
}

/** Per library: tasks tagged / expected, false tags, duplicates, category accuracy. */
export function summarize(results: GridResult[]): string {
  const byLib = new Map<string, GridResult[]>();
  for (const r of results) byLib.set(r.lib, [...(byLib.get(r.lib) ?? []), r]);
  const lines = ['lib\ttagged/expected\tfalse\tdup\tcategory'];
  for (const [lib, rs] of byLib) {
    const sum = (k: keyof GridResult) => rs.reduce((n, r) => n + (r[k] as number), 0);
    const tagged = sum('tagged');
    lines.push(`${lib}\t${tagged}/${sum('expected')}\t${sum('falseTags')}\t${sum('duplicates')}\t${tagged ? Math.round((100 * sum('categoryHits')) / tagged) : '-'}%`);
  }
  return lines.join('\n');
}
