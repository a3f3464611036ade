import { describe, expect, it } from 'vitest';
import { countEvents, eventId, listEvents, makeEvent, putEvents } from '../../../utils/store';
import { freshDb, ORIGIN_A } from './helpers';

const mk = (taskKey: string, at: number) => makeEvent({ taskKey, origin: ORIGIN_A, type: 'note', at, phase: 'plan', note: 'x' });

describe('events', () => {
  it('has deterministic ids, so a retried write never duplicates', async () => {
    const db = await freshDb();
    const e = makeEvent({ taskKey: 'k', origin: ORIGIN_A, type: 'phase-done', at: 5, phase: 'plan' });
    expect(e.id).toBe('k|phase-done|5|plan');
    expect(e).not.toHaveProperty('note');
    await putEvents(db, [e]);
    await putEvents(db, [makeEvent({ taskKey: 'k', origin: ORIGIN_A, type: 'phase-done', at: 5, phase: 'plan' })]);
    expect(await countEvents(db)).toBe(1);
    expect(eventId({ taskKey: 'k', origin: '', type: 'tagged', at: 1, category: 'admin', action: null })).toBe('k|tagged|1|admin:');
  });

  it('lists by time and per task, filters by period, counts a period', async () => {
    const db = await freshDb();
    await putEvents(db, [mk('b', 30), mk('a', 20), mk('a', 10), mk('b', 40)]);
    expect((await listEvents(db)).map((e) => e.at)).toEqual([10, 20, 30, 40]);
    expect((await listEvents(db, { from: 20, to: 30 })).map((e) => e.at)).toEqual([20, 30]);
    expect((await listEvents(db, { taskKey: 'b' })).map((e) => e.at)).toEqual([30, 40]);
    expect((await listEvents(db, { taskKey: 'a', from: 15 })).map((e) => e.at)).toEqual([20]);
    expect(await countEvents(db, { from: 25 })).toBe(2);
    expect(await countEvents(db, { to: 10 })).toBe(1);
  });
});
