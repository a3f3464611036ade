// Merging the 台账 fields of one task from two ledgers. Every join is a lattice join (commutative,
// associative, idempotent), like the rest of merge.ts, and nothing a person typed is dropped
// without a trace: differing texts are joined ("张三 / 李四"), 佐证材料 are united, and for the two
// dates the stricter 完成时限 (earlier) and the later 实际完成时间 are kept; every field where both
// sides held different values is reported as a conflict, with both values and the result.
import type { TaskDetail } from '../model';
import { canonicalJson } from './canonical';
import { joinNotes } from './notes';
import { compareStrings, sortOwned } from './sort';

/** Fields joined as notes (parts united, " / " between them). */
export const DETAIL_TEXT_FIELDS = ['owner', 'ownerDept', 'branch', 'unit', 'leadDept', 'members', 'outcome', 'remark'] as const;
export type DetailField = (typeof DETAIL_TEXT_FIELDS)[number] | 'deadline' | 'completedAt' | 'evidence';

const LIMITS: Record<(typeof DETAIL_TEXT_FIELDS)[number], number> = {
  owner: 40, ownerDept: 60, branch: 60, unit: 100, leadDept: 100, members: 500, outcome: 2000, remark: 2000,
};

function pick(a: string | undefined, b: string | undefined, choose: (x: string, y: string) => string): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return choose(a, b);
}

const earlier = (x: string, y: string): string => (compareStrings(x, y) <= 0 ? x : y);
const later = (x: string, y: string): string => (compareStrings(x, y) >= 0 ? x : y);

export function joinDetail(a: TaskDetail, b: TaskDetail): TaskDetail {
  const out: Record<string, unknown> = {
    taskKey: a.taskKey,
    // Same key means same task, hence same origin; the larger one keeps the join order-free.
    origin: later(a.origin, b.origin),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
  for (const f of DETAIL_TEXT_FIELDS) {
    const v = pick(a[f], b[f], (x, y) => joinNotes(x, y).slice(0, LIMITS[f]));
    if (v !== undefined) out[f] = v;
  }
  const deadline = pick(a.deadline, b.deadline, earlier);
  if (deadline !== undefined) out.deadline = deadline;
  const completedAt = pick(a.completedAt, b.completedAt, later);
  if (completedAt !== undefined) out.completedAt = completedAt;
  if (a.evidence || b.evidence) {
    const all = new Map<string, NonNullable<TaskDetail['evidence']>[number]>();
    for (const e of [...(a.evidence ?? []), ...(b.evidence ?? [])]) all.set(canonicalJson(e), e);
    out.evidence = sortOwned([...all.entries()], (x, y) => compareStrings(x[0], y[0])).map(([, e]) => e).slice(0, 50);
  }
  return out as TaskDetail;
}

/** 佐证材料 in a fixed order, so a record joined with itself is unchanged (merge compares copies). */
export function normalizeDetail(d: TaskDetail): TaskDetail {
  if (!d.evidence) return d;
  const sorted = sortOwned([...new Map(d.evidence.map((e) => [canonicalJson(e), e] as const)).entries()], (x, y) => compareStrings(x[0], y[0])).map(([, e]) => e);
  return canonicalJson(sorted) === canonicalJson(d.evidence) ? d : { ...d, evidence: sorted };
}

export interface DetailConflict {
  field: DetailField;
  current: string;
  incoming: string;
  result: string;
}


/** Fields where both sides held a value and the values differ. */
export function detailConflicts(cur: TaskDetail, inc: TaskDetail, merged: TaskDetail): DetailConflict[] {
  const out: DetailConflict[] = [];
  for (const f of [...DETAIL_TEXT_FIELDS, 'deadline', 'completedAt'] as const) {
    const x = cur[f];
    const y = inc[f];
    if (x === undefined || y === undefined || x === y) continue;
    // A side whose text is already part of the other's isn't a conflict (an earlier merge).
    if (f !== 'deadline' && f !== 'completedAt' && (merged[f] === x || merged[f] === y)) continue;
    out.push({ field: f, current: x, incoming: y, result: merged[f] ?? '' });
  }
  return out;
}
