// What the demo site promises (demo/site/expected.json), and checks of tags found in a frame.
import { readFileSync } from 'node:fs';

export interface ExpectedTask { nativeId: string | null; title: string; categories: string[] }
export interface ExpectedFrame { url: string; count: number; categories: string[]; tasks?: ExpectedTask[] }
export interface ExpectedPage { url: string; product: string; list: string; frames: ExpectedFrame[]; pagination?: { pageSize: number; total: number; pages: number }; allPages?: ExpectedTask[] }

export const EXPECTED: { pages: ExpectedPage[] } = JSON.parse(readFileSync('demo/site/expected.json', 'utf8'));

/** The pages a user opens (shells with their frames), not the frame documents opened alone. */
export const TOUR_PAGES = EXPECTED.pages.filter((p) => !p.url.startsWith('/big/'));

export interface FoundTag {
  key: string;
  category: string;
  action: string;
  phases: string;
  /** Text of the element the tag sits in (the title cell): the row's title, tags have no light text. */
  cellText: string;
  /** Identity of the row (index among rows of the frame), to detect two tags on one row. */
  rowIndex: number;
}

/** Runs in the page: every <ronghe-tag> of this document. Self-contained for evaluate(). */
export function readTags(): FoundTag[] {
  const rows = new Map<Element, number>();
  return [...document.querySelectorAll('ronghe-tag')].map((tag) => {
    const row = tag.closest('tr, li') ?? tag.parentElement ?? tag;
    if (!rows.has(row)) rows.set(row, rows.size);
    return {
      key: tag.getAttribute('data-task-key') ?? '',
      category: tag.getAttribute('data-category') ?? '',
      action: tag.getAttribute('data-action') ?? '',
      phases: tag.getAttribute('data-phases') ?? '',
      cellText: (tag.parentElement?.textContent ?? '').trim(),
      rowIndex: rows.get(row) ?? -1,
    };
  });
}

/** Tasks whose category the engine put in an acceptable category, and the misses. */
export function categoryScore(tags: FoundTag[], tasks: ExpectedTask[]): { hits: number; total: number; misses: string[] } {
  let hits = 0;
  const misses: string[] = [];
  for (const tag of tags) {
    const task = tasks.find((t) => tag.cellText.includes(t.title));
    if (!task) continue;
    if (task.categories.includes(tag.category)) hits++;
    else misses.push(`${task.title} → ${tag.category} (expected ${task.categories.join('|')})`);
  }
  return { hits, total: hits + misses.length, misses };
}
