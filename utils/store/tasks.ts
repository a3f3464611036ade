// Tasks: one record per business task, keyed by its stable key.
import type { Task } from '../model';
import type { RongheDb } from './schema';
import { inWriteTx, queue } from './tx';

/**
 * Merges a re-seen task into the stored one: firstSeen is kept, lastSeen never goes back, title
 * and url follow the latest sighting, and fields are merged (a sparse view such as a portal
 * widget must not erase the sender or deadline a full list page gave us).
 */
export function mergeTask(stored: Task | undefined, seen: Task): Task {
  if (!stored) return seen;
  return {
    ...stored,
    ...seen,
    nativeId: seen.nativeId ?? stored.nativeId,
    product: seen.product || stored.product,
    url: seen.url ?? stored.url,
    fields: { ...stored.fields, ...seen.fields },
    firstSeen: Math.min(stored.firstSeen, seen.firstSeen),
    lastSeen: Math.max(stored.lastSeen, seen.lastSeen),
  };
}

/** Upserts in one transaction; a retried call yields the same records. Returns what is stored. */
export async function upsertTasks(db: RongheDb, tasks: readonly Task[]): Promise<Task[]> {
  if (tasks.length === 0) return [];
  return inWriteTx(db, ['tasks'], async (tx) => {
    const store = tx.objectStore('tasks');
    const keys = [...new Set(tasks.map((t) => t.key))];
    const existing = await Promise.all(keys.map((k) => store.get(k)));
    const merged = new Map<string, Task>();
    keys.forEach((k, i) => {
      const found = existing[i];
      if (found) merged.set(k, found);
    });
    for (const t of tasks) merged.set(t.key, mergeTask(merged.get(t.key), t));
    for (const t of merged.values()) queue(store.put(t));
    return tasks.map((t) => merged.get(t.key) as Task);
  });
}

export async function getTask(db: RongheDb, key: string): Promise<Task | undefined> {
  return db.get('tasks', key);
}

/** Same order as `keys`; undefined for unknown keys. */
export async function getTasks(db: RongheDb, keys: readonly string[]): Promise<(Task | undefined)[]> {
  const tx = db.transaction('tasks');
  return Promise.all(keys.map((k) => tx.store.get(k)));
}

export async function listTasksByOrigin(db: RongheDb, origin: string): Promise<Task[]> {
  return db.getAllFromIndex('tasks', 'by-origin', origin);
}

/** Tasks seen at or after `since` (e.g. for pruning or "recent" views), oldest first. */
export async function listTasksSeenSince(db: RongheDb, since: number): Promise<Task[]> {
  return db.getAllFromIndex('tasks', 'by-lastSeen', IDBKeyRange.lowerBound(since));
}
