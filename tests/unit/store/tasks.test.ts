import { describe, expect, it } from 'vitest';
import { getTask, getTasks, listTasksByOrigin, listTasksSeenSince, upsertTasks } from '../../../utils/store';
import { freshDb, ORIGIN_B, task } from './helpers';

describe('tasks', () => {
  it('puts and gets, in key order with gaps', async () => {
    const db = await freshDb();
    const stored = await upsertTasks(db, [task('a'), task('b', { origin: ORIGIN_B })]);
    expect(stored.map((t) => t.key)).toEqual(['a', 'b']);
    expect(await getTask(db, 'a')).toEqual(task('a'));
    const got = await getTasks(db, ['b', 'missing', 'a']);
    expect(got.map((t) => t?.key)).toEqual(['b', undefined, 'a']);
    expect((await listTasksByOrigin(db, ORIGIN_B)).map((t) => t.key)).toEqual(['b']);
  });

  it('a retried upsert yields one record, unchanged', async () => {
    const db = await freshDb();
    const batch = [task('a'), task('b')];
    const first = await upsertTasks(db, batch);
    const second = await upsertTasks(db, batch);
    expect(second).toEqual(first);
    expect(await db.count('tasks')).toBe(2);
  });

  it('keeps firstSeen, advances lastSeen, updates title, merges fields', async () => {
    const db = await freshDb();
    await upsertTasks(db, [task('a', { firstSeen: 100, lastSeen: 100, fields: { sender: '办公室', urgency: 1 } })]);
    const [updated] = await upsertTasks(db, [
      task('a', { title: '新标题', firstSeen: 500, lastSeen: 500, fields: { deadline: '2024-07-01' }, url: 'http://x/1' }),
    ]);
    expect(updated).toMatchObject({ title: '新标题', firstSeen: 100, lastSeen: 500, url: 'http://x/1' });
    expect(updated?.fields).toEqual({ sender: '办公室', urgency: 1, deadline: '2024-07-01' });
    // An older sighting (out-of-order delivery) never moves lastSeen back.
    await upsertTasks(db, [task('a', { firstSeen: 300, lastSeen: 300 })]);
    expect((await getTask(db, 'a'))?.lastSeen).toBe(500);
    expect((await listTasksSeenSince(db, 400)).map((t) => t.key)).toEqual(['a']);
  });

  it('merges duplicate keys within one batch', async () => {
    const db = await freshDb();
    const out = await upsertTasks(db, [task('a', { firstSeen: 1, lastSeen: 1 }), task('a', { firstSeen: 9, lastSeen: 9, title: 'later' })]);
    expect(out[0]).toEqual(out[1]);
    expect(out[0]).toMatchObject({ firstSeen: 1, lastSeen: 9, title: 'later' });
    expect(await db.count('tasks')).toBe(1);
  });
});
