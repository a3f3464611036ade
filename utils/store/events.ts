// The append-only event log. Ids are deterministic, so a retried write overwrites itself.
import type { Event } from '../model';
import type { RongheDb } from './schema';
import { inWriteTx, queue } from './tx';
import { bumpChanges } from './counters';

export type EventInput = Omit<Event, 'id'>;

/**
 * `${taskKey}|${type}|${at}|${detail}` (model.ts). The detail separates events of one task
 * at the same millisecond: the phase for phase/note events, category:action for tag events.
 */
export function eventId(e: EventInput): string {
  const detail = e.phase ?? (e.category ? `${e.category}:${e.action ?? ''}` : '');
  return `${e.taskKey}|${e.type}|${e.at}|${detail}`;
}

export function makeEvent(e: EventInput): Event {
  const event: Event = { id: eventId(e), ...e };
  // Optional keys left undefined would be stored as explicit undefined: drop them.
  for (const k of Object.keys(event) as (keyof Event)[]) if (event[k] === undefined) delete event[k];
  return event;
}

export async function putEvents(db: RongheDb, events: readonly Event[]): Promise<void> {
  if (events.length === 0) return;
  await inWriteTx(db, ['events', 'kv'], async (tx) => {
    for (const e of events) queue(tx.objectStore('events').put(e));
    await bumpChanges(tx.objectStore('kv'), events.length);
  });
}

export interface EventQuery {
  /** inclusive, epoch ms */
  from?: number;
  /** inclusive, epoch ms */
  to?: number;
  taskKey?: string;
}

function atRange(from: number | undefined, to: number | undefined): IDBKeyRange | undefined {
  if (from === undefined && to === undefined) return undefined;
  if (from === undefined) return IDBKeyRange.upperBound(to);
  if (to === undefined) return IDBKeyRange.lowerBound(from);
  return IDBKeyRange.bound(from, to);
}

/** Events in time order (by `at`); for one task via the [taskKey, at] index. */
export async function listEvents(db: RongheDb, q: EventQuery = {}): Promise<Event[]> {
  if (q.taskKey !== undefined) {
    const range = IDBKeyRange.bound([q.taskKey, q.from ?? 0], [q.taskKey, q.to ?? Number.MAX_SAFE_INTEGER]);
    return db.getAllFromIndex('events', 'by-task', range);
  }
  return db.getAllFromIndex('events', 'by-at', atRange(q.from, q.to));
}

/** Counts without reading records; with `from` it gives e.g. the changes since the last export. */
export async function countEvents(db: RongheDb, q: Omit<EventQuery, 'taskKey'> = {}): Promise<number> {
  const range = atRange(q.from, q.to);
  return range ? db.countFromIndex('events', 'by-at', range) : db.count('events');
}
