// IndexedDB store benchmarks on fake-indexeddb (Node): our layer against raw IndexedDB doing
// the same work, measured in the same run. Absolute numbers are fake-indexeddb's, not a
// browser's; the ratios are what to watch.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openDB, type IDBPDatabase } from 'idb';
import { CATEGORY_IDS, PHASE_IDS, type Tag, type Task } from '../../utils/model';
import {
  deleteRongheDb, dayOf, getTags, getTasks, openRongheDb, progressByDay, putTagsIfAbsent, upsertTasks, type Progress, type RongheDb,
} from '../../utils/store';
import { toTagRecord } from '../../utils/store/tag-record';
import type { BenchResult } from './types';

const N = 10_000;
const RUNS = 3;
/** Bulk writes take seconds on fake-indexeddb: one run each keeps `npm run bench` short. */
const WRITE_RUNS = 1;
const ORIGINS = ['http://oa.a.gov.cn', 'http://10.0.0.8:8080'];
const ACTIONS = [null, 'branch-meeting', 'commando-team', 'duty-post', 'vanguard-post', 'study-session'];

/** Deterministic pseudo-random data (LCG), so every run measures the same records. */
function dataset(n: number): { tasks: Task[]; tags: Tag[] } {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const tasks: Task[] = [];
  const tags: Tag[] = [];
  for (let i = 0; i < n; i++) {
    const key = `bench|${i}`;
    const origin = ORIGINS[i % ORIGINS.length] as string;
    const at = 1_700_000_000_000 + Math.floor(rnd() * 365) * 86_400_000;
    tasks.push({
      key, origin, product: 'seeyon', nativeId: String(i), title: `关于第${i}项重点工作的通知`,
      fields: { sender: '办公室', workflow: '收文', urgency: i % 5 }, firstSeen: at, lastSeen: at,
    });
    const phases = Object.fromEntries(PHASE_IDS.map((p) => {
      const done = rnd() < 0.4;
      return [p, { done, at: done ? at : null, note: '' }];
    })) as Tag['phases'];
    tags.push({
      taskKey: key, origin, category: CATEGORY_IDS[i % CATEGORY_IDS.length] as Tag['category'],
      action: ACTIONS[i % ACTIONS.length] ?? null, source: 'auto', confidence: 0.7, evidence: ['通知'], ruleId: null,
      phases, phaseCount: 0, integrated: 0, taggedAt: at, updatedAt: at,
    });
  }
  return { tasks, tags };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Median of RUNS timings, each after `setup` (untimed). */
async function median(setup: () => Promise<void>, fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await setup();
    times.push(await time(fn));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

let dbCounter = 0;
const fresh = () => `ronghe-bench-${process.pid}-${++dbCounter}`;

/** A plain database with only primary keys and an origin index: "IndexedDB without our layer". */
async function openRaw(name: string): Promise<IDBPDatabase> {
  return openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('tasks', { keyPath: 'key' }).createIndex('by-origin', 'origin');
      db.createObjectStore('tags', { keyPath: 'taskKey' }).createIndex('by-origin', 'origin');
    },
  });
}

async function rawPut(db: IDBPDatabase, stores: Record<string, object[]>): Promise<void> {
  const tx = db.transaction(Object.keys(stores), 'readwrite');
  for (const [store, records] of Object.entries(stores)) for (const r of records) void tx.objectStore(store).put(r);
  await tx.done;
}

function scanProgress(tags: Tag[]): Progress {
  const out: Progress = { tagged: tags.length, integrated: 0, byPhase: { plan: 0, deploy: 0, implement: 0, inspect: 0 }, byCategory: {}, byAction: {} };
  for (const t of tags) {
    let done = 0;
    for (const p of PHASE_IDS) {
      if (!t.phases[p].done) continue;
      out.byPhase[p]++;
      done++;
    }
    if (done === 4) out.integrated++;
    out.byCategory[t.category] = (out.byCategory[t.category] ?? 0) + 1;
    if (t.action !== null) out.byAction[t.action] = (out.byAction[t.action] ?? 0) + 1;
  }
  return out;
}

const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;
const ms = (v: number) => Math.round(v * 10) / 10;

export async function benchStore(): Promise<BenchResult[]> {
  const { tasks, tags } = dataset(N);
  const results: BenchResult[] = [];
  const names: string[] = [];
  const toDelete = (name: string) => {
    names.push(name);
    return name;
  };

  // 1. Bulk write: our upsertTasks + putTagsIfAbsent (merge reads, derived index keys, one
  //    'tagged' event per tag) against raw puts of the same task and tag records.
  let ours: RongheDb | undefined;
  const write = await median(
    async () => {
      ours?.close();
      ours = await openRongheDb(toDelete(fresh()));
    },
    async () => {
      await upsertTasks(ours as RongheDb, tasks);
      await putTagsIfAbsent(ours as RongheDb, tags);
    },
    WRITE_RUNS,
  );
  let raw: IDBPDatabase | undefined;
  const rawWrite = await median(
    async () => {
      raw?.close();
      raw = await openRaw(toDelete(fresh()));
    },
    () => rawPut(raw as IDBPDatabase, { tasks, tags }),
    WRITE_RUNS,
  );
  results.push({
    name: 'store.write 10k tasks+tags', value: ms(write), unit: 'ms',
    baseline: `raw put of the same records, one tx, by-origin indexes only: ${ms(rawWrite)} ms`, ratio: ratio(write, rawWrite),
    note: 'ours = upsertTasks (1 tx) + putTagsIfAbsent (1 tx, +10k events, the multiEntry period index, per-day counters)',
  });
  // Same work on our schema without the layer: isolates the layer from the index cost.
  const records = tags.map(toTagRecord);
  let rawV2: RongheDb | undefined;
  const rawV2Write = await median(
    async () => {
      rawV2?.close();
      rawV2 = await openRongheDb(toDelete(fresh()));
    },
    () => rawPut(rawV2 as unknown as IDBPDatabase, { tasks, tags: records }),
    WRITE_RUNS,
  );
  results.push({
    name: 'store.write 10k tasks+tags (vs same schema)', value: ms(write), unit: 'ms',
    baseline: `raw put of tasks + precomputed tag records into our schema, one tx, no events or counters: ${ms(rawV2Write)} ms`,
    ratio: ratio(write, rawV2Write),
  });
  rawV2?.close();

  const db = ours as RongheDb;
  const keys = tasks.map((t) => t.key);

  // 2. Bulk read by key: getTasks + getTags (strips index keys) against raw gets.
  const read = await median(async () => undefined, () => Promise.all([getTasks(db, keys), getTags(db, keys)]));
  const rawDb = raw as IDBPDatabase;
  const rawRead = await median(async () => undefined, async () => {
    const tx = rawDb.transaction(['tasks', 'tags']);
    return Promise.all([...keys.map((k) => tx.objectStore('tasks').get(k)), ...keys.map((k) => tx.objectStore('tags').get(k))]);
  });
  results.push({
    name: 'store.read 10k tasks+tags by key', value: ms(read), unit: 'ms',
    baseline: `raw get of the same keys: ${ms(rawRead)} ms`, ratio: ratio(read, rawRead),
  });

  // 3. progress from the per-day counters (what the popup and badge read) against reading every
  // tag and counting in JS.
  const scan = async () => scanProgress(await rawDb.getAll('tags'));
  const expected = await scan();
  const got = await progressByDay(db);
  if (JSON.stringify(got.byPhase) !== JSON.stringify(expected.byPhase) || got.tagged !== expected.tagged || got.integrated !== expected.integrated) {
    throw new Error(`progress mismatch: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
  }
  const prog = await median(async () => undefined, () => progressByDay(db));
  const scanTime = await median(async () => undefined, scan);
  results.push({
    name: 'store.progress 10k tags (counters)', value: ms(prog), unit: 'ms',
    baseline: `full scan (getAll + count in JS): ${ms(scanTime)} ms`, ratio: ratio(prog, scanTime),
    note: 'one getAll of per-day counter rows, whatever the number of tags',
  });
  const from = 1_700_000_000_000 + 300 * 86_400_000;
  const progFiltered = await median(async () => undefined, () => progressByDay(db, { origin: ORIGINS[0], fromDay: dayOf(from) }));
  results.push({
    name: 'store.progress 10k tags, origin + last ~2 months (counters)', value: ms(progFiltered), unit: 'ms',
    baseline: `full scan (getAll + count in JS): ${ms(scanTime)} ms`, ratio: ratio(progFiltered, scanTime),
  });

  ours?.close();
  raw?.close();
  for (const name of names) await deleteRongheDb(name);
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchStore());
}
