// @vitest-environment happy-dom
// Meta-tests that keep the registry honest: every adapter is declared as valid data, has saved
// pages to prove it, and no two adapters share an id.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineAdapter } from '../../../utils/adapters/adapter-spec';
import { AdapterSpec } from '../../../utils/adapters/adapter-schema';
import { genericAdapter } from '../../../utils/adapters/generic';
import { PRODUCT_ADAPTERS, adapterById } from '../../../utils/adapters/registry';
import { FIXTURE_ROOT, loadFixtures } from './fixtures';

describe('adapter registry', () => {
  it('declares six product adapters with unique ids, highest priority first', () => {
    const ids = PRODUCT_ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.toSorted()).toEqual(['ecology8', 'ecology9', 'landray-ekp', 'seeyon', 'tongda', 'whir-ezoffice']);
    const priorities = PRODUCT_ADAPTERS.map((a) => a.priority);
    expect(priorities).toEqual(priorities.toSorted((a, b) => b - a));
  });

  it.each(PRODUCT_ADAPTERS.map((a) => [a.id, a] as const))('%s is valid data with a URL and DOM signature', (_, a) => {
    expect(a.spec).not.toBeNull();
    expect(AdapterSpec.safeParse(a.spec).success).toBe(true);
    expect(a.urlRes.length).toBeGreaterThan(0);
    expect(a.dom.length).toBeGreaterThan(0);
    expect(a.lists.length).toBeGreaterThan(0);
    expect(/[\u4e00-\u9fa5]/.test(a.product)).toBe(true);
    expect(adapterById(a.id)).toBe(a);
  });

  it('every adapter (and the generic fallback) has fixtures with expectations, and negatives exist', () => {
    const dirs = readdirSync(FIXTURE_ROOT);
    for (const id of [...PRODUCT_ADAPTERS.map((a) => a.id), genericAdapter.id, 'negative']) {
      expect(dirs).toContain(id);
      const pages = readdirSync(join(FIXTURE_ROOT, id)).filter((f) => f.endsWith('.html'));
      expect(pages.length, id).toBeGreaterThan(0);
    }
    const withRows = new Set(loadFixtures().filter((f) => f.expected.count > 0).map((f) => f.dir));
    for (const a of PRODUCT_ADAPTERS) expect(withRows.has(a.id), a.id).toBe(true);
  });

  it('the schema rejects bad specs (so this test fails before a user misses rows)', () => {
    const base = { id: 'x', product: '测试', priority: 1, url: [], dom: [], lists: [] };
    expect(AdapterSpec.safeParse(base).success).toBe(true);
    expect(AdapterSpec.safeParse({ ...base, url: ['(unclosed'] }).success).toBe(false);
    expect(AdapterSpec.safeParse({ ...base, dom: ['td[[bad'] }).success).toBe(false);
    expect(AdapterSpec.safeParse({ ...base, lists: [{ root: 'table', row: 'tr', fields: { sender: 'td@@x' } }] }).success).toBe(false);
    expect(AdapterSpec.safeParse({ ...base, id: 'Bad Id' }).success).toBe(false);
    expect(defineAdapter({ ...base, url: ['/oa/'] }).urlRes[0]!.test('/x/oa/y')).toBe(true);
  });
});
