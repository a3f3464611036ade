// A task's 台账 fields as the ledger shows them: what the person entered, else the defaults
// (责任人 and the identity fields from the settings, 牵头处室 from the OA's sender, 完成时限 from
// the OA's deadline). Pure: the panel, the report and every export read the same answer.
import type { Profile, Task, TaskDetail, TaskDetailFields } from '../model';

export interface ResolvedDetail {
  owner: string;
  ownerDept: string;
  branch: string;
  unit: string;
  leadDept: string;
  members: string;
  /** YYYY-MM-DD when it could be read, else the text as given ('' when none). */
  deadline: string;
  completedAt: string;
  outcome: string;
  evidence: NonNullable<TaskDetailFields['evidence']>;
  remark: string;
}

export const EMPTY_PROFILE: Profile = { personName: '', department: '', branch: '', unit: '' };

/** The defaults for a task's empty fields. */
export function detailDefaults(task: Task | undefined, profile: Profile): Pick<ResolvedDetail, 'owner' | 'ownerDept' | 'branch' | 'unit' | 'leadDept' | 'deadline'> {
  return {
    owner: profile.personName,
    ownerDept: profile.department,
    branch: profile.branch,
    unit: profile.unit,
    leadDept: task?.fields.sender ?? '',
    deadline: normalizeDate(task?.fields.deadline ?? ''),
  };
}

export function resolveDetail(detail: TaskDetailFields | undefined, task: Task | undefined, profile: Profile): ResolvedDetail {
  const d = detail ?? {};
  const def = detailDefaults(task, profile);
  return {
    owner: d.owner ?? def.owner,
    ownerDept: d.ownerDept ?? def.ownerDept,
    branch: d.branch ?? def.branch,
    unit: d.unit ?? def.unit,
    leadDept: d.leadDept ?? def.leadDept,
    members: d.members ?? '',
    deadline: d.deadline ?? def.deadline,
    completedAt: d.completedAt ?? '',
    outcome: d.outcome ?? '',
    evidence: d.evidence ?? [],
    remark: d.remark ?? '',
  };
}

/** OA dates come as 2024-06-01, 2024/6/1, 2024年6月1日, 2024-06-01 17:00…: the day as YYYY-MM-DD,
 * or the text unchanged when it holds no date. */
export function normalizeDate(text: string): string {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  if (!m) return text.trim();
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** 佐证材料 as one line: 名称（编号，存放处）；… */
export function evidenceText(items: ResolvedDetail['evidence']): string {
  return items
    .map((e) => {
      const extra = [e.number, e.place].filter((s) => s !== '').join('，');
      return extra ? `${e.name}（${extra}）` : e.name;
    })
    .join('；');
}

/**
 * Stamps the exporter's identity on every tagged task whose details don't name someone else, so
 * a colleague who merges this file sees whose rows these are. Tasks without details get a record
 * holding only the identity (nothing the person entered is changed).
 */
export function stampIdentity(tags: readonly { taskKey: string; origin: string }[], details: readonly TaskDetail[], profile: Profile, at: number): TaskDetail[] {
  const byKey = new Map(details.map((d) => [d.taskKey, d] as const));
  const identity = { owner: profile.personName, ownerDept: profile.department, branch: profile.branch, unit: profile.unit };
  const filled = Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== '')) as Partial<typeof identity>;
  const out: TaskDetail[] = [];
  for (const tag of tags) {
    const d = byKey.get(tag.taskKey);
    byKey.delete(tag.taskKey);
    if (Object.keys(filled).length === 0) {
      if (d) out.push(d);
      continue;
    }
    if (d) out.push({ ...filled, ...stripEmpty(d) });
    else out.push({ ...filled, taskKey: tag.taskKey, origin: tag.origin, updatedAt: at });
  }
  // Details whose tag is missing are kept as they are.
  out.push(...byKey.values());
  return out;
}

function stripEmpty(d: TaskDetail): TaskDetail {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== '')) as TaskDetail;
}
