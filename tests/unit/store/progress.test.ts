import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, PHASE_IDS, type Tag } from '../../../utils/model';
import { applyImport, clearAll, dayOf, exportAll, listTags, progress, progressByDay, putTagsIfAbsent, retagTask, setPhase, type Progress, type ProgressQuery } from '../../../utils/store';
import { freshDb, ORIGIN_A, ORIGIN_B, tag } from './helpers';

/** The obvious full-scan definition that the index counts must agree with. */
function scan(tags: Tag[], q: ProgressQuery): Progress {
  const inQ = tags.filter(
    (t) => (q.origin === undefined || t.origin === q.origin) && (q.from === undefined || t.taggedAt >= q.from) && (q.to === undefined || t.taggedAt <= q.to),
  );
  const out: Progress = { tagged: inQ.length, integrated: 0, byPhase: { plan: 0, deploy: 0, implement: 0, inspect: 0 }, byCategory: {}, byAction: {} };
  for (const t of inQ) {
    if (PHASE_IDS.every((p) => t.phases[p].done)) out.integrated++;
    for (const p of PHASE_IDS) if (t.phases[p].done) out.byPhase[p]++;
    out.byCategory[t.category] = (out.byCategory[t.category] ?? 0) + 1;
    if (t.action !== null) out.byAction[t.action] = (out.byAction[t.action] ?? 0) + 1;
  }
  return out;
}

describe('progress', () => {
  it('counts by phase, category, action, with period and origin filters', async () => {
    const db = await freshDb();
    await putTagsIfAbsent(db, [
      tag('a', { taggedAt: 100 }),
      tag('b', { taggedAt: 200, category: 'emergency', action: 'commando-team' }),
      tag('c', { taggedAt: 300, origin: ORIGIN_B, category: 'admin', action: null }),
      tag('d', { taggedAt: 400, origin: ORIGIN_B }),
    ]);
    for (const p of PHASE_IDS) await setPhase(db, 'a', p, true, undefined, 500);
    await setPhase(db, 'd', 'plan', true, undefined, 500);

    expect(await progress(db)).toEqual({
      tagged: 4,
      integrated: 1,
      byPhase: { plan: 2, deploy: 1, implement: 1, inspect: 1 },
      byCategory: { meeting: 2, emergency: 1, admin: 1 },
      byAction: { 'branch-meeting': 2, 'commando-team': 1 },
    });
    // Period: inclusive bounds on taggedAt, independent of when phases were done.
    expect(await progress(db, { from: 200, to: 300 })).toMatchObject({ tagged: 2, integrated: 0, byCategory: { emergency: 1, admin: 1 } });
    expect(await progress(db, { from: 101 })).toMatchObject({ tagged: 3, byPhase: { plan: 1, deploy: 0 } });
    expect(await progress(db, { to: 100 })).toMatchObject({ tagged: 1, integrated: 1 });
    expect(await progress(db, { origin: ORIGIN_B })).toEqual({
      tagged: 2,
      integrated: 0,
      byPhase: { plan: 1, deploy: 0, implement: 0, inspect: 0 },
      byCategory: { admin: 1, meeting: 1 },
      byAction: { 'branch-meeting': 1 },
    });
    expect(await progress(db, { origin: ORIGIN_A, from: 150 })).toMatchObject({ tagged: 1, byAction: { 'commando-team': 1 } });
    expect(await progress(db, { origin: 'http://unknown' })).toMatchObject({ tagged: 0, byCategory: {}, byAction: {} });
    expect(await progress(db, { from: 300, to: 200 })).toMatchObject({ tagged: 0 });
    expect((await listTags(db, { from: 200, to: 400, origin: ORIGIN_B })).map((t) => t.taskKey)).toEqual(['c', 'd']);
    expect((await listTags(db)).map((t) => t.taskKey)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('agrees with a full scan on random data', async () => {
    const phase = fc.record({ done: fc.boolean(), at: fc.constant(null), note: fc.constant('') });
    const arbTag = fc.record({
      origin: fc.constantFrom(ORIGIN_A, ORIGIN_B),
      category: fc.constantFrom(...CATEGORY_IDS),
      action: fc.constantFrom(null, 'a1', 'b-2', 'zz', 'a'),
      taggedAt: fc.integer({ min: 0, max: 50 }),
      phases: fc.record({ plan: phase, deploy: phase, implement: phase, inspect: phase }),
    });
    const arbQuery = fc.record(
      { from: fc.integer({ min: 0, max: 50 }), to: fc.integer({ min: 0, max: 50 }), origin: fc.constantFrom(ORIGIN_A, ORIGIN_B) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(arbTag, { maxLength: 30 }), arbQuery, async (parts, q) => {
        const db = await freshDb();
        await putTagsIfAbsent(db, parts.map((p, i) => tag(`t${i}`, p)), false);
        const { tags } = await exportAll(db);
        expect(await progress(db, q)).toEqual(scan(tags, q));
      }),
      { numRuns: 40 },
    );
  });

  it('per-day counters agree with the indexes through tagging, phases, corrections, import and clear', async () => {
    const DAY = 86_400_000;
    const base = new Date(2024, 4, 1).getTime();
    const phase = fc.record({ done: fc.boolean(), at: fc.constant(null), note: fc.constant('') });
    const arbTag = fc.record({
      origin: fc.constantFrom(ORIGIN_A, ORIGIN_B),
      category: fc.constantFrom(...CATEGORY_IDS),
      action: fc.constantFrom(null, 'a1', 'b-2'),
      taggedAt: fc.integer({ min: 0, max: 20 }).map((d) => base + d * DAY + 3_600_000),
      phases: fc.record({ plan: phase, deploy: phase, implement: phase, inspect: phase }),
    });
    const arbOp = fc.oneof(
      fc.record({ kind: fc.constant('phase' as const), i: fc.nat(), phase: fc.constantFrom(...PHASE_IDS), done: fc.boolean() }),
      fc.record({ kind: fc.constant('retag' as const), i: fc.nat(), category: fc.constantFrom(...CATEGORY_IDS), action: fc.constantFrom(null, 'zz') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(arbTag, { minLength: 1, maxLength: 20 }), fc.array(arbOp, { maxLength: 15 }), fc.integer({ min: 0, max: 20 }), async (parts, ops, span) => {
        const db = await freshDb();
        await putTagsIfAbsent(db, parts.map((p, i) => tag(`t${i}`, p)));
        for (const op of ops) {
          const key = `t${op.i % parts.length}`;
          if (op.kind === 'phase') await setPhase(db, key, op.phase, op.done, undefined, base + 30 * DAY);
          else await retagTask(db, key, { category: op.category, action: op.action, source: 'user', confidence: 1, evidence: [], ruleId: null }, base + 30 * DAY);
        }
        const check = async () => {
          for (const origin of [undefined, ORIGIN_A]) {
            const from = base;
            const to = base + span * DAY + DAY - 1; // whole local days
            expect(await progressByDay(db, { origin, fromDay: dayOf(from), toDay: dayOf(to) })).toEqual(await progress(db, { origin, from, to }));
            expect(await progressByDay(db, { origin })).toEqual(await progress(db, { origin }));
          }
        };
        await check();
        // An import (here: the store's own dump) recounts; clearing empties the counters.
        await applyImport(db, await exportAll(db));
        await check();
        await clearAll(db, { keepConfig: true });
        expect((await progressByDay(db)).tagged).toBe(0);
      }),
      { numRuns: 25 },
    );
  });
});
