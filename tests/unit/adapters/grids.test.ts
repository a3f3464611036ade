// @vitest-environment happy-dom
// Detection matrix on markup the real grid libraries rendered in Chromium (saved by
// tests/browser/save-grids.ts from tests/fixtures/grids): every task row on screen yields one
// task with its title, negatives yield nothing, split/fixed copies never yield a second task.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLists, extractRows } from '../../../utils/adapters';
import { parsePage } from './fixtures';

const ROOT = resolve(__dirname, '../../fixtures');
interface GridPage { lib: string; url: string; saved: string; count: number | 'rows'; rows?: string; tasks: Array<{ title: string }> }
const GRIDS: { pages: GridPage[] } = JSON.parse(readFileSync(join(ROOT, 'grids/expected.json'), 'utf8'));
const ORIGIN = 'http://127.0.0.1:8080';

// Firefox renders vxe-table's fixed columns as whole copies of the table (Chromium uses sticky
// cells): saved from Firefox ESR by hand, the same checks.
const vxe = GRIDS.pages.find((g) => g.saved === 'vxe-table-todo.html')!;
const PAGES = [...GRIDS.pages, { ...vxe, saved: 'vxe-table-todo.firefox.html' }];

describe.each(PAGES)('$saved', (grid) => {
  it(grid.count === 0 ? 'yields no task' : 'yields each row on screen once, with its title', () => {
    const url = ORIGIN + grid.url;
    const doc = parsePage(readFileSync(join(ROOT, 'grids-saved', grid.saved), 'utf8'), url);
    const rows = detectLists(doc, new URL(url)).flatMap((m) => extractRows(m));
    const titles = rows.map((r) => r.report.title);
    const expected = grid.count === 'rows' ? doc.querySelectorAll(grid.rows!).length : grid.count;
    expect(titles, JSON.stringify(titles)).toHaveLength(expected);
    for (const t of titles) expect(grid.tasks.some((task) => task.title === t), `unexpected task "${t}"`).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(rows.map((r) => r.row)).size).toBe(rows.length);
    // The tag goes inside the row, on the title's cell.
    for (const r of rows) {
      expect(r.row.contains(r.titleCell)).toBe(true);
      expect(r.titleCell.textContent).toContain(r.report.title.slice(0, 10));
    }
  });
});
