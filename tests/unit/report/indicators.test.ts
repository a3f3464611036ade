// The report's numbers against the store: the same tags give the same counts as the per-day
// counters the popup and badge read; breakdowns by person and branch come from the 台账 fields.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { emptyPhases, type PhaseId, type Tag } from '@/utils/model';
import { exportAll, progressByDay, putTagsIfAbsent, setDetail, setPhase, upsertTasks, dayOf } from '@/utils/store';
import { gaps, gapCount, indicators, reportItems, trend } from '@/utils/report/indicators';
import { reportRange } from '@/utils/report/period';
import { freshDb, tag, task } from '../store/helpers';

const me = { personName: '张三', department: '办公室', branch: '第一支部', unit: '某某局' };
/** Noon in Shanghai on a 2026 date (04:00 UTC): the same calendar day in UTC and in Shanghai. */
const noon = (m: number, d: number) => Date.UTC(2026, m - 1, d, 4);

describe('report indicators', () => {
  it('equal the store counters for the same days, overall and per month', async () => {
    const db = await freshDb();
    const specs: Array<{ key: string; at: number; category: Tag['category']; action: string | null; phases: PhaseId[] }> = [
      { key: 'a', at: noon(1, 5), category: 'emergency', action: 'commando-team', phases: ['plan', 'deploy', 'implement', 'inspect'] },
      { key: 'b', at: noon(1, 20), category: 'emergency', action: 'commando-team', phases: ['plan'] },
      { key: 'c', at: noon(2, 3), category: 'meeting', action: 'branch-meeting', phases: [] },
      { key: 'd', at: noon(3, 31), category: 'admin', action: null, phases: ['plan', 'deploy'] },
      { key: 'e', at: noon(4, 1), category: 'finance', action: DEFAULT_CATALOG.categories.find((c) => c.id === 'finance')!.defaultAction, phases: ['plan', 'deploy', 'implement', 'inspect'] },
    ];
    await upsertTasks(db, specs.map((s) => task(s.key)));
    await putTagsIfAbsent(db, specs.map((s) => tag(s.key, { taggedAt: s.at, updatedAt: s.at, category: s.category, action: s.action, phases: emptyPhases() })));
    for (const s of specs) for (const p of s.phases) await setPhase(db, s.key, p, true, '', s.at + 1000);
    await setDetail(db, 'd', { owner: '李四', branch: '第二支部' }, noon(4, 2));

    const dump = await exportAll(db);
    const now = noon(5, 1);
    for (const period of ['year', 'quarter', 'h1', 'month'] as const) {
      const range = reportRange(period, now)!;
      const numbers = indicators(reportItems(dump, me, range), DEFAULT_CATALOG);
      const counters = await progressByDay(db, { fromDay: dayOf(range.from + 8 * 3_600_000), toDay: dayOf(range.to - 1) });
      expect(numbers.tasks, period).toBe(counters.tagged);
      expect(numbers.integrated, period).toBe(counters.integrated);
      expect(numbers.byPhase, period).toEqual(counters.byPhase);
      expect(Object.fromEntries(numbers.byCategory.map((s) => [s.id, s.tasks])), period).toEqual(counters.byCategory);
      expect(Object.fromEntries(numbers.byAction.filter((s) => s.id !== '').map((s) => [s.id, s.tasks])), period).toEqual(counters.byAction);
    }
    const year = indicators(reportItems(dump, me, reportRange('year', now)), DEFAULT_CATALOG);
    expect(year).toMatchObject({ tasks: 5, integrated: 2, rate: 40 });
    // People and branches by name, not by their numbers.
    expect(year.byOwner.map((s) => [s.name, s.tasks])).toEqual([['张三', 4], ['李四', 1]].toSorted((x, y) => (x[0]! < y[0]! ? -1 : 1)));
    expect(year.byBranch.map((s) => [s.name, s.tasks])).toEqual([['第一支部', 4], ['第二支部', 1]]);
    expect(indicators(reportItems(dump, me, reportRange('year', now), { branch: '第二支部' }), DEFAULT_CATALOG).tasks).toBe(1);

    const points = trend(dump, 2026, me);
    expect(points.slice(0, 5).map((p) => [p.tagged, p.integrated])).toEqual([[2, 1], [1, 0], [1, 0], [1, 1], [0, 0]]);
  });

  it('缺什么: missing phases, notes, evidence and deadline; warnings from the deadline', () => {
    const t = tag('x', { taggedAt: noon(1, 1), phases: { ...emptyPhases(), plan: { done: true, at: noon(1, 2), note: '' } } });
    const [g] = gaps([{ tag: t, task: task('x'), detail: { owner: '张三', ownerDept: '', branch: '', unit: '', leadDept: '', members: '', deadline: '2026-04-20', completedAt: '', outcome: '', evidence: [], remark: '' } }], noon(4, 25));
    expect(g!.missingPhases).toEqual(['deploy', 'implement', 'inspect']);
    expect(g!.phasesWithoutNote).toEqual(['plan']);
    expect(g!.noEvidence).toBe(true);
    expect(g!.noDeadline).toBe(false);
    expect(g!.warnings).toEqual([{ kind: 'overdue', level: 'red', daysLate: 5, missing: ['deploy', 'implement', 'inspect'] }]);
    expect(gapCount(g!)).toBe(5);
  });
});
