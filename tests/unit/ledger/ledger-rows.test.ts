import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import { LEDGER_COLUMNS, ledgerRows, productName } from '../../../utils/ledger';
import { done, dump, phases, tag, task, T0 } from './fixtures';

const all = phases({ plan: done(T0, 'a'), deploy: done(T0), implement: done(T0), inspect: done(T0 + 60_000, '检查') });
const d = dump({
  tasks: [task('a'), task('b', { origin: 'http://10.1.2.3:8080', product: 'landray-ekp' }), task('c')],
  tags: [
    tag('a', { phases: all, taggedAt: T0 + 2 }),
    tag('b', { origin: 'http://10.1.2.3:8080', category: 'meeting', action: 'branch-meeting', phases: phases({ plan: done(T0) }), taggedAt: T0 + 1 }),
    tag('c', { category: 'admin', action: null, taggedAt: T0 }),
    tag('orphan', { taggedAt: T0 + 3 }),
  ],
});

const keys = (f: Parameters<typeof ledgerRows>[2]): string[] => ledgerRows(d, DEFAULT_CATALOG, f).map((r) => r.taskKey);

describe('ledgerRows', () => {
  it('makes one row per tag, oldest tagging first, with Chinese names', () => {
    const rows = ledgerRows(d, DEFAULT_CATALOG, {});
    expect(rows.map((r) => r.taskKey)).toEqual(['c', 'b', 'a', 'orphan']);
    const a = rows[2]!;
    expect(a).toMatchObject({ integrated: '是', category: '应急与安全', action: '党员突击队（急难险重打头阵）', inspectAt: '2024-06-01 09:06', inspectNote: '检查', source: '自动' });
    expect(rows[1]!.product).toBe('蓝凌 EKP');
    expect(rows[3]!.title).toBe('');
  });

  it('filters by time, action, category, phase state and origin', () => {
    expect(keys({ from: T0 + 1, to: T0 + 2 })).toEqual(['b', 'a']);
    expect(keys({ action: null })).toEqual(['c']);
    expect(keys({ action: 'branch-meeting' })).toEqual(['b']);
    expect(keys({ category: 'emergency' })).toEqual(['a', 'orphan']);
    expect(keys({ phaseState: 'none' })).toEqual(['c', 'orphan']);
    expect(keys({ phaseState: 'partial' })).toEqual(['b']);
    expect(keys({ phaseState: 'integrated' })).toEqual(['a']);
    expect(keys({ origin: 'http://10.1.2.3:8080' })).toEqual(['b']);
  });

  it('names every product and has unique column ids', () => {
    expect(productName('generic')).toBe('未知 OA（通用识别）');
    expect(productName('whir-ezoffice')).toBe('万户 ezOFFICE');
    expect(productName('toString')).toBe('toString');
    expect(new Set(LEDGER_COLUMNS.map((c) => c.id)).size).toBe(LEDGER_COLUMNS.length);
  });
});
