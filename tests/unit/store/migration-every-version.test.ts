// Every earlier schema version to the current one. The v1 database is the fixture as the first
// release wrote it (tests/fixtures/store-v1.json); the database of each later version k is that
// one as a user of version k had it: the fixture, upgraded by the steps that version shipped,
// then written by it (a phase ticked, a rule, a site). Opened by the current code, each keeps
// every record, gets the current shapes, and its counters agree with its tags. A new version
// added to MIGRATIONS is covered from each version before it.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/store-v1.json';
import { Event, Tag, Task } from '../../../utils/model';
import {
  countEvents, deleteRongheDb, exportAll, getSettings, getTag, listRules, listSites, MIGRATIONS, openRongheDb, progress, progressByDay, RONGHE_DB_VERSION, setPhase,
} from '../../../utils/store';
import { uniqueDbName } from './helpers';

const A = 'http://oa.example.gov.cn';
const KEY = 'oa.example.gov.cn|seeyon|1002';

/** The database a user of version `k` had. */
async function buildAt(name: string, k: number): Promise<void> {
  const v1 = await openDB(name, 1, {
    upgrade(db, _old, _new, tx) {
      void MIGRATIONS[1]?.(db, tx);
    },
  });
  const tx = v1.transaction(['tasks', 'tags', 'events', 'settings'], 'readwrite');
  for (const t of fixture.tasks) void tx.objectStore('tasks').put(t);
  for (const t of fixture.tags) void tx.objectStore('tags').put(t);
  for (const e of fixture.events) void tx.objectStore('events').put(e);
  void tx.objectStore('settings').put(fixture.settings, 'settings');
  await tx.done;
  v1.close();
  if (k === 1) return;
  const db = await openDB(name, k, {
    upgrade(upgradeDb, oldVersion, _new, upgradeTx) {
      let chain = Promise.resolve();
      for (let v = oldVersion + 1; v <= k; v++) chain = chain.then(() => MIGRATIONS[v]?.(upgradeDb, upgradeTx));
    },
  });
  expect(db.version).toBe(k);
  // Written by version k (v2 brought rules and sites): a rule and a site, as plain records.
  await db.put('rules', { id: `rule-v${k}`, title: '关于做好防汛应急工作的通知', signature: '防汛应急工作', category: 'emergency', action: 'commando-team', createdAt: 1, source: 'user' });
  await db.put('sites', { origin: A, enabled: true, source: 'user', adapterOverride: null, selectors: null, addedAt: 1 });
  db.close();
}

const earlier = Array.from({ length: RONGHE_DB_VERSION - 1 }, (_, i) => i + 1);

describe('migrations from every earlier schema version', () => {
  it.each(earlier)('v%i → current keeps every record in the current shapes, counters agree with tags', async (k) => {
    const name = uniqueDbName();
    await buildAt(name, k);
    const db = await openRongheDb(name);
    try {
      expect(db.version).toBe(RONGHE_DB_VERSION);
      const all = await exportAll(db);
      expect(all.tasks.map((t) => t.key).sort()).toEqual(fixture.tasks.map((t) => t.key).sort());
      expect(all.tags.map((t) => t.taskKey).sort()).toEqual(fixture.tags.map((t) => t.taskKey).sort());
      for (const t of all.tasks) expect(Task.safeParse(t).success).toBe(true);
      for (const t of all.tags) expect(Tag.safeParse(t).success).toBe(true);
      for (const e of all.events) expect(Event.safeParse(e).success).toBe(true);
      expect(await countEvents(db)).toBe(fixture.events.length);
      expect((await getTag(db, 'oa.example.gov.cn|seeyon|1001'))?.phases.plan.note).toBe('支委会研究');
      expect((await getSettings(db)).period).toBe('year');
      if (k >= 2) {
        expect((await listRules(db)).map((r) => r.id)).toEqual([`rule-v${k}`]);
        expect((await listSites(db)).map((s) => s.origin)).toEqual([A]);
      }
      // The counters (v3) agree with a recount of the tags, before and after a write.
      expect(await progressByDay(db, {})).toEqual(await progress(db));
      await setPhase(db, KEY, 'inspect', true, undefined, 1_720_000_000_000);
      expect(await progressByDay(db, {})).toEqual(await progress(db));
      expect((await getTag(db, KEY))?.phases.inspect.done).toBe(true);
    } finally {
      db.close();
      await deleteRongheDb(name);
    }
  });
});
