// The 考评 report's numbers, computed from the ledger (the store's tasks, tags and details) for a
// range: 任务数, 已融合, 融合率, each phase's completion, and breakdowns by 党建动作, 业务类别,
// 责任人 and 支部. Breakdowns are listed by name, never ranked by their numbers (no leaderboards).
import { PHASE_IDS, type Catalog, type PhaseId, type Profile, type Tag, type Task, type TaskDetail } from '../model';
import { resolveDetail, type ResolvedDetail } from '../ledger/detail';
import { missingPhases, taskWarnings, type Warning, type WarningRules, DEFAULT_WARNING_RULES } from '../ledger/status';
import { monthsOf } from './period';

export interface Slice {
  /** An id, or the name itself for people and branches ('' when not filled in). */
  id: string;
  name: string;
  tasks: number;
  integrated: number;
  byPhase: Record<PhaseId, number>;
}

export interface Indicators {
  tasks: number;
  integrated: number;
  /** 0–100, rounded to one decimal. */
  rate: number;
  byPhase: Record<PhaseId, number>;
  byAction: Slice[];
  byCategory: Slice[];
  byOwner: Slice[];
  byBranch: Slice[];
}

export interface ReportSource {
  tasks: readonly Task[];
  tags: readonly Tag[];
  details?: readonly TaskDetail[];
}

export interface ReportItem {
  tag: Tag;
  task: Task | undefined;
  detail: ResolvedDetail;
}

export interface ItemFilter {
  owner?: string;
  branch?: string;
}

const zeroPhases = (): Record<PhaseId, number> => ({ plan: 0, deploy: 0, implement: 0, inspect: 0 });
const cmpName = (a: Slice, b: Slice): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Tagged tasks whose taggedAt is in [from, to), joined with their task and resolved details. */
export function reportItems(src: ReportSource, profile: Profile, range: { from: number; to: number } | null, filter: ItemFilter = {}): ReportItem[] {
  const tasks = new Map(src.tasks.map((t) => [t.key, t] as const));
  const details = new Map((src.details ?? []).map((d) => [d.taskKey, d] as const));
  const out: ReportItem[] = [];
  for (const tag of src.tags) {
    if (range && (tag.taggedAt < range.from || tag.taggedAt >= range.to)) continue;
    const task = tasks.get(tag.taskKey);
    const detail = resolveDetail(details.get(tag.taskKey), task, profile);
    if (filter.owner !== undefined && detail.owner !== filter.owner) continue;
    if (filter.branch !== undefined && detail.branch !== filter.branch) continue;
    out.push({ tag, task, detail });
  }
  return out.sort((a, b) => a.tag.taggedAt - b.tag.taggedAt || (a.tag.taskKey < b.tag.taskKey ? -1 : 1));
}

function addTo(map: Map<string, Slice>, id: string, name: string, tag: Tag): void {
  let s = map.get(id);
  if (!s) {
    s = { id, name, tasks: 0, integrated: 0, byPhase: zeroPhases() };
    map.set(id, s);
  }
  s.tasks++;
  if (tag.integrated === 1) s.integrated++;
  for (const p of PHASE_IDS) if (tag.phases[p].done) s.byPhase[p]++;
}

export function rateOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export function indicators(items: readonly ReportItem[], catalog: Catalog): Indicators {
  const byPhase = zeroPhases();
  const action = new Map<string, Slice>();
  const category = new Map<string, Slice>();
  const owner = new Map<string, Slice>();
  const branch = new Map<string, Slice>();
  let integrated = 0;
  for (const { tag, detail } of items) {
    if (tag.integrated === 1) integrated++;
    for (const p of PHASE_IDS) if (tag.phases[p].done) byPhase[p]++;
    const a = tag.action === null ? null : catalog.actions.find((x) => x.id === tag.action);
    // A tag without an action is listed under id '' with no name (the page names it).
    addTo(action, tag.action ?? '', a?.name ?? tag.action ?? '', tag);
    addTo(category, tag.category, catalog.categories.find((c) => c.id === tag.category)?.name ?? tag.category, tag);
    addTo(owner, detail.owner, detail.owner, tag);
    addTo(branch, detail.branch, detail.branch, tag);
  }
  // Actions and categories follow the catalog's order; people and branches their names.
  const order = (ids: string[]) => (a: Slice, b: Slice) => {
    const ia = ids.indexOf(a.id);
    const ib = ids.indexOf(b.id);
    return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || cmpName(a, b);
  };
  return {
    tasks: items.length,
    integrated,
    rate: rateOf(integrated, items.length),
    byPhase,
    byAction: [...action.values()].sort(order(catalog.actions.map((x) => x.id))),
    byCategory: [...category.values()].sort(order(catalog.categories.map((c) => c.id))),
    byOwner: [...owner.values()].sort(cmpName),
    byBranch: [...branch.values()].sort(cmpName),
  };
}

export interface TrendPoint {
  month: number;
  tagged: number;
  integrated: number;
}

/** Tasks tagged in each month of a Shanghai year, and how many of them are integrated now. */
export function trend(src: ReportSource, year: number, profile: Profile, filter: ItemFilter = {}): TrendPoint[] {
  return monthsOf(year).map(({ month, from, to }) => {
    const items = reportItems(src, profile, { from, to }, filter);
    return { month, tagged: items.length, integrated: items.filter((i) => i.tag.integrated === 1).length };
  });
}

export interface TaskGap {
  item: ReportItem;
  warnings: Warning[];
  /** Phases not done. */
  missingPhases: PhaseId[];
  /** Phases done without a note saying what was done. */
  phasesWithoutNote: PhaseId[];
  noEvidence: boolean;
  noDeadline: boolean;
  noOwner: boolean;
}

/** 缺什么, per task: what is still missing before the task is a complete ledger entry. */
export function gaps(items: readonly ReportItem[], now: number, rules: WarningRules = DEFAULT_WARNING_RULES): TaskGap[] {
  return items.map((item) => ({
    item,
    warnings: taskWarnings(item.tag, item.detail.deadline, now, rules),
    missingPhases: missingPhases(item.tag),
    phasesWithoutNote: PHASE_IDS.filter((p) => item.tag.phases[p].done && item.tag.phases[p].note.trim() === ''),
    noEvidence: item.detail.evidence.length === 0,
    noDeadline: item.detail.deadline === '',
    noOwner: item.detail.owner === '',
  }));
}

export const gapCount = (g: TaskGap): number =>
  g.missingPhases.length + g.phasesWithoutNote.length + (g.noEvidence ? 1 : 0) + (g.noDeadline ? 1 : 0) + (g.noOwner ? 1 : 0);
