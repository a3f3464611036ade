// The current (v2) database schema: store names, index names and the stored record shapes.
// Background is the single writer; every other page goes through the same functions.
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Event, PhaseId, Rule, Site, Tag, Task, TaskDetail } from '../model';

export const RONGHE_DB_NAME = 'ronghe';
/** Bump together with a new entry in `migrations.ts`. */
export const RONGHE_DB_VERSION = 5;

export const STORES = ['tasks', 'tags', 'events', 'rules', 'sites', 'kv', 'counters', 'details'] as const;
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
 * place. The period appears twice, under ALL_ORIGINS and under the tag's origin, so listing the
 * tags of a period, with or without an origin, is one key range of a multiEntry index. (Up to v3
 * the category, action, phases and integration were indexed the same way for counting; since v4
 * the per-day counters do that, and those four indexes are gone.)
 */
export interface TagIndexKeys {
  /** [scope, taggedAt] */
  at: [string, number][];
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
  /** v5: the 台账 fields a person fills in per task (责任人, 完成时限, 佐证材料…), key taskKey. */
  details: { key: string; value: TaskDetail; indexes: { 'by-origin': string } };
}

export type RongheDb = IDBPDatabase<RongheDB>;
