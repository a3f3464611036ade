// The 台账 fields of a task (store v5): read, and patched field by field in one transaction.
import { TaskDetail, TaskDetailFields, type TaskDetailFields as Fields } from '../model';
import type { RongheDb } from './schema';
import { bumpChanges } from './counters';
import { inWriteTx, queue } from './tx';
import { TagNotFoundError } from './tags';

export async function getDetail(db: RongheDb, key: string): Promise<TaskDetail | undefined> {
  return db.get('details', key);
}

export async function listDetails(db: RongheDb): Promise<TaskDetail[]> {
  return db.getAll('details');
}

/** Empty strings and empty lists mean "not set": they are dropped, so defaults show again. */
export function compactDetail<T extends Fields>(fields: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
    if (out[k] === '') delete out[k];
  }
  return out as T;
}

/**
 * Applies a patch (a field set to '' or [] clears it) to the task's details and resolves once
 * committed. The task must be tagged (its origin comes from the tag). Repeating a patch writes
 * nothing the second time, so retries are safe. Throws TagNotFoundError for an untagged task.
 */
export async function setDetail(db: RongheDb, taskKey: string, patch: Fields, at: number): Promise<TaskDetail> {
  const valid = TaskDetailFields.parse(patch);
  return inWriteTx(db, ['details', 'tags', 'kv'], async (tx) => {
    const tag = await tx.objectStore('tags').get(taskKey);
    if (!tag) throw new TagNotFoundError(taskKey);
    const stored = await tx.objectStore('details').get(taskKey);
    const { taskKey: _k, origin: _o, updatedAt: _u, ...before } = stored ?? { taskKey, origin: tag.origin, updatedAt: at };
    const fields = compactDetail({ ...before, ...valid });
    const next = TaskDetail.parse({ ...fields, taskKey, origin: tag.origin, updatedAt: at });
    if (stored && JSON.stringify(compactDetail(before)) === JSON.stringify(fields)) return stored;
    queue(tx.objectStore('details').put(next));
    await bumpChanges(tx.objectStore('kv'), 1);
    return next;
  });
}
