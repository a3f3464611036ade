import { expect } from 'vitest';
import { CATEGORY_IDS } from '../../../utils/model';
import type { LabelledTitle } from '../../../scripts/bench/accuracy';

/** A labelled set is usable: enough titles, known category ids, no title twice. */
export function expectWellFormed(rows: LabelledTitle[], minRows: number): void {
  expect(rows.length).toBeGreaterThanOrEqual(minRows);
  const known = new Set<string>(CATEGORY_IDS);
  const seen = new Set<string>();
  for (const row of rows) {
    expect(row.title.length, `line ${row.line}`).toBeGreaterThan(0);
    expect(seen.has(row.title), `duplicate at line ${row.line}`).toBe(false);
    seen.add(row.title);
    expect(row.ids.length, `line ${row.line}`).toBeGreaterThan(0);
    for (const id of row.ids) expect(known.has(id), `line ${row.line}: ${id}`).toBe(true);
  }
}
