// Progress counters: per local day and per scope (all sites, or one origin), the numbers the badge
// and the popup show. Kept in the same transaction as every tag write, so reading progress for a
// period is a handful of small records, however many tasks and events the store holds.
import { PHASE_IDS, type Tag } from '../model';
import { ALL_ORIGINS, KV_CHANGES, type CounterRow, type RongheDB } from './schema';
import type { IDBPObjectStore, StoreNames } from 'idb';

type CounterStore = IDBPObjectStore<RongheDB, StoreNames<RongheDB>[], 'counters', 'readwrite'>;

/** Adds n to the count of changes since the last export, inside the caller's transaction. */
export async function bumpChanges(kv: IDBPObjectStore<RongheDB, StoreNames<RongheDB>[], 'kv', 'readwrite'>, n: number): Promise<void> {
  if (n === 0) return;
  const current = await kv.get(KV_CHANGES);
  await kv.put((typeof current === 'number' ? current : 0) + n, KV_CHANGES);
}

/** A local calendar day as yyyymmdd: periods (本周/本月/本年) start at local midnight. */
export function dayOf(ms: number): number {
  const d = new Date(ms);
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

export function emptyCounter(scope: string, day: number): CounterRow {
  return { scope, day, tagged: 0, integrated: 0, byPhase: { plan: 0, deploy: 0, implement: 0, inspect: 0 }, byCategory: {}, byAction: {} };
}

type CountedTag = Pick<Tag, 'origin' | 'category' | 'action' | 'phases' | 'taggedAt'>;

/** Adds (+1) or removes (−1) one tag's contribution to a row. */
export function count(row: CounterRow, tag: CountedTag, sign: 1 | -1): void {
  row.tagged += sign;
  let done = 0;
  for (const p of PHASE_IDS) {
    if (!tag.phases[p].done) continue;
    row.byPhase[p] += sign;
    done++;
  }
  if (done === PHASE_IDS.length) row.integrated += sign;
  row.byCategory[tag.category] = (row.byCategory[tag.category] ?? 0) + sign;
  if (tag.action !== null) row.byAction[tag.action] = (row.byAction[tag.action] ?? 0) + sign;
}

/** Adds (+1) or removes (−1) one tag's contribution; deltas accumulate in memory per transaction. */
export class CounterDelta {
  private readonly rows_ = new Map<string, CounterRow>();

  add(tag: CountedTag, sign: 1 | -1): void {
    const day = dayOf(tag.taggedAt);
    for (const scope of [ALL_ORIGINS, tag.origin]) {
      const key = `${scope}\u0000${day}`;
      let row = this.rows_.get(key);
      if (!row) this.rows_.set(key, (row = emptyCounter(scope, day)));
      count(row, tag, sign);
    }
  }

  rows(): CounterRow[] {
    return [...this.rows_.values()];
  }

  /** Applies the accumulated deltas inside the caller's transaction. */
  async applyTo(store: CounterStore): Promise<void> {
    await Promise.all(
      this.rows().map(async (delta) => {
        const row = (await store.get([delta.scope, delta.day])) ?? emptyCounter(delta.scope, delta.day);
        await store.put(mergeCounters(row, delta));
      }),
    );
  }
}

export function mergeCounters(a: CounterRow, b: CounterRow): CounterRow {
  const sum = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [k, v] of Object.entries(y)) {
      const n = (out[k] ?? 0) + v;
      if (n === 0) delete out[k];
      else out[k] = n;
    }
    return out;
  };
  return {
    scope: a.scope,
    day: a.day,
    tagged: a.tagged + b.tagged,
    integrated: a.integrated + b.integrated,
    byPhase: { plan: a.byPhase.plan + b.byPhase.plan, deploy: a.byPhase.deploy + b.byPhase.deploy, implement: a.byPhase.implement + b.byPhase.implement, inspect: a.byPhase.inspect + b.byPhase.inspect },
    byCategory: sum(a.byCategory, b.byCategory),
    byAction: sum(a.byAction, b.byAction),
  };
}
