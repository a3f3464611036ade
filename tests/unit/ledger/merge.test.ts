import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinNotes, mergeAll, mergeDumps, previewMerge } from '../../../utils/ledger';
import { ImportData, type StoreDump } from '../../../utils/store/transfer';
import { dumpArb } from './arb';
import { done, dump, event, phases, rule, tag, task, T0 } from './fixtures';

/** What the store holds after applyImport(toWrite): put by key. */
function apply(current: StoreDump, incoming: StoreDump): StoreDump {
  return mergeDumps(current, incoming).merged;
}

describe('mergeDumps', () => {
  const mine = dump({
    tasks: [task('a', { firstSeen: T0, lastSeen: T0 + 10 }), task('b')],
    tags: [
      tag('a', { phases: phases({ plan: done(T0 + 5, '支委会研究') }), source: 'user', category: 'meeting', action: 'branch-meeting' }),
      tag('b', { phases: phases({ deploy: done(T0 + 3, '已部署') }) }),
    ],
    events: [event('a', T0)],
    rules: [rule('r1')],
  });
  const theirs = dump({
    tasks: [task('a', { firstSeen: T0 - 100, lastSeen: T0 + 5, title: '旧标题' }), task('b'), task('c')],
    tags: [
      tag('a', { phases: phases({ plan: done(T0 + 1, '党组会研究'), inspect: done(T0 + 9) }), source: 'user', category: 'emergency', updatedAt: T0 + 20 }),
      tag('b', { phases: phases({ deploy: done(T0 + 4, '已部署'), implement: done(T0 + 6) }), updatedAt: T0 + 6 }),
      tag('c'),
    ],
    events: [event('a', T0), event('c', T0 + 1)],
    rules: [rule('r1'), rule('r2')],
  });

  it('previews new, updated, unchanged and conflicting records', () => {
    const p = previewMerge(mine, theirs);
    expect(p.tasks).toEqual({ new: 1, updated: 1, unchanged: 0, conflicting: 1 });
    expect(p.events).toEqual({ new: 1, updated: 0, unchanged: 1 });
    expect(p.rules).toEqual({ new: 1, updated: 0, unchanged: 1 });
    expect(p.conflicts.map((c) => c.field)).toEqual(['classification', 'plan']);
    const cls = p.conflicts.find((c) => c.field === 'classification')!;
    expect(cls).toMatchObject({ taskKey: 'a', current: 'meeting:branch-meeting', incoming: 'emergency:commando-team', result: 'emergency:commando-team' });
    const plan = p.conflicts.find((c) => c.field === 'plan')!;
    expect(plan.result).toBe('党组会研究 / 支委会研究');
  });

  it('merges by the documented policy', () => {
    const { toWrite, merged, preview } = mergeDumps(mine, theirs);
    const a = merged.tags.find((t) => t.taskKey === 'a')!;
    expect(a.category).toBe('emergency'); // both by hand: the newer wins
    expect(a.phases.plan).toEqual({ done: true, at: T0 + 1, note: '党组会研究 / 支委会研究' }); // earlier tick
    expect(a.phases.inspect.done).toBe(true);
    expect(a.phaseCount).toBe(2);
    const b = merged.tags.find((t) => t.taskKey === 'b')!;
    expect(b.phases.deploy).toEqual({ done: true, at: T0 + 3, note: '已部署' });
    expect(b.phases.implement.done).toBe(true);
    const ta = merged.tasks.find((t) => t.key === 'a')!;
    expect(ta).toMatchObject({ firstSeen: T0 - 100, lastSeen: T0 + 10, title: task('a').title });
    expect(merged.tasks.map((t) => t.key)).toEqual(['a', 'b', 'c']);
    // Only changes are written, and they are valid for applyImport.
    expect(toWrite.tasks.map((t) => t.key)).toEqual(['a', 'c']);
    expect(toWrite.events.map((e) => e.taskKey)).toEqual(['c']);
    expect(toWrite.rules.map((r) => r.id)).toEqual(['r2']);
    expect(preview.writes).toBe(2 + 3 + 1 + 1);
    expect(() => ImportData.parse(toWrite)).not.toThrow();
  });

  it('done wins over undone, and a user tag beats a newer auto tag', () => {
    const cur = dump({ tags: [tag('x', { phases: phases({ plan: done(T0) }), source: 'user', category: 'finance', action: 'integrity-education' })] });
    const inc = dump({ tags: [tag('x', { updatedAt: T0 + 1000 })] }); // auto, nothing ticked, newer
    const x = apply(cur, inc).tags[0]!;
    expect(x.phases.plan.done).toBe(true);
    expect(x.category).toBe('finance');
    expect(x.source).toBe('user');
    expect(previewMerge(cur, inc).tasks).toEqual({ new: 0, updated: 0, unchanged: 1, conflicting: 0 });
  });

  it('is idempotent: merging the same file twice writes nothing the second time', () => {
    const once = mergeDumps(mine, theirs).merged;
    const twice = mergeDumps(once, theirs);
    expect(twice.toWrite).toEqual(dump());
    expect(twice.merged).toEqual(once);
    expect(twice.preview.writes).toBe(0);
    expect(twice.preview.tasks.new + twice.preview.tasks.updated).toBe(0);
  });

  it('joins notes without repeating a part', () => {
    expect(joinNotes('A', 'A / B')).toBe('A / B');
    expect(joinNotes('A / B', 'B')).toBe('A / B');
    expect(joinNotes('B', 'A')).toBe('A / B');
    expect(joinNotes('', 'A')).toBe('A');
    expect(joinNotes('x'.repeat(1500), 'y'.repeat(1500)).length).toBe(2000);
  });

  it('property: idempotent, and merging A, B, C in any order gives the same store', () => {
    fc.assert(
      fc.property(dumpArb, dumpArb, dumpArb, (a, b, c) => {
        const orders = [
          [a, b, c],
          [a, c, b],
          [b, a, c],
          [b, c, a],
          [c, a, b],
          [c, b, a],
        ];
        const results = orders.map((o) => mergeAll(o));
        for (const r of results) expect(r).toEqual(results[0]);
        // merged into a non-empty store, too
        expect(apply(apply(a, b), c)).toEqual(apply(apply(a, c), b));
        // idempotent
        const ab = apply(a, b);
        expect(mergeDumps(ab, b).toWrite).toEqual(dump());
        expect(mergeDumps(ab, a).toWrite).toEqual(dump());
        expect(() => ImportData.parse(results[0])).not.toThrow();
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it('property: preview counts add up to the incoming task keys', () => {
    fc.assert(
      fc.property(dumpArb, dumpArb, (cur, inc) => {
        const p = previewMerge(cur, inc);
        const keys = new Set([...inc.tasks.map((t) => t.key), ...inc.tags.map((t) => t.taskKey), ...(inc.details ?? []).map((d) => d.taskKey)]);
        expect(p.tasks.new + p.tasks.updated + p.tasks.unchanged + p.tasks.conflicting).toBe(keys.size);
        expect(p.events.new + p.events.updated + p.events.unchanged).toBe(inc.events.length);
        expect(previewMerge(cur, cur).writes).toBe(0);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
