// Row reports are answered first and their sightings written after, together, once the page's
// burst of reports pauses: the reads that answer later reports don't wait behind write transactions,
// and right after install (an empty store) the answers need no read at all.
import { describe, expect, it, vi } from 'vitest';
import { createServices } from '@/utils/background/services';
import type { RowReport } from '@/utils/model';
import * as store from '@/utils/store';
import { freshDb } from '../store/helpers';
import { fakeEffects } from './fake-effects';

const OA = 'http://oa.example.gov.cn';
const caller = { kind: 'content' as const, origin: OA, tabId: 3, frameId: 0 };
const rows = (from: number, n: number): RowReport[] =>
  Array.from({ length: n }, (_, i) => ({ nativeId: String(from + i), title: `关于做好第${from + i}批防汛物资储备工作的通知`, fields: {} }));
const report = (r: RowReport[]) => ({ type: 'rows/report' as const, adapterId: 'ecology9', product: '泛微 e-cology 9', confidence: 'product' as const, rows: r });

/** Counts the transactions opened on the database, by mode and stores. */
function countTransactions(db: store.RongheDb) {
  const opened: string[] = [];
  const original = db.transaction.bind(db);
  vi.spyOn(db, 'transaction').mockImplementation(((names: string | string[], mode?: IDBTransactionMode) => {
    opened.push(`${mode ?? 'readonly'}:${[names].flat().join(',')}`);
    return original(names as never, mode);
  }) as typeof db.transaction);
  return opened;
}

async function setup(db?: store.RongheDb) {
  const database = db ?? (await freshDb());
  let clock = 1_700_000_000_000;
  const services = createServices(database, fakeEffects(), () => ++clock);
  await services.ready;
  return { db: database, services };
}

describe('sightings written after the answer', () => {
  it('right after install, a burst of reports is answered without reading the store and written once it pauses', async () => {
    const { db, services } = await setup();
    const opened = countTransactions(db);
    const answers = await Promise.all([0, 100, 200].map((from) => services.reportRows(caller, report(rows(from, 100)))));
    expect(answers.flat()).toHaveLength(300);
    expect(answers.flat().every((v) => v.category === 'emergency')).toBe(true);
    // Answered from memory: nothing read, nothing written yet.
    expect(opened).toEqual([]);
    await services.settled();
    // One write of the tasks and one of the tags for the whole burst.
    expect(opened.filter((t) => t.startsWith('readwrite'))).toEqual(['readwrite:tasks', 'readwrite:tags,events,counters,kv']);
    expect(opened.filter((t) => t.startsWith('readonly:tags'))).toEqual([]);
    expect((await store.exportAll(db)).tags).toHaveLength(300);
  });

  it('the burst is written by itself once the page stops reporting, with no one waiting for it', async () => {
    const { db, services } = await setup();
    await services.reportRows(caller, report(rows(0, 50)));
    await vi.waitFor(async () => expect((await store.exportAll(db)).tasks).toHaveLength(50), { timeout: 3000, interval: 50 });
  });

  it('a worker that starts on a store with tags reads the ones it has not seen, and keeps their progress', async () => {
    const first = await setup();
    const [view] = await first.services.reportRows(caller, report(rows(0, 1)));
    await first.services.settled();
    await first.services.setPhase(view!.key, 'plan', true, '');
    // A new worker on the same database (MV3 stopped the first one).
    const again = await setup(first.db);
    const opened = countTransactions(first.db);
    const [seen, fresh] = await again.services.reportRows(caller, report([...rows(0, 1), ...rows(1, 1)]));
    expect(seen!.phases).toBe(1);
    expect(fresh!.phases).toBe(0);
    expect(opened).toContain('readonly:tags');
  });

  it('a phase ticked in the middle of a burst is applied after the tag it changes is stored', async () => {
    const { db, services } = await setup();
    const [view] = await services.reportRows(caller, report(rows(0, 10)));
    const ticked = await services.setPhase(view!.key, 'deploy', true, '部署会');
    expect(ticked.phases).toBe(1);
    expect((await store.getTag(db, view!.key))?.phases.deploy.done).toBe(true);
    expect((await store.exportAll(db)).tasks).toHaveLength(10);
  });
});
