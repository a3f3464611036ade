// The whole path the popup takes: exportAll → toBackup (file) → parseBackup → mergeDumps →
// applyImport(toWrite), on real (fake-indexeddb) stores.
import { describe, expect, it } from 'vitest';
import { mergeDumps, parseBackup, toBackup } from '../../../utils/ledger';
import { applyImport, exportAll, putTagsIfAbsent, retagTask, setPhase, upsertTasks } from '../../../utils/store';
import { sortDump } from '../../../utils/ledger/merge';
import type { StoreDump } from '../../../utils/store/transfer';
import { freshDb, tag, task } from '../store/helpers';

const sorted = (d: StoreDump): StoreDump => ({
  tasks: sortDump.tasks([...d.tasks]),
  tags: sortDump.tags([...d.tags]),
  events: sortDump.events([...d.events]),
  rules: sortDump.rules([...d.rules]),
  details: sortDump.details([...(d.details ?? [])]),
});

describe('ledger backup through the store', () => {
  it('merges a colleague file into the store; a second import writes nothing', async () => {
    const mine = await freshDb();
    await upsertTasks(mine, [task('a'), task('b')]);
    await putTagsIfAbsent(mine, [tag('a'), tag('b')]);
    await setPhase(mine, 'a', 'plan', true, '支委会研究', 5000);

    const theirs = await freshDb();
    await upsertTasks(theirs, [task('a'), task('c')]);
    await putTagsIfAbsent(theirs, [tag('a'), tag('c')]);
    await setPhase(theirs, 'a', 'deploy', true, '', 6000);
    await setPhase(theirs, 'a', 'plan', true, '党组会研究', 4000);

    const file = await toBackup(await exportAll(theirs), { exportedAt: 7000 });
    const parsed = await parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error.message);

    const current = await exportAll(mine);
    const { toWrite, preview, merged } = mergeDumps(current, parsed.dump);
    expect(preview.tasks).toMatchObject({ new: 1, conflicting: 1 });
    await applyImport(mine, toWrite);
    const after = await exportAll(mine);
    expect(sorted(after)).toEqual(merged);
    const a = after.tags.find((t) => t.taskKey === 'a')!;
    expect(a.phases.plan).toEqual({ done: true, at: 4000, note: '党组会研究 / 支委会研究' });
    expect(a.phases.deploy.done).toBe(true);
    expect(a.phaseCount).toBe(2);

    const again = mergeDumps(after, parsed.dump);
    expect(again.preview.writes).toBe(0);
  });

  it('keeps a hand correction over the colleague auto tag', async () => {
    const mine = await freshDb();
    await upsertTasks(mine, [task('a')]);
    await putTagsIfAbsent(mine, [tag('a')]);
    await retagTask(mine, 'a', { category: 'finance', action: 'integrity-education', source: 'user', confidence: 1, evidence: [], ruleId: null }, 3000);

    const theirs = await freshDb();
    await upsertTasks(theirs, [task('a')]);
    await putTagsIfAbsent(theirs, [tag('a', { updatedAt: 9000 })]);
    const parsed = await parseBackup(await toBackup(await exportAll(theirs)));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { toWrite } = mergeDumps(await exportAll(mine), parsed.dump);
    await applyImport(mine, toWrite);
    expect((await exportAll(mine)).tags[0]).toMatchObject({ category: 'finance', source: 'user' });
  });
});
