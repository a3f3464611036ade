// Integration progress from index counts over key ranges: no tag record is ever read.
import { CATEGORY_IDS, PHASE_IDS, type PhaseId } from '../model';
import { ALL_ORIGINS, KV_CHANGES, type RongheDb } from './schema';
import { emptyCounter, mergeCounters } from './counters';

export interface ProgressQuery {
  /** inclusive lower bound on taggedAt (epoch ms) */
  from?: number;
  /** inclusive upper bound on taggedAt (epoch ms) */
  to?: number;
  /** only tags of this origin */
  origin?: string;
}

export interface Progress {
  tagged: number;
  /** all four phases done */
  integrated: number;
  /** tags with that phase done */
  byPhase: Record<PhaseId, number>;
  /** category id → tags; categories with no tag are omitted */
  byCategory: Record<string, number>;
  /** action id → tags; tags without an action (null) are not counted here */
  byAction: Record<string, number>;
}

/**
 * 1 + 4 + 16 parallel count() requests, plus two per distinct action (the action ids are
 * open-ended, so they are discovered by hopping a key cursor from one action to the next).
 */
export async function progress(db: RongheDb, q: ProgressQuery = {}): Promise<Progress> {
  const scope = q.origin ?? ALL_ORIGINS;
  const lo = q.from ?? -Infinity;
  const hi = q.to ?? Infinity;
  if (lo > hi) return emptyProgress(); // an empty period; IDBKeyRange.bound would throw
  const tx = db.transaction('tags');
  const index = tx.store.index.bind(tx.store);
  // Keys are [scope, (value,) taggedAt]; the range picks one scope and value, then the period.
  const range = (...prefix: (string | number)[]) => IDBKeyRange.bound([scope, ...prefix, lo], [scope, ...prefix, hi]);

  const integrated = index('by-integrated').count(range(1));
  const phases = Promise.all(PHASE_IDS.map((p) => index('by-phase').count(range(p))));
  const categories = Promise.all(CATEGORY_IDS.map((c) => index('by-category').count(range(c))));
  const actions = countDistinct(index('by-action'), scope, range);

  const [i, ph, cat, act] = await Promise.all([integrated, phases, categories, actions]);
  // Every tag has exactly one category, so their sum is the tagged count: one range walk less
  // (count() walks its range in most engines, so this saves as much as a by-tagged count costs).
  const t = cat.reduce((sum, n) => sum + n, 0);
  const byPhase = Object.fromEntries(PHASE_IDS.map((p, n) => [p, ph[n] ?? 0])) as Record<PhaseId, number>;
  const byCategory: Record<string, number> = {};
  CATEGORY_IDS.forEach((c, n) => {
    if (cat[n]) byCategory[c] = cat[n];
  });
  return { tagged: t, integrated: i, byPhase, byCategory, byAction: act };
}

function emptyProgress(): Progress {
  return { tagged: 0, integrated: 0, byPhase: { plan: 0, deploy: 0, implement: 0, inspect: 0 }, byCategory: {}, byAction: {} };
}

type CountIndex = {
  count(range: IDBKeyRange): Promise<number>;
  openKeyCursor(range: IDBKeyRange): Promise<KeyCursor | null>;
};
type KeyCursor = { key: IDBValidKey; continue(key?: IDBValidKey): Promise<KeyCursor | null> };

async function countDistinct(
  index: CountIndex,
  scope: string,
  range: (value: string) => IDBKeyRange,
): Promise<Record<string, number>> {
  const counts: Promise<[string, number]>[] = [];
  // [scope] sorts before every [scope, ...]; an array sorts after every string, so
  // [scope, []] bounds the scope and [scope, value, []] is just past the value's last key.
  let cursor = await index.openKeyCursor(IDBKeyRange.bound([scope], [scope, []]));
  while (cursor) {
    const value = (cursor.key as [string, string, number])[1];
    counts.push(index.count(range(value)).then((n) => [value, n]));
    cursor = await cursor.continue([scope, value, []]);
  }
  const out: Record<string, number> = {};
  for (const [value, n] of await Promise.all(counts)) if (n > 0) out[value] = n;
  return out;
}

export interface DayProgressQuery {
  /** inclusive local days, yyyymmdd (see counters.ts dayOf) */
  fromDay?: number;
  toDay?: number;
  origin?: string;
}

/**
 * The same numbers as `progress`, for whole local days, from the per-day counters: one read of at
 * most a few hundred small records, whatever the size of the store (popup and badge).
 */
export async function progressByDay(db: RongheDb, q: DayProgressQuery = {}): Promise<Progress> {
  const scope = q.origin ?? ALL_ORIGINS;
  const rows = await db.getAll('counters', IDBKeyRange.bound([scope, q.fromDay ?? 0], [scope, q.toDay ?? 99_999_999]));
  const total = rows.reduce(mergeCounters, emptyCounter(scope, 0));
  return {
    tagged: total.tagged,
    integrated: total.integrated,
    byPhase: total.byPhase,
    byCategory: total.byCategory,
    byAction: total.byAction,
  };
}

/** Changes (events) written since the last export: the backup reminder. */
export async function changesSinceExport(db: RongheDb): Promise<number> {
  const value = await db.get('kv', KV_CHANGES);
  return typeof value === 'number' ? value : 0;
}

/** The export is done: nothing unexported remains. */
export async function markExported(db: RongheDb): Promise<void> {
  await db.put('kv', 0, KV_CHANGES);
}
