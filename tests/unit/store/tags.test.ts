import { describe, expect, it } from 'vitest';
import {
  getTag, getTags, listEvents, listTagsByOrigin, putTagsIfAbsent, retagTask, setPhase, TagNotFoundError, upsertTasks,
} from '../../../utils/store';
import { freshDb, ORIGIN_B, tag, task } from './helpers';

describe('putTagsIfAbsent', () => {
  it('stores new tags with one tagged event each, and is idempotent', async () => {
    const db = await freshDb();
    const tags = [tag('a'), tag('b', { origin: ORIGIN_B, action: null, category: 'admin' })];
    const out = await putTagsIfAbsent(db, tags);
    expect(out).toEqual(tags);
    await putTagsIfAbsent(db, tags);
    expect(await db.count('tags')).toBe(2);
    const events = await listEvents(db);
    expect(events.map((e) => [e.taskKey, e.type])).toEqual([['a', 'tagged'], ['b', 'tagged']]);
    expect(events[1]).toMatchObject({ origin: ORIGIN_B, category: 'admin', action: null });
    expect(await getTag(db, 'b')).toEqual(tags[1]);
    expect((await listTagsByOrigin(db, ORIGIN_B)).map((t) => t.taskKey)).toEqual(['b']);
  });

  it('never clobbers a user correction or phase progress', async () => {
    const db = await freshDb();
    await putTagsIfAbsent(db, [tag('a')]);
    await retagTask(db, 'a', { category: 'emergency', action: 'commando-team', source: 'user', confidence: 1, evidence: [], ruleId: 'r1' }, 2000);
    await setPhase(db, 'a', 'plan', true, '研究', 2100);
    const [after] = await putTagsIfAbsent(db, [tag('a', { taggedAt: 3000 })]);
    expect(after).toMatchObject({ category: 'emergency', source: 'user', ruleId: 'r1', phaseCount: 1, taggedAt: 1000 });
    expect(after?.phases.plan).toEqual({ done: true, at: 2100, note: '研究' });
  });

  it('can skip events, and returned tags never expose index keys', async () => {
    const db = await freshDb();
    const [t] = await putTagsIfAbsent(db, [tag('a')], false);
    expect(await db.count('events')).toBe(0);
    expect(t).not.toHaveProperty('ix');
    expect((await getTags(db, ['a', 'z']))[1]).toBeUndefined();
  });

  it('recomputes derived fields a caller got wrong', async () => {
    const db = await freshDb();
    const [t] = await putTagsIfAbsent(db, [tag('a', { phaseCount: 3, integrated: 1 })]);
    expect(t).toMatchObject({ phaseCount: 0, integrated: 0 });
  });
});

describe('retagTask', () => {
  it('keeps phases and taggedAt, writes one retagged event in the same transaction', async () => {
    const db = await freshDb();
    await putTagsIfAbsent(db, [tag('a')]);
    await setPhase(db, 'a', 'deploy', true, undefined, 1500);
    const retag = { category: 'petition', action: 'duty-post', source: 'user', confidence: 1, evidence: ['信访'], ruleId: null } as const;
    const t = await retagTask(db, 'a', { ...retag, evidence: [...retag.evidence] }, 2000);
    expect(t).toMatchObject({ category: 'petition', action: 'duty-post', source: 'user', taggedAt: 1000, updatedAt: 2000, phaseCount: 1 });
    await retagTask(db, 'a', { ...retag, evidence: [...retag.evidence] }, 2000); // retried
    const types = (await listEvents(db, { taskKey: 'a' })).map((e) => e.type);
    expect(types).toEqual(['tagged', 'phase-done', 'retagged']);
  });

  it('tags a known but untagged task; rejects an unknown one', async () => {
    const db = await freshDb();
    await upsertTasks(db, [task('a', { origin: ORIGIN_B })]);
    const t = await retagTask(db, 'a', { category: 'admin', action: null, source: 'user', confidence: 1, evidence: [], ruleId: null }, 5);
    expect(t).toMatchObject({ origin: ORIGIN_B, taggedAt: 5, phaseCount: 0 });
    await expect(retagTask(db, 'nope', { category: 'admin', action: null, source: 'user', confidence: 1, evidence: [], ruleId: null }, 5)).rejects.toBeInstanceOf(TagNotFoundError);
    expect(await db.count('events')).toBe(1);
  });
});

describe('setPhase', () => {
  it('counts phases, sets integrated at four, clears the time when undone', async () => {
    const db = await freshDb();
    await putTagsIfAbsent(db, [tag('a')]);
    let t = await setPhase(db, 'a', 'plan', true, 'n1', 10);
    expect(t.phases.plan).toEqual({ done: true, at: 10, note: 'n1' });
    expect(t).toMatchObject({ phaseCount: 1, integrated: 0, updatedAt: 10 });
    await setPhase(db, 'a', 'deploy', true, undefined, 11);
    await setPhase(db, 'a', 'implement', true, undefined, 12);
    t = await setPhase(db, 'a', 'inspect', true, undefined, 13);
    expect(t).toMatchObject({ phaseCount: 4, integrated: 1 });
    t = await setPhase(db, 'a', 'plan', false, undefined, 14);
    expect(t.phases.plan).toEqual({ done: false, at: null, note: 'n1' });
    expect(t).toMatchObject({ phaseCount: 3, integrated: 0 });
    expect(await getTag(db, 'a')).toEqual(t);
  });

  it('writes a note event when only the note changes, nothing on a repeat', async () => {
    const db = await freshDb();
    await putTagsIfAbsent(db, [tag('a')], false);
    await setPhase(db, 'a', 'plan', true, undefined, 10);
    await setPhase(db, 'a', 'plan', true, undefined, 10); // retry
    await setPhase(db, 'a', 'plan', true, undefined, 11); // same state later: no-op
    const t = await setPhase(db, 'a', 'plan', true, '补充说明', 12);
    expect(t.phases.plan).toEqual({ done: true, at: 10, note: '补充说明' });
    const events = await listEvents(db, { taskKey: 'a' });
    expect(events.map((e) => [e.type, e.at, e.phase])).toEqual([['phase-done', 10, 'plan'], ['note', 12, 'plan']]);
    expect(events[1]?.note).toBe('补充说明');
  });

  it('rejects an untagged task', async () => {
    const db = await freshDb();
    await expect(setPhase(db, 'x', 'plan', true, undefined, 1)).rejects.toBeInstanceOf(TagNotFoundError);
  });
});
