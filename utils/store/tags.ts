// Tags: one per task (key taskKey). Every change to a tag and its event share one transaction.
import { emptyPhases, type Event, type PhaseId, type Tag } from '../model';
import { makeEvent } from './events';
import { ALL_ORIGINS, type RongheDb } from './schema';
import { clonePhases, fromTagRecord, toTagRecord } from './tag-record';
import { inWriteTx, queue } from './tx';
import { bumpChanges, CounterDelta } from './counters';

export class TagNotFoundError extends Error {
  constructor(readonly taskKey: string) {
    super(`ronghe store: no tag for task ${taskKey}`);
    this.name = 'TagNotFoundError';
  }
}

export async function getTag(db: RongheDb, key: string): Promise<Tag | undefined> {
  const record = await db.get('tags', key);
  return record && fromTagRecord(record);
}

/** Same order as `keys`; undefined for untagged keys. */
export async function getTags(db: RongheDb, keys: readonly string[]): Promise<(Tag | undefined)[]> {
  const tx = db.transaction('tags');
  const records = await Promise.all(keys.map((k) => tx.store.get(k)));
  return records.map((r) => r && fromTagRecord(r));
}

export async function listTagsByOrigin(db: RongheDb, origin: string): Promise<Tag[]> {
  return (await db.getAllFromIndex('tags', 'by-origin', origin)).map(fromTagRecord);
}

/** Tags by taggedAt period (inclusive bounds), optionally of one origin, oldest first. */
export async function listTags(db: RongheDb, q: { from?: number; to?: number; origin?: string } = {}): Promise<Tag[]> {
  const scope = q.origin ?? ALL_ORIGINS;
  const lo = q.from ?? -Infinity;
  const hi = q.to ?? Infinity;
  if (lo > hi) return [];
  const records = await db.getAllFromIndex('tags', 'by-tagged', IDBKeyRange.bound([scope, lo], [scope, hi]));
  return records.map(fromTagRecord);
}

function taggedEvent(tag: Tag): Event {
  return makeEvent({
    taskKey: tag.taskKey,
    origin: tag.origin,
    type: 'tagged',
    at: tag.taggedAt,
    category: tag.category,
    action: tag.action,
  });
}

/**
 * Initial auto-tagging. An existing tag is never overwritten: user corrections and phase
 * progress survive a re-scan. Each new tag gets a 'tagged' event (unless `events` is false) in
 * the same transaction. Returns the final tag for each input, in input order.
 */
export async function putTagsIfAbsent(db: RongheDb, tags: readonly Tag[], events = true): Promise<Tag[]> {
  if (tags.length === 0) return [];
  return inWriteTx(db, ['tags', 'events', 'counters', 'kv'], async (tx) => {
    const tagStore = tx.objectStore('tags');
    const delta = new CounterDelta();
    let written = 0;
    const keys = [...new Set(tags.map((t) => t.taskKey))];
    const existing = await Promise.all(keys.map((k) => tagStore.get(k)));
    const final = new Map<string, Tag>();
    keys.forEach((k, i) => {
      const found = existing[i];
      if (found) final.set(k, fromTagRecord(found));
    });
    for (const tag of tags) {
      if (final.has(tag.taskKey)) continue; // stored, or an earlier duplicate in this batch
      const record = toTagRecord(tag);
      queue(tagStore.put(record));
      delta.add(record, 1);
      if (events) {
        queue(tx.objectStore('events').put(taggedEvent(tag)));
        written++;
      }
      final.set(tag.taskKey, fromTagRecord(record));
    }
    await delta.applyTo(tx.objectStore('counters'));
    await bumpChanges(tx.objectStore('kv'), written);
    return tags.map((t) => final.get(t.taskKey) as Tag);
  });
}

export type Retag = Pick<Tag, 'category' | 'action' | 'source' | 'confidence' | 'evidence' | 'ruleId' | 'unsure'>;

/**
 * A correction (user, policy or learned rule): replaces the match, keeps the phases, writes a
 * 'retagged' event. A task that was never tagged gets a tag with empty phases, its origin taken
 * from the task record; throws TagNotFoundError when neither exists.
 */
export async function retagTask(db: RongheDb, taskKey: string, retag: Retag, at: number): Promise<Tag> {
  return inWriteTx(db, ['tags', 'events', 'tasks', 'counters', 'kv'], async (tx) => {
    const stored = await tx.objectStore('tags').get(taskKey);
    const delta = new CounterDelta();
    if (stored) delta.add(stored, -1);
    let base: Tag;
    if (stored) {
      base = fromTagRecord(stored);
    } else {
      const task = await tx.objectStore('tasks').get(taskKey);
      if (!task) throw new TagNotFoundError(taskKey);
      base = { taskKey, origin: task.origin, phases: emptyPhases(), phaseCount: 0, integrated: 0, taggedAt: at, updatedAt: at, ...retag };
    }
    // A retag decides 待确认 afresh: absent unless this retag says so.
    const { unsure: _wasUnsure, ...kept } = base;
    const { unsure, ...fields } = retag;
    const record = toTagRecord({ ...kept, ...fields, ...(unsure ? { unsure: true } : {}), evidence: [...retag.evidence], updatedAt: at });
    queue(tx.objectStore('tags').put(record));
    queue(
      tx.objectStore('events').put(
        makeEvent({ taskKey, origin: record.origin, type: 'retagged', at, category: retag.category, action: retag.action }),
      ),
    );
    delta.add(record, 1);
    await delta.applyTo(tx.objectStore('counters'));
    await bumpChanges(tx.objectStore('kv'), 1);
    return fromTagRecord(record);
  });
}

/**
 * A person confirms an unsure (待确认) tag as right: the flag goes, nothing else changes (no event:
 * the tag's category and action stay as they were). A tag that is not unsure is returned as it is.
 */
export async function confirmTag(db: RongheDb, taskKey: string, at: number): Promise<Tag> {
  return inWriteTx(db, ['tags', 'kv'], async (tx) => {
    const stored = await tx.objectStore('tags').get(taskKey);
    if (!stored) throw new TagNotFoundError(taskKey);
    const tag = fromTagRecord(stored);
    if (!tag.unsure) return tag;
    const { unsure: _unsure, ...rest } = tag;
    const record = toTagRecord({ ...rest, updatedAt: at });
    queue(tx.objectStore('tags').put(record));
    await bumpChanges(tx.objectStore('kv'), 1);
    return fromTagRecord(record);
  });
}

/**
 * Marks a phase done or undone (time = `at` when done, null when undone) and/or changes its
 * note (undefined keeps the stored note). Writes 'phase-done' / 'phase-undone', or 'note' when
 * only the note changed, in the same transaction. Repeating a call is a no-op (no write, no
 * event), so retries are safe. Throws TagNotFoundError for an untagged task.
 */
export async function setPhase(
  db: RongheDb,
  taskKey: string,
  phase: PhaseId,
  done: boolean,
  note: string | undefined,
  at: number,
): Promise<Tag> {
  return inWriteTx(db, ['tags', 'events', 'counters', 'kv'], async (tx) => {
    const stored = await tx.objectStore('tags').get(taskKey);
    if (!stored) throw new TagNotFoundError(taskKey);
    const tag = fromTagRecord(stored);
    const prev = tag.phases[phase];
    const nextNote = note ?? prev.note;
    let type: Event['type'];
    const phases = clonePhases(tag.phases);
    if (prev.done !== done) {
      type = done ? 'phase-done' : 'phase-undone';
      phases[phase] = { done, at: done ? at : null, note: nextNote };
    } else if (prev.note !== nextNote) {
      type = 'note';
      phases[phase] = { ...prev, note: nextNote };
    } else {
      return tag;
    }
    const record = toTagRecord({ ...tag, phases, updatedAt: at });
    queue(tx.objectStore('tags').put(record));
    queue(
      tx.objectStore('events').put(
        makeEvent({ taskKey, origin: tag.origin, type, at, phase, note: nextNote === '' ? undefined : nextNote }),
      ),
    );
    const delta = new CounterDelta();
    delta.add(stored, -1);
    delta.add(record, 1);
    await delta.applyTo(tx.objectStore('counters'));
    await bumpChanges(tx.objectStore('kv'), 1);
    return fromTagRecord(record);
  });
}
