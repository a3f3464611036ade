// Integration progress: from the per-day counters (popup, badge), or by reading a span's tags.
import type { PhaseId } from '../model';
import { ALL_ORIGINS, KV_CHANGES, type CounterRow, type RongheDb } from './schema';
import { count, emptyCounter, mergeCounters } from './counters';

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
 * Progress for any span of time (to the millisecond), by reading the tags of that span: the
 * popup and the badge use `progressByDay` (the counters) instead; this is the reference the
 * counters are checked against, and serves spans that don't fall on whole days.
 */
export async function progress(db: RongheDb, q: ProgressQuery = {}): Promise<Progress> {
  const scope = q.origin ?? ALL_ORIGINS;
  const lo = q.from ?? -Infinity;
  const hi = q.to ?? Infinity;
  const total = emptyCounter(scope, 0);
  if (lo > hi) return toProgress(total); // an empty period; IDBKeyRange.bound would throw
  for (const tag of await db.getAllFromIndex('tags', 'by-tagged', IDBKeyRange.bound([scope, lo], [scope, hi]))) count(total, tag, 1);
  return toProgress(total);
}

function toProgress(row: CounterRow): Progress {
  return { tagged: row.tagged, integrated: row.integrated, byPhase: row.byPhase, byCategory: row.byCategory, byAction: row.byAction };
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
  return toProgress(rows.reduce(mergeCounters, emptyCounter(scope, 0)));
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
