// Export, import (a plain merge primitive: put by key) and erase. The conflict policy for
// merging colleagues' ledgers lives with the caller; this only guarantees all-or-nothing.
import { z } from 'zod';
import { Event, Rule, Tag, Task, TaskDetail } from '../model';
import { KV_CHANGES, STORES, type RongheDb } from './schema';
import { bumpChanges, CounterDelta } from './counters';
import { fromTagRecord, toTagRecord } from './tag-record';
import { inWriteTx, queue } from './tx';

export interface StoreDump {
  tasks: Task[];
  tags: Tag[];
  events: Event[];
  rules: Rule[];
  /** v5: the 台账 fields per task (absent in dumps made before them). */
  details?: TaskDetail[];
}

/** One read transaction, so the four lists are a consistent snapshot. */
export async function exportAll(db: RongheDb): Promise<StoreDump> {
  const tx = db.transaction(['tasks', 'tags', 'events', 'rules', 'details']);
  const [tasks, tags, events, rules, details] = await Promise.all([
    tx.objectStore('tasks').getAll(),
    tx.objectStore('tags').getAll(),
    tx.objectStore('events').index('by-at').getAll(),
    tx.objectStore('rules').getAll(),
    tx.objectStore('details').getAll(),
  ]);
  return { tasks, tags: tags.map(fromTagRecord), events, rules, details };
}

/** Imported data comes from outside (a file): every record is validated before any write. */
export const ImportData = z.object({
  tasks: z.array(Task).default([]),
  tags: z.array(Tag).default([]),
  events: z.array(Event).default([]),
  rules: z.array(Rule).default([]),
  details: z.array(TaskDetail).default([]),
});

/**
 * Validates everything (throws a ZodError, nothing written), then puts every record by key in
 * ONE transaction across the four stores: if any put fails the transaction aborts and the
 * database is unchanged. Tags' phaseCount/integrated are recomputed from their phases.
 */
export async function applyImport(db: RongheDb, data: Partial<StoreDump>): Promise<{ tasks: number; tags: number; events: number; rules: number; details: number }> {
  const valid = ImportData.parse(data);
  await inWriteTx(db, ['tasks', 'tags', 'events', 'rules', 'counters', 'kv', 'details'], async (tx) => {
    for (const d of valid.details) queue(tx.objectStore('details').put(d));
    for (const t of valid.tasks) queue(tx.objectStore('tasks').put(t));
    for (const t of valid.tags) queue(tx.objectStore('tags').put(toTagRecord(t)));
    for (const e of valid.events) queue(tx.objectStore('events').put(e));
    for (const r of valid.rules) queue(tx.objectStore('rules').put(r));
    // Imports are rare: recount every tag rather than track what each put replaced.
    const counters = tx.objectStore('counters');
    queue(counters.clear());
    const delta = new CounterDelta();
    for (const record of await tx.objectStore('tags').getAll()) delta.add(record, 1);
    for (const row of delta.rows()) queue(counters.put(row));
    await bumpChanges(tx.objectStore('kv'), valid.events.length + valid.details.length);
  });
  return { tasks: valid.tasks.length, tags: valid.tags.length, events: valid.events.length, rules: valid.rules.length, details: valid.details.length };
}

/**
 * Erases every store in one transaction. `keepConfig` keeps sites, settings and the catalog
 * (e.g. "clear the ledger" as opposed to "reset the extension").
 */
export async function clearAll(db: RongheDb, opts: { keepConfig?: boolean } = {}): Promise<void> {
  const cleared = opts.keepConfig ? STORES.filter((s) => s !== 'sites' && s !== 'kv') : [...STORES];
  await inWriteTx(db, [...STORES], (tx) => {
    for (const s of cleared) queue(tx.objectStore(s).clear());
    // Nothing is left to back up.
    if (opts.keepConfig) queue(tx.objectStore('kv').delete(KV_CHANGES));
  });
}
