// One upgrade step per version, from the first release on. Each step only knows the shape of
// the version before it, so steps are written against untyped stores, never against RongheDB.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { DEFAULT_SETTINGS, emptyPhases, Phases, Tag, type Task } from '../model';
import { CounterDelta } from './counters';
import { KV_CHANGES, KV_SETTINGS, type TagRecord } from './schema';
import { fromTagRecord, toTagRecord } from './tag-record';

export type AnyDb = IDBPDatabase<unknown>;
export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
export type Migration = (db: AnyDb, tx: UpgradeTx) => Promise<void>;

/**
 * v1, the first release: tasks, tags, events, settings, one index each.
 * v1 record shapes (see tests/fixtures/store-v1.json):
 *  - task: { key, origin, product, nativeId, title, workflow?, sender?, receivedAt?, urgency?,
 *    url?, firstSeen, lastSeen } — OA fields were flat on the task.
 *  - tag: the v2 Tag without phaseCount / integrated (progress was computed by scanning).
 *  - event: the v2 Event without origin.
 *  - settings store, key 'settings': { locale, panelMode, lastExportAt, changesSinceExport }.
 */
export const migrateToV1: Migration = async (db) => {
  db.createObjectStore('tasks', { keyPath: 'key' }).createIndex('by-origin', 'origin');
  db.createObjectStore('tags', { keyPath: 'taskKey' }).createIndex('by-origin', 'origin');
  db.createObjectStore('events', { keyPath: 'id' }).createIndex('by-at', 'at');
  db.createObjectStore('settings');
};

/**
 * v2: rules, sites and kv stores; progress indexes on tags; per-task event history; OA fields
 * grouped under task.fields; events carry their origin; settings move into kv.
 */
export const migrateToV2: Migration = async (db, tx) => {
  db.createObjectStore('rules', { keyPath: 'id' });
  db.createObjectStore('sites', { keyPath: 'origin' });
  const kv = db.createObjectStore('kv');

  const tasks = tx.objectStore('tasks');
  tasks.createIndex('by-lastSeen', 'lastSeen');
  const originOf = new Map<string, string>();
  for (let c = await tasks.openCursor(); c; c = await c.continue()) {
    const task = v1TaskToV2(c.value as Record<string, unknown>);
    originOf.set(task.key, task.origin);
    await c.update(task);
  }

  const tags = tx.objectStore('tags');
  tags.createIndex('by-tagged', 'ix.at', { multiEntry: true });
  tags.createIndex('by-category', 'ix.cat', { multiEntry: true });
  tags.createIndex('by-action', 'ix.act', { multiEntry: true });
  tags.createIndex('by-integrated', 'ix.int', { multiEntry: true });
  tags.createIndex('by-phase', 'ix.ph', { multiEntry: true });
  for (let c = await tags.openCursor(); c; c = await c.continue()) {
    const v1 = c.value as Record<string, unknown>;
    // A malformed record must not fail the upgrade (the database would stay unopenable).
    const parsed = Phases.safeParse(v1.phases);
    const phases = parsed.success ? parsed.data : emptyPhases();
    // The spread keeps every v1 field; toTagRecord adds phaseCount, integrated and index keys.
    await c.update(toTagRecord({ ...(v1 as unknown as Tag), phases, ruleId: (v1.ruleId as string | null) ?? null }));
    if (typeof v1.origin === 'string' && typeof v1.taskKey === 'string' && !originOf.has(v1.taskKey)) {
      originOf.set(v1.taskKey, v1.origin);
    }
  }

  const events = tx.objectStore('events');
  events.createIndex('by-task', ['taskKey', 'at']);
  for (let c = await events.openCursor(); c; c = await c.continue()) {
    const e = c.value as Record<string, unknown>;
    if (typeof e.origin !== 'string') await c.update({ ...e, origin: originOf.get(String(e.taskKey)) ?? '' });
  }

  const oldSettings = (await tx.objectStore('settings').get(KV_SETTINGS)) as Record<string, unknown> | undefined;
  if (oldSettings) await kv.put({ ...DEFAULT_SETTINGS, ...oldSettings }, KV_SETTINGS);
  db.deleteObjectStore('settings');
};

const V1_FIELD_KEYS = ['workflow', 'sender', 'receivedAt', 'urgency'] as const;

function v1TaskToV2(v1: Record<string, unknown>): Task {
  const fields: Record<string, unknown> = { ...(v1.fields as object | undefined) };
  const rest: Record<string, unknown> = { ...v1 };
  for (const k of V1_FIELD_KEYS) {
    if (v1[k] !== undefined && v1[k] !== null) fields[k] = v1[k];
    delete rest[k];
  }
  return { ...(rest as unknown as Task), product: (v1.product as string | undefined) ?? '', nativeId: (v1.nativeId as string | null | undefined) ?? null, fields };
}

/**
 * v3: per-day progress counters (the popup must open fast with 10,000 tasks and 100,000 events:
 * IndexedDB's count() walks every index entry in its range), and a count of unexported changes.
 */
export const migrateToV3: Migration = async (db, tx) => {
  const counters = db.createObjectStore('counters', { keyPath: ['scope', 'day'] });
  const delta = new CounterDelta();
  for (let c = await tx.objectStore('tags').openCursor(); c; c = await c.continue()) {
    const parsed = Tag.safeParse(fromTagRecord(c.value as TagRecord));
    if (parsed.success) delta.add(parsed.data, 1);
  }
  for (const row of delta.rows()) await counters.put(row);
  const events = await tx.objectStore('events').count();
  await tx.objectStore('kv').put(events, KV_CHANGES);
};

/**
 * v4: the counters answer every progress question, so the four counting indexes on tags go (each
 * tag write maintained up to 16 of their entries); records keep only the period's index keys.
 */
export const migrateToV4: Migration = async (_db, tx) => {
  const tags = tx.objectStore('tags');
  for (const name of ['by-category', 'by-action', 'by-integrated', 'by-phase']) {
    if (tags.indexNames.contains(name)) tags.deleteIndex(name);
  }
  for (let c = await tags.openCursor(); c; c = await c.continue()) {
    const record = c.value as { ix?: { at?: unknown } };
    if (record.ix) await c.update({ ...record, ix: { at: record.ix.at } });
  }
};

/**
 * v5: the 融合台账's own fields per task (责任人, 牵头处室, 参与党员, 完成时限, 实际完成时间,
 * 完成情况, 佐证材料, 备注) in a `details` store keyed by task key. Records of v4 are unchanged:
 * a task without details shows the defaults (the OA's sender and deadline, the settings' name).
 */
export const migrateToV5: Migration = async (db) => {
  db.createObjectStore('details', { keyPath: 'taskKey' }).createIndex('by-origin', 'origin');
};

/** MIGRATIONS[v] upgrades a database at version v-1 to version v. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: migrateToV1, 2: migrateToV2, 3: migrateToV3, 4: migrateToV4, 5: migrateToV5 };

/** Runs every step after oldVersion, in order, inside the single versionchange transaction. */
export async function runMigrations(db: AnyDb, tx: UpgradeTx, oldVersion: number, newVersion: number): Promise<void> {
  for (let v = oldVersion + 1; v <= newVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`ronghe db: no migration to version ${v}`);
    await step(db, tx);
  }
}
