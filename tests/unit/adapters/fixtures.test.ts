// @vitest-environment happy-dom
// Golden tests: every saved page yields exactly its expected rows, and the detection matrix holds:
// each page is claimed by its own adapter only, negatives by none.
import { describe, expect, it } from 'vitest';
import { detectLists, detectProduct, extractRows } from '../../../utils/adapters';
import { PRODUCT_ADAPTERS, claims } from '../../../utils/adapters/registry';
import { loadFixtures, parsePage } from './fixtures';

const fixtures = loadFixtures();

describe.each(fixtures)('$dir/$name', ({ dir, html, expected }) => {
  const url = new URL(expected.url);
  const doc = parsePage(html, expected.url);
  const path = url.pathname + url.search + url.hash;

  it('yields exactly the expected rows', () => {
    const lists = detectLists(doc, url);
    expect(lists).toHaveLength(expected.lists);
    for (const l of lists) expect(l.adapterId).toBe(dir === 'negative' ? 'none' : expected.adapter);
    const rows = lists.flatMap((l) => extractRows(l));
    expect(rows).toHaveLength(expected.count);
    const got = rows.map(({ report }, i) => ({
      title: report.title,
      nativeId: report.nativeId,
      fields: report.fields,
      ...(expected.rows[i]?.url !== undefined ? { url: report.url } : {}),
    }));
    expect(got).toEqual(expected.rows);
    for (const { row, titleCell } of rows) {
      expect(row.contains(titleCell)).toBe(true);
      expect(titleCell.localName).not.toBe('tr');
    }
  });

  it('is claimed by its own adapter and no other', () => {
    const claimed = PRODUCT_ADAPTERS.filter((a) => claims(a, doc, path)).map((a) => a.id);
    if (dir === 'generic' || dir === 'negative') expect(claimed).toEqual([]);
    else expect(claimed).toEqual([dir]);
    const product = detectProduct(doc, url);
    if (dir === 'negative') expect(product).toBeNull();
    else expect(product?.adapterId).toBe(dir);
    for (const l of detectLists(doc, url)) expect(l.confidence).toBe(dir === 'generic' ? 'generic' : 'product');
  });
});
