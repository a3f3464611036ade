import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rule } from '../../../utils/model';
import {
  applyImport, clearAll, exportAll, getSettings, listSites, makeEvent, progress, putSettings, putSite, putTagsIfAbsent, setPhase, upsertTasks,
} from '../../../utils/store';
import { freshDb, ORIGIN_A, tag, task } from './helpers';

const rule: Rule = { id: 'r1', title: '防汛', signature: '防汛', category: 'emergency', action: 'commando-team', createdAt: 1, source: 'import' };

async function seed() {
  const db = await freshDb();
  await upsertTasks(db, [task('a'), task('b')]);
  await putTagsIfAbsent(db, [tag('a'), tag('b')]);
  await setPhase(db, 'a', 'plan', true, '备注', 5000);
  return db;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('export / import', () => {
  it('round-trips into an empty database, indexes included', async () => {
    const source = await seed();
    const dump = await exportAll(source);
    expect(dump.tasks).toHaveLength(2);
    expect(dump.events.map((e) => e.type)).toEqual(['tagged', 'tagged', 'phase-done']);
    expect(dump.tags[0]).not.toHaveProperty('ix');

    const target = await freshDb();
    expect(await applyImport(target, { ...dump, rules: [rule] })).toEqual({ tasks: 2, tags: 2, events: 3, rules: 1, details: 0 });
    expect(await exportAll(target)).toEqual({ ...dump, rules: [rule] });
    expect(await progress(target)).toMatchObject({ tagged: 2, byPhase: { plan: 1 } });
    // Import is a put by key: doing it twice changes nothing.
    await applyImport(target, dump);
    expect((await exportAll(target)).events).toHaveLength(3);
  });

  it('rejects invalid records before writing anything', async () => {
    const db = await seed();
    const before = await exportAll(db);
    const bad = { tasks: [task('new')], tags: [{ ...tag('x'), category: 'not-a-category' }] };
    await expect(applyImport(db, bad as never)).rejects.toThrow();
    expect(await exportAll(db)).toEqual(before);
  });

  it('is all or nothing: a put that fails midway aborts the whole import', async () => {
    const db = await seed();
    const before = await exportAll(db);
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if ((value as { taskKey?: string }).taskKey === 'poison') throw new DOMException('simulated failure', 'DataError');
      return realPut.call(this, value, key);
    });
    const data = {
      tasks: [task('new1'), task('a', { title: '改写' })],
      tags: [tag('new1'), tag('poison'), tag('zzz')],
      events: [makeEvent({ taskKey: 'new1', origin: ORIGIN_A, type: 'imported', at: 9 })],
      rules: [rule],
    };
    await expect(applyImport(db, data)).rejects.toThrow('simulated failure');
    vi.restoreAllMocks();
    expect(await exportAll(db)).toEqual(before);
  });

  it('aborts when the store rejects a value (DataCloneError from structured clone)', async () => {
    const db = await seed();
    const before = await exportAll(db);
    // Zod strips unknown keys, so the non-clonable value is injected below the validation.
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if ((value as { id?: string }).id === 'r1') return realPut.call(this, { ...(value as object), fn: () => 0 }, key);
      return realPut.call(this, value, key);
    });
    await expect(applyImport(db, { tasks: [task('new2')], rules: [rule] })).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await exportAll(db)).toEqual(before);
  });
});

describe('clearAll', () => {
  it('erases everything, or only the ledger with keepConfig', async () => {
    const db = await seed();
    await putSite(db, { origin: ORIGIN_A, enabled: true, source: 'user', adapterOverride: null, selectors: null, addedAt: 1 });
    await putSettings(db, { panelMode: 'push' });
    await clearAll(db, { keepConfig: true });
    expect(await exportAll(db)).toEqual({ tasks: [], tags: [], events: [], rules: [], details: [] });
    expect(await listSites(db)).toHaveLength(1);
    expect((await getSettings(db)).panelMode).toBe('push');
    await clearAll(db);
    expect(await listSites(db)).toHaveLength(0);
    expect((await getSettings(db)).panelMode).toBe('overlay');
  });
});
