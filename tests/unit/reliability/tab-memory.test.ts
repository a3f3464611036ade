// A tab's task list survives the MV3 worker: a second service instance over the same store and
// the same session storage (a restarted worker) lists what the first one was told; without session
// storage it asks the tab's frames again and lists what they report.
import { describe, expect, it, vi } from 'vitest';
import { createServices, type Effects } from '@/utils/background/services';
import type { TabMemory } from '@/utils/background/services/tab-pages';
import type { RowReport } from '@/utils/model';
import { freshDb } from '../store/helpers';
import { fakeEffects } from '../background/fake-effects';

const OA = 'http://oa.example.gov.cn';
const top = { kind: 'content' as const, origin: OA, tabId: 7, frameId: 0 };
const child = { ...top, frameId: 3 };
const row = (nativeId: string, title: string): RowReport => ({ nativeId, title, fields: {} });
const report = (rows: RowReport[]) => ({ type: 'rows/report' as const, adapterId: 'ecology9', product: '泛微 e-cology 9', confidence: 'product' as const, rows });
const status = (keys: string[]) => ({ type: 'page/status' as const, product: 'e9', adapterIds: ['ecology9'], rows: keys.length, lists: 1, path: '/', keys });

/** storage.session as the browser keeps it: outside the worker, values copied in and out. */
function sessionArea(): TabMemory & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    async get(key) {
      const v = data.get(key);
      return v === undefined ? {} : { [key]: JSON.parse(v) as unknown };
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, JSON.stringify(v));
    },
    async remove(key) {
      data.delete(key);
    },
  };
}

function fx(overrides: Partial<Effects> = {}): Effects {
  return fakeEffects(overrides);
}

type Listed = { items: Array<{ task: { key: string } }> };

describe('tab state that survives the worker', () => {
  it('a restarted worker lists every frame of the tab from session storage', async () => {
    const db = await freshDb();
    const session = sessionArea();
    const first = createServices(db, fx({ tabMemory: session }));
    await first.ready;
    const a = await first.reportRows(top, report([row('1', '关于做好防汛工作的通知'), row('2', '公务用车申请')]));
    const b = await first.reportRows(child, report([row('3', '党费收缴工作安排')]));
    await first.pageStatus(top, status(a.map((v) => v.key)));
    await first.pageStatus(child, status(b.map((v) => v.key)));
    await first.settled();
    const before = (await first.tasksForTab(7)) as Listed;
    expect(before.items).toHaveLength(3);

    // The worker stops: memory goes, session storage and IndexedDB stay.
    const askFrames = vi.fn();
    const second = createServices(db, fx({ tabMemory: session, askFrames }));
    await second.ready;
    const after = (await second.tasksForTab(7)) as Listed;
    expect(after.items.map((i) => i.task.key).sort()).toEqual(before.items.map((i) => i.task.key).sort());
    // The frames are still asked to confirm, once.
    expect(askFrames).toHaveBeenCalledTimes(1);
    await second.tasksForTab(7);
    expect(askFrames).toHaveBeenCalledTimes(1);
  });

  it('a frame that reports first to a restarted worker does not erase the others', async () => {
    const db = await freshDb();
    const session = sessionArea();
    const first = createServices(db, fx({ tabMemory: session }));
    await first.ready;
    const a = await first.reportRows(top, report([row('1', '关于做好防汛工作的通知')]));
    const b = await first.reportRows(child, report([row('3', '党费收缴工作安排')]));
    await first.pageStatus(top, status(a.map((v) => v.key)));
    await first.pageStatus(child, status(b.map((v) => v.key)));
    await first.settled();

    const second = createServices(db, fx({ tabMemory: session }));
    await second.ready;
    await second.pageStatus(child, status(b.map((v) => v.key)));
    const listed = (await second.tasksForTab(7)) as Listed;
    expect(listed.items).toHaveLength(2);
  });

  it('without session storage, the frames are asked again and the panel waits for their answer', async () => {
    const db = await freshDb();
    const first = createServices(db, fx());
    await first.ready;
    const a = await first.reportRows(top, report([row('1', '关于做好防汛工作的通知'), row('2', '公务用车申请')]));
    await first.settled();

    let second!: ReturnType<typeof createServices>;
    const pageHasTasks = vi.fn();
    // The content script answers page/report with its page/status, as entrypoints/content.ts does.
    const askFrames = vi.fn((tabId: number) => {
      expect(tabId).toBe(7);
      queueMicrotask(() => void second.pageStatus(top, status(a.map((v) => v.key))));
    });
    second = createServices(db, fx({ askFrames, pageHasTasks }));
    await second.ready;
    const listed = (await second.tasksForTab(7)) as Listed;
    expect(askFrames).toHaveBeenCalledTimes(1);
    expect(listed.items).toHaveLength(2);
    // The open panel hears that the tab's list came back.
    expect(pageHasTasks).toHaveBeenCalledWith(7, 2);
  });

  it('sightings lost with the worker: the frames report their rows again and the panel lists them all, stored', async () => {
    const db = await freshDb();
    const session = sessionArea();
    const first = createServices(db, fx({ tabMemory: session }));
    await first.ready;
    const rows = [row('1', '关于做好防汛工作的通知'), row('2', '公务用车申请'), row('3', '党费收缴工作安排')];
    const views = await first.reportRows(top, report(rows));
    await first.pageStatus(top, status(views.map((v) => v.key)));
    // The worker stops after answering, before the burst's sightings were written: nothing stored,
    // but the tab's list is in session storage.
    expect(await db.count('tasks')).toBe(0);

    let second!: ReturnType<typeof createServices>;
    // The content script answers page/report with its rows again, then its status (page-sensor.ts).
    const askFrames = vi.fn(() => {
      setTimeout(() => {
        void second.reportRows(top, report(rows));
        setTimeout(() => void second.pageStatus(top, status(views.map((v) => v.key))), 60);
      }, 5);
    });
    second = createServices(db, fx({ tabMemory: session, askFrames }));
    await second.ready;
    const listed = (await second.tasksForTab(7)) as Listed;
    expect(listed.items.map((i) => i.task.key).sort()).toEqual(views.map((v) => v.key).sort());
    // Listed means stored: a panel reopened after the next stop lists them from the store.
    expect(await db.count('tasks')).toBe(3);
    expect(await db.count('tags')).toBe(3);
  });

  it('a new document in the tab forgets the old list, in session storage too', async () => {
    const db = await freshDb();
    const session = sessionArea();
    const first = createServices(db, fx({ tabMemory: session }));
    await first.ready;
    const a = await first.reportRows(top, report([row('1', '关于做好防汛工作的通知')]));
    await first.pageStatus(top, status(a.map((v) => v.key)));
    first.tabClosed(7);
    await first.settled();
    const second = createServices(db, fx({ tabMemory: session }));
    await second.ready;
    expect(((await second.tasksForTab(7)) as Listed).items).toHaveLength(0);
  });
});
