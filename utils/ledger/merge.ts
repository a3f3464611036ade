// Merging a colleague's ledger into ours: matched by key (task.key, tag.taskKey, event.id,
// rule.id), previewed, then written with applyImport (put by key, all or nothing).
//
// Merge policy. Every per-record join below is commutative, associative and idempotent, so
// merging A, B and C in any order gives the same store, and merging a file twice writes nothing
// the second time. Where both sides changed a record differently the result is still decided
// by the data alone (never by which side is "current"), and the preview reports the conflict.
// - tasks: union. firstSeen = earliest, lastSeen = latest; the other fields (title, OA fields,
//   url…) come from the copy seen last (ties: the larger canonical JSON).
// - tags, per phase: done wins over undone (a phase ticked by anyone stays ticked); the earlier
//   tick time wins; notes are joined (see notes.ts: different non-empty notes become "A / B",
//   never repeating a part). Classification (category, action, source, confidence, evidence,
//   ruleId): a user or policy tag beats an auto tag, else the newer updatedAt wins (ties: the
//   larger canonical JSON); updatedAt is the winning classification's. taggedAt = earliest.
//   phaseCount and integrated are recomputed from the merged phases.
// - events: union by id (an append-only log; ids are deterministic, so equal ids are the same
//   event; if they ever differ the larger canonical JSON is kept).
// - rules: union by id; for one id the later createdAt wins (ties: larger canonical JSON).
// - details (the 台账 fields, v5): see detail-merge.ts; differing values are joined or chosen
//   by a rule of the data, and each is listed as a conflict.
import { countPhases, PHASE_IDS, type Event, type Phase, type PhaseId, type Profile, type Rule, type Tag, type Task, type TaskDetail } from '../model';
import { detailConflicts, joinDetail, normalizeDetail, type DetailField } from './detail-merge';
import type { StoreDump } from '../store/transfer';
import { canonicalJson } from './canonical';
import { joinNotes, notesConflict } from './notes';
import { compareStrings as cmp, sortOwned } from './sort';

export interface MergeCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface MergeConflict {
  taskKey: string;
  title: string;
  /** 'classification': both sides set a different category/action by hand; a phase: both wrote different notes. */
  field: 'classification' | PhaseId | `detail.${DetailField}`;
  /** `category:action` for a classification, the note for a phase. */
  current: string;
  incoming: string;
  result: string;
}

export interface MergePreview {
  /** Tasks with their tags, counted once per task key in the incoming file. */
  tasks: MergeCounts & { conflicting: number };
  events: MergeCounts;
  rules: MergeCounts;
  conflicts: MergeConflict[];
  /** Records that mergeDumps().toWrite holds. */
  writes: number;
  /** Whose ledger the incoming file is (its exporter's settings), when the file says. */
  from?: Profile;
}

export interface MergeResult {
  /** Only the records that change: hand this to applyImport. */
  toWrite: StoreDump;
  preview: MergePreview;
  /** The whole store after the merge (current + toWrite), sorted by key. */
  merged: StoreDump;
}

/** A task without its sighting times. */
const content = (t: Task): string => canonicalJson({ ...t, firstSeen: 0, lastSeen: 0 });

function joinTask(a: Task, b: Task): Task {
  const winner = a.lastSeen !== b.lastSeen ? (a.lastSeen > b.lastSeen ? a : b) : cmp(content(a), content(b)) >= 0 ? a : b;
  return { ...winner, firstSeen: Math.min(a.firstSeen, b.firstSeen), lastSeen: Math.max(a.lastSeen, b.lastSeen) };
}

const rank = (t: Tag): number => (t.source === 'auto' ? 0 : 1);
const classification = (t: Tag): string =>
  canonicalJson({ origin: t.origin, category: t.category, action: t.action, source: t.source, confidence: t.confidence, evidence: t.evidence, ruleId: t.ruleId });

function classificationWinner(a: Tag, b: Tag): Tag {
  if (rank(a) !== rank(b)) return rank(a) > rank(b) ? a : b;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return cmp(classification(a), classification(b)) >= 0 ? a : b;
}

function minAt(x: number | null, y: number | null): number | null {
  if (x === null) return y;
  if (y === null) return x;
  return Math.min(x, y);
}

function joinPhase(a: Phase, b: Phase): Phase {
  const done = a.done || b.done;
  // The time comes from the sides whose state won (the earlier tick when both ticked).
  const at = a.done === b.done ? minAt(a.at, b.at) : a.done ? a.at : b.at;
  return { done, at, note: joinNotes(a.note, b.note) };
}

function joinTag(a: Tag, b: Tag): Tag {
  const w = classificationWinner(a, b);
  const phases = {
    plan: joinPhase(a.phases.plan, b.phases.plan),
    deploy: joinPhase(a.phases.deploy, b.phases.deploy),
    implement: joinPhase(a.phases.implement, b.phases.implement),
    inspect: joinPhase(a.phases.inspect, b.phases.inspect),
  };
  const phaseCount = countPhases(phases);
  return {
    taskKey: w.taskKey,
    origin: w.origin,
    category: w.category,
    action: w.action,
    source: w.source,
    confidence: w.confidence,
    evidence: [...w.evidence],
    ruleId: w.ruleId,
    phases,
    phaseCount,
    integrated: phaseCount === PHASE_IDS.length ? 1 : 0,
    taggedAt: Math.min(a.taggedAt, b.taggedAt),
    updatedAt: w.updatedAt,
  };
}

/** phaseCount/integrated are derived: recompute them so stale copies compare equal. */
function withCounts(t: Tag): Tag {
  const phaseCount = countPhases(t.phases);
  const integrated = phaseCount === PHASE_IDS.length ? 1 : 0;
  return t.phaseCount === phaseCount && t.integrated === integrated ? t : { ...t, phaseCount, integrated };
}

function joinEvent(a: Event, b: Event): Event {
  return cmp(canonicalJson(a), canonicalJson(b)) >= 0 ? a : b;
}

function joinRule(a: Rule, b: Rule): Rule {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? a : b;
  return cmp(canonicalJson(a), canonicalJson(b)) >= 0 ? a : b;
}

/** Records by key; repeated keys within one list are joined (so input order never matters). */
function byKey<T>(records: readonly T[], key: (r: T) => string, join: (a: T, b: T) => T): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of records) {
    const k = key(r);
    const prev = map.get(k);
    map.set(k, prev === undefined ? r : join(prev, r));
  }
  return map;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

const cls = (t: Tag): string => `${t.category}:${t.action ?? ''}`;

function tagConflicts(cur: Tag, inc: Tag, merged: Tag, title: string): MergeConflict[] {
  const out: MergeConflict[] = [];
  if (rank(cur) === 1 && rank(inc) === 1 && cls(cur) !== cls(inc)) {
    out.push({ taskKey: cur.taskKey, title, field: 'classification', current: cls(cur), incoming: cls(inc), result: cls(merged) });
  }
  for (const p of PHASE_IDS) {
    if (notesConflict(cur.phases[p].note, inc.phases[p].note)) {
      out.push({ taskKey: cur.taskKey, title, field: p, current: cur.phases[p].note, incoming: inc.phases[p].note, result: merged.phases[p].note });
    }
  }
  return out;
}

/** Merges a list kind keyed by `key`; returns the changed records and the counts. */
function mergeList<T>(
  current: ReadonlyMap<string, T>,
  incoming: ReadonlyMap<string, T>,
  join: (a: T, b: T) => T,
): { write: T[]; counts: MergeCounts; all: Map<string, T> } {
  const all = new Map(current);
  const write: T[] = [];
  const counts: MergeCounts = { new: 0, updated: 0, unchanged: 0 };
  for (const [k, inc] of incoming) {
    const cur = current.get(k);
    const merged = cur === undefined ? inc : join(cur, inc);
    if (cur === undefined) counts.new++;
    else if (same(cur, merged)) counts.unchanged++;
    else counts.updated++;
    if (cur === undefined || !same(cur, merged)) {
      write.push(merged);
      all.set(k, merged);
    }
  }
  return { write, counts, all };
}

export function mergeDumps(current: StoreDump, incoming: StoreDump): MergeResult {
  const curTasks = byKey(current.tasks, (t) => t.key, joinTask);
  const curTags = byKey(current.tags.map(withCounts), (t) => t.taskKey, joinTag);
  const incTasks = byKey(incoming.tasks, (t) => t.key, joinTask);
  const incTags = byKey(incoming.tags.map(withCounts), (t) => t.taskKey, joinTag);

  const tasks = mergeList(curTasks, incTasks, joinTask);
  const tags = mergeList(curTags, incTags, joinTag);
  const events = mergeList(
    byKey(current.events, (e) => e.id, joinEvent),
    byKey(incoming.events, (e) => e.id, joinEvent),
    joinEvent,
  );
  const rules = mergeList(
    byKey(current.rules, (r) => r.id, joinRule),
    byKey(incoming.rules, (r) => r.id, joinRule),
    joinRule,
  );
  const curDetails = byKey((current.details ?? []).map(normalizeDetail), (d) => d.taskKey, joinDetail);
  const incDetails = byKey((incoming.details ?? []).map(normalizeDetail), (d) => d.taskKey, joinDetail);
  const details = mergeList(curDetails, incDetails, joinDetail);

  // Per task key (a task and its tag together): new, updated, unchanged or conflicting.
  const taskCounts = { new: 0, updated: 0, unchanged: 0, conflicting: 0 };
  const conflicts: MergeConflict[] = [];
  const keys = new Set([...incTasks.keys(), ...incTags.keys(), ...incDetails.keys()]);
  for (const k of sortOwned([...keys], cmp)) {
    const curTask = curTasks.get(k);
    const curTag = curTags.get(k);
    const incTag = incTags.get(k);
    const curDetail = curDetails.get(k);
    const incDetail = incDetails.get(k);
    if (curTask === undefined && curTag === undefined && curDetail === undefined) {
      taskCounts.new++;
      continue;
    }
    const title = tasks.all.get(k)?.title ?? '';
    const found = curTag && incTag ? tagConflicts(curTag, incTag, tags.all.get(k)!, title) : [];
    if (curDetail && incDetail) {
      for (const c of detailConflicts(curDetail, incDetail, details.all.get(k)!)) {
        found.push({ taskKey: k, title, field: `detail.${c.field}`, current: c.current, incoming: c.incoming, result: c.result });
      }
    }
    if (found.length > 0) {
      taskCounts.conflicting++;
      conflicts.push(...found);
    } else if (same(curTask, tasks.all.get(k)) && same(curTag, tags.all.get(k)) && same(curDetail, details.all.get(k))) taskCounts.unchanged++;
    else taskCounts.updated++;
  }

  const toWrite: StoreDump = {
    tasks: sortDump.tasks(tasks.write),
    tags: sortDump.tags(tags.write),
    events: sortDump.events(events.write),
    rules: sortDump.rules(rules.write),
    details: sortDump.details(details.write),
  };
  const merged: StoreDump = {
    tasks: sortDump.tasks([...tasks.all.values()]),
    tags: sortDump.tags([...tags.all.values()]),
    events: sortDump.events([...events.all.values()]),
    rules: sortDump.rules([...rules.all.values()]),
    details: sortDump.details([...details.all.values()]),
  };
  return {
    toWrite,
    merged,
    preview: {
      tasks: taskCounts,
      events: events.counts,
      rules: rules.counts,
      conflicts,
      writes: toWrite.tasks.length + toWrite.tags.length + toWrite.events.length + toWrite.rules.length + toWrite.details!.length,
    },
  };
}

/** What merging `incoming` into `current` would do, without building anything to write. */
export function previewMerge(current: StoreDump, incoming: StoreDump): MergePreview {
  return mergeDumps(current, incoming).preview;
}

/** Several ledgers merged into one (e.g. a branch secretary's colleagues' exports). */
export function mergeAll(dumps: readonly StoreDump[]): StoreDump {
  return dumps.reduce<StoreDump>((acc, d) => mergeDumps(acc, d).merged, { tasks: [], tags: [], events: [], rules: [], details: [] });
}

/** The order `merged` uses: tasks and tags by key, events by time then id, rules by id. */
export const sortDump = {
  tasks: (l: Task[]): Task[] => sortOwned(l, (a, b) => cmp(a.key, b.key)),
  tags: (l: Tag[]): Tag[] => sortOwned(l, (a, b) => cmp(a.taskKey, b.taskKey)),
  events: (l: Event[]): Event[] => sortOwned(l, (a, b) => a.at - b.at || cmp(a.id, b.id)),
  rules: (l: Rule[]): Rule[] => sortOwned(l, (a, b) => cmp(a.id, b.id)),
  details: (l: TaskDetail[]): TaskDetail[] => sortOwned(l, (a, b) => cmp(a.taskKey, b.taskKey)),
};
