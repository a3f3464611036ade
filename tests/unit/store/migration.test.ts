import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/store-v1.json';
import { Event, Tag, Task } from '../../../utils/model';
import {
  countEvents, getSettings, getTag, listEvents, listRules, listTasksByOrigin, listTasksSeenSince, MIGRATIONS, openRongheDb,
  progress, progressByDay, changesSinceExport, putSite, RONGHE_DB_VERSION, setPhase, getDetail, setDetail,
} from '../../../utils/store';
import { uniqueDbName } from './helpers';
import { deleteRongheDb } from '../../../utils/store';

const A = 'http://oa.example.gov.cn';
const B = 'http://10.1.2.3:8080';

/** Builds the database exactly as the first release did: version 1, the v1 upgrade only. */
async function buildV1(name: string): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(upgradeDb, _old, _new, tx) {
      void MIGRATIONS[1]?.(upgradeDb, tx);
    },
  });
  const tx = db.transaction(['tasks', 'tags', 'events', 'settings'], 'readwrite');
  for (const t of fixture.tasks) void tx.objectStore('tasks').put(t);
  for (const t of fixture.tags) void tx.objectStore('tags').put(t);
  for (const e of fixture.events) void tx.objectStore('events').put(e);
  void tx.objectStore('settings').put(fixture.settings, 'settings');
  await tx.done;
  expect(db.version).toBe(1);
  expect([...db.objectStoreNames].toSorted()).toEqual(['events', 'settings', 'tags', 'tasks']);
  db.close();
}

describe('migration v1 → current', () => {
  it('keeps the data, transforms it to the current shapes, and the new indexes work', async () => {
    expect(RONGHE_DB_VERSION).toBe(5);
    const name = uniqueDbName();
    await buildV1(name);
    const db = await openRongheDb(name);
    try {
      expect(db.version).toBe(5);
      expect([...db.objectStoreNames].toSorted()).toEqual(['counters', 'details', 'events', 'kv', 'rules', 'sites', 'tags', 'tasks']);

      // Tasks: flat OA fields moved under `fields`; every record is a valid v2 Task.
      const tasksA = await listTasksByOrigin(db, A);
      expect(tasksA).toHaveLength(2);
      for (const t of tasksA) expect(Task.safeParse(t).success).toBe(true);
      expect(tasksA.find((t) => t.nativeId === '1001')).toMatchObject({
        title: '关于做好防汛应急工作的通知',
        fields: { workflow: '收文', sender: '办公室', receivedAt: '2024-06-01 09:00', urgency: 2 },
        firstSeen: 1717203600000,
      });
      expect(tasksA[0]).not.toHaveProperty('workflow');
      expect((await listTasksSeenSince(db, 1719000000000)).map((t) => t.key)).toEqual(['10.1.2.3:8080|weaver|77']);

      // Tags: derived phaseCount/integrated added, phases and notes intact, valid v2 Tags.
      const t1 = await getTag(db, 'oa.example.gov.cn|seeyon|1001');
      expect(t1).toMatchObject({ phaseCount: 4, integrated: 1, category: 'emergency' });
      expect(t1?.phases.plan.note).toBe('支委会研究');
      const t3 = await getTag(db, '10.1.2.3:8080|weaver|77');
      expect(t3).toMatchObject({ phaseCount: 0, integrated: 0, action: null, ruleId: null });
      for (const t of [t1, t3]) expect(Tag.safeParse(t).success).toBe(true);

      // Progress over the migrated records (read through the period index).
      expect(await progress(db)).toEqual({
        tagged: 3,
        integrated: 1,
        byPhase: { plan: 2, deploy: 1, implement: 1, inspect: 1 },
        byCategory: { emergency: 1, meeting: 1, admin: 1 },
        byAction: { 'commando-team': 1, 'branch-meeting': 1 },
      });
      expect(await progress(db, { origin: B })).toMatchObject({ tagged: 1, byCategory: { admin: 1 }, byAction: {} });
      expect(await progress(db, { from: 1719000000000 })).toMatchObject({ tagged: 1 });

      // Events: origin filled in from the task; the per-task index works.
      expect(await countEvents(db)).toBe(4);
      const history = await listEvents(db, { taskKey: 'oa.example.gov.cn|seeyon|1001' });
      expect(history.map((e) => e.type)).toEqual(['tagged', 'phase-done']);
      for (const e of await listEvents(db)) expect(Event.safeParse(e).success).toBe(true);
      expect(history[0]?.origin).toBe(A);

      // Settings moved into kv, new fields defaulted.
      expect(await getSettings(db)).toEqual({
        locale: 'zh-CN', panelMode: 'push', panelWidth: 380, period: 'year', lastExportAt: 1717000000000,
        personName: '', department: '', branch: '', unit: '',
      });

      // New stores are usable, and writes keep the indexes consistent.
      expect(await listRules(db)).toEqual([]);
      await putSite(db, { origin: A, enabled: true, source: 'user', adapterOverride: null, selectors: null, addedAt: 1 });
      const before = await progressByDay(db, { origin: A });
      // v3: the per-day counters were built from the migrated tags and agree with the indexes.
      expect(before).toEqual(await progress(db, { origin: A }));
      expect(await changesSinceExport(db)).toBe(4);
      await setPhase(db, 'oa.example.gov.cn|seeyon|1002', 'deploy', true, undefined, 1720000000000);
      expect((await progress(db, { origin: A })).byPhase.deploy).toBe(2);
      expect(await progressByDay(db, { origin: A })).toEqual(await progress(db, { origin: A }));
    } finally {
      db.close();
      await deleteRongheDb(name);
    }
  });

  it('reopening at the current version is a no-op; a fresh database gets the full schema', async () => {
    const name = uniqueDbName();
    const db = await openRongheDb(name);
    expect([...db.objectStoreNames].toSorted()).toEqual(['counters', 'details', 'events', 'kv', 'rules', 'sites', 'tags', 'tasks']);
    expect([...db.transaction('tags').store.indexNames].toSorted()).toEqual(['by-origin', 'by-tagged']);
    db.close();
    const again = await openRongheDb(name);
    expect(again.version).toBe(RONGHE_DB_VERSION);
    again.close();
    await deleteRongheDb(name);
  });
});

describe('migration v3 → v4', () => {
  it('drops the four counting indexes and their keys from every tag record; counters are untouched', async () => {
    const name = uniqueDbName();
    // A v3 database with a tag record as v3 wrote it (every facet indexed).
    const v3 = await openDB(name, 3, {
      upgrade(upgradeDb, oldVersion, _new, tx) {
        for (let v = oldVersion + 1; v <= 3; v++) void MIGRATIONS[v]?.(upgradeDb, tx);
      },
    });
    const tag = {
      taskKey: 'k1', origin: A, category: 'emergency', action: 'commando-team', source: 'auto', confidence: 0.9, evidence: ['防汛'], ruleId: null,
      phases: { plan: { done: true, at: 5, note: '' }, deploy: { done: false, at: null, note: '' }, implement: { done: false, at: null, note: '' }, inspect: { done: false, at: null, note: '' } },
      phaseCount: 1, integrated: 0, taggedAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000,
      ix: {
        at: [['', 1_700_000_000_000], [A, 1_700_000_000_000]],
        cat: [['', 'emergency', 1_700_000_000_000], [A, 'emergency', 1_700_000_000_000]],
        act: [['', 'commando-team', 1_700_000_000_000], [A, 'commando-team', 1_700_000_000_000]],
        int: [['', 0, 1_700_000_000_000], [A, 0, 1_700_000_000_000]],
        ph: [['', 'plan', 1_700_000_000_000], [A, 'plan', 1_700_000_000_000]],
      },
    };
    await v3.put('tags', tag);
    expect([...v3.transaction('tags').store.indexNames]).toContain('by-phase');
    v3.close();

    const db = await openRongheDb(name);
    try {
      expect(db.version).toBe(RONGHE_DB_VERSION);
      expect([...db.transaction('tags').store.indexNames].toSorted()).toEqual(['by-origin', 'by-tagged']);
      const stored = (await db.get('tags', 'k1')) as unknown as { ix: Record<string, unknown> };
      expect(Object.keys(stored.ix)).toEqual(['at']);
      expect(await getTag(db, 'k1')).toMatchObject({ category: 'emergency', phaseCount: 1 });
      expect(await progress(db, { origin: A })).toMatchObject({ tagged: 1, byPhase: { plan: 1 }, byAction: { 'commando-team': 1 } });
    } finally {
      db.close();
      await deleteRongheDb(name);
    }
  });
});

describe('migration v4 → v5', () => {
  it('adds the details store; v4 records, settings and counters are kept, and the new fields default from them', async () => {
    const name = uniqueDbName();
    const v4 = await openDB(name, 4, {
      upgrade(upgradeDb, oldVersion, _new, tx) {
        for (let v = oldVersion + 1; v <= 4; v++) void MIGRATIONS[v]?.(upgradeDb, tx);
      },
    });
    // Records exactly as v4 wrote them.
    const task = { key: 'k1', origin: A, product: 'seeyon', nativeId: '9', title: '关于做好防汛工作的通知', fields: { sender: '应急管理处', deadline: '2026/7/1 17:00' }, firstSeen: 1_700_000_000_000, lastSeen: 1_700_000_000_000 };
    const tag = {
      taskKey: 'k1', origin: A, category: 'emergency', action: 'commando-team', source: 'auto', confidence: 0.9, evidence: ['防汛'], ruleId: null,
      phases: { plan: { done: true, at: 5, note: '支委会' }, deploy: { done: false, at: null, note: '' }, implement: { done: false, at: null, note: '' }, inspect: { done: false, at: null, note: '' } },
      phaseCount: 1, integrated: 0, taggedAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000,
      ix: { at: [['', 1_700_000_000_000], [A, 1_700_000_000_000]] },
    };
    await v4.put('tasks', task);
    await v4.put('tags', tag);
    await v4.put('kv', { locale: 'en', panelMode: 'overlay', panelWidth: 400, period: 'month', lastExportAt: null }, 'settings');
    v4.close();

    const db = await openRongheDb(name);
    try {
      expect(db.version).toBe(5);
      expect([...db.transaction('details').store.indexNames]).toEqual(['by-origin']);
      expect(await db.count('details')).toBe(0);
      expect(await db.get('tasks', 'k1')).toEqual(task);
      expect(await db.get('tags', 'k1')).toEqual(tag);
      expect(await getSettings(db)).toMatchObject({ locale: 'en', panelWidth: 400, period: 'month', personName: '', branch: '' });
      const { resolveDetail } = await import('../../../utils/ledger/detail');
      const profile = { personName: '王五', department: '办公室', branch: '第一支部', unit: '某某局' };
      // With no details yet, the ledger shows the OA's sender and deadline and the settings' name.
      expect(resolveDetail(await getDetail(db, 'k1'), Task.parse(task), profile)).toMatchObject({ owner: '王五', leadDept: '应急管理处', deadline: '2026-07-01', branch: '第一支部' });
      const saved = await setDetail(db, 'k1', { owner: '李四', evidence: [{ name: '会议纪要', number: '2026-3', place: '党办档案柜' }] }, 1_700_000_100_000);
      expect(saved).toMatchObject({ taskKey: 'k1', origin: A, owner: '李四', updatedAt: 1_700_000_100_000 });
      expect(await getDetail(db, 'k1')).toEqual(saved);
      // A field set to '' is cleared (its default shows again); repeating a patch writes nothing.
      const cleared = await setDetail(db, 'k1', { owner: '' }, 1_700_000_200_000);
      expect(cleared).not.toHaveProperty('owner');
      expect(await setDetail(db, 'k1', { owner: '' }, 1_700_000_300_000)).toEqual(cleared);
      await expect(setDetail(db, 'nope', { owner: 'x' }, 1)).rejects.toThrow(/no tag/);
      expect(await progress(db, { origin: A })).toMatchObject({ tagged: 1, byPhase: { plan: 1 } });
    } finally {
      db.close();
      await deleteRongheDb(name);
    }
  });
});

describe('a failing migration', () => {
  it('rejects the open with the step error and leaves the v1 database untouched', async () => {
    const { vi } = await import('vitest');
    const name = uniqueDbName();
    await buildV1(name);
    const spy = vi.spyOn(IDBObjectStore.prototype, 'createIndex').mockImplementation(() => {
      throw new Error('simulated upgrade failure');
    });
    await expect(openRongheDb(name)).rejects.toThrow('simulated upgrade failure');
    spy.mockRestore();
    const v1 = await openDB(name);
    expect(v1.version).toBe(1);
    expect(await v1.count('tasks')).toBe(fixture.tasks.length);
    expect(await v1.get('settings', 'settings')).toEqual(fixture.settings);
    v1.close();
    // Once the cause is gone, the same database upgrades normally.
    const db = await openRongheDb(name);
    expect(db.version).toBe(RONGHE_DB_VERSION);
    expect(await db.count('tags')).toBe(3);
    db.close();
    await deleteRongheDb(name);
  });
});
