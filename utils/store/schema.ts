// The current (v2) database schema: store names, index names and the stored record shapes.
// Background is the single writer; every other page goes through the same functions.
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Event, PhaseId, Rule, Site, Tag, Task } from '../model';

export const RONGHE_DB_NAME = 'ronghe';
/** Bump together with a new entry in `migrations.ts`. */
export const RONGHE_DB_VERSION = 3;

export const STORES = ['tasks', 'tags', 'events', 'rules', 'sites', 'kv', 'counters'] as const;
export type StoreName = (typeof STORES)[number];

/** Keys of the `kv` store (out-of-line keys). */
export const KV_SETTINGS = 'settings';
export const KV_CATALOG = 'catalog';

/**
 * Scope of a facet key: '' means "all origins", otherwise an origin. `Tag.origin` is never
 * empty (zod min(1)), so '' cannot collide with a real origin.
 */
export const ALL_ORIGINS = '';

/**
 * Index-only keys derived from a tag, kept under one property so readers strip them in one
 * place. Every facet appears twice, once under ALL_ORIGINS and once under the tag's origin, so
 * `progress({origin, from, to})` is one `count()` per key range with or without an origin.
 * The indexes over these arrays are multiEntry: each inner array is one index key.
 * IndexedDB cannot index booleans or null, hence:
 *  - `integrated` is the model's 0/1 number;
 *  - phases are listed only when done (a sparse index: undone phases are never counted);
 *  - a null action is kept OUT of `act` deliberately (tagged minus the sum of byAction = tags
 *    without an action). No sentinel string, so no id can collide with it.
 */
export interface TagIndexKeys {
  /** [scope, taggedAt] */
  at: [string, number][];
  /** [scope, category, taggedAt] */
  cat: [string, string, number][];
  /** [scope, action, taggedAt]; absent when action is null */
  act: [string, string, number][];
  /** [scope, integrated 0|1, taggedAt] */
  int: [string, number, number][];
  /** [scope, phaseId, taggedAt] for each done phase */
  ph: [string, string, number][];
}

/** One day's progress in one scope ('' = all origins): kept in step with every tag write. */
export interface CounterRow {
  scope: string;
  /** local yyyymmdd of the tags' taggedAt */
  day: number;
  tagged: number;
  integrated: number;
  byPhase: Record<PhaseId, number>;
  byCategory: Record<string, number>;
  byAction: Record<string, number>;
}

/** Events written since the last export (the backup reminder), in `kv`. */
export const KV_CHANGES = 'changes';

/** What the `tags` store holds: the model's Tag plus its derived index keys. */
export type TagRecord = Tag & { ix: TagIndexKeys };

export interface RongheDB extends DBSchema {
  tasks: {
    key: string; // task.key
    value: Task;
    indexes: { 'by-origin': string; 'by-lastSeen': number };
  };
  tags: {
    key: string; // tag.taskKey
    value: TagRecord;
    indexes: {
      'by-origin': string;
      'by-tagged': [string, number];
      'by-category': [string, string, number];
      'by-action': [string, string, number];
      'by-integrated': [string, number, number];
      'by-phase': [string, string, number];
    };
  };
  events: {
    key: string; // event.id, deterministic
    value: Event;
    indexes: { 'by-at': number; 'by-task': [string, number] };
  };
  rules: { key: string; value: Rule };
  sites: { key: string; value: Site };
  /** settings, the customised catalog; values validated on read. */
  kv: { key: string; value: unknown };
  /** v3: per-day progress counters, key [scope, day]. */
  counters: { key: [string, number]; value: CounterRow };
}

export type RongheDb = IDBPDatabase<RongheDB>;
