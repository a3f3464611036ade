// One ledger row per tagged task: the table the CSV and XLSX exports are made of.
import { PHASE_IDS, type Catalog, type CategoryId, type Event, type PhaseId, type Profile, type Tag, type Task, type TaskDetail } from '../model';
import { compareStrings, sortOwned } from './sort';
import { actionName, categoryName, formatLocalTime, productName, SOURCE_NAMES, urgencyName } from './labels';
import { EMPTY_PROFILE, evidenceText, resolveDetail } from './detail';
import { taskStatus, STATUS_NAMES } from './status';

export interface LedgerRow {
  /** 序号, from 1 in the ledger's order. */
  seq: string;
  /** 业务工作任务: the OA title, with its 文号 when the OA gives one. */
  task: string;
  docMark: string;
  leadDept: string;
  owner: string;
  ownerDept: string;
  branch: string;
  unit: string;
  members: string;
  /** Each phase as one cell: its date and note. */
  plan: string;
  deploy: string;
  implement: string;
  inspect: string;
  /** 完成时限 (the person's, else the OA deadline). */
  dueDate: string;
  completedAt: string;
  outcome: string;
  /** 未启动 / 推进中 / 已完成 / 逾期 */
  status: string;
  evidence: string;
  remark: string;
  product: string;
  origin: string;
  taskKey: string;
  title: string;
  sender: string;
  category: string;
  action: string;
  urgency: string;
  receivedAt: string;
  deadline: string;
  planAt: string;
  planNote: string;
  deployAt: string;
  deployNote: string;
  implementAt: string;
  implementNote: string;
  inspectAt: string;
  inspectNote: string;
  integrated: string;
  source: string;
  taggedAt: string;
  updatedAt: string;
}

export type PhaseState = 'any' | 'none' | 'partial' | 'integrated';

export interface LedgerFilter {
  /** Inclusive bounds on tag.taggedAt (epoch ms). */
  from?: number;
  to?: number;
  /** undefined: any action; null: tags without an action; a string: that action id. */
  action?: string | null;
  category?: CategoryId;
  phaseState?: PhaseState;
  origin?: string;
}

export interface LedgerSource {
  tasks: readonly Task[];
  tags: readonly Tag[];
  events?: readonly Event[];
  details?: readonly TaskDetail[];
}

export interface LedgerOptions {
  /** The defaults for 责任人 and the identity columns (the settings). */
  profile?: Profile;
  /** For 逾期 (default: now). */
  now?: number;
}

export function matchesFilter(tag: Tag, filter: LedgerFilter): boolean {
  if (filter.from !== undefined && tag.taggedAt < filter.from) return false;
  if (filter.to !== undefined && tag.taggedAt > filter.to) return false;
  if (filter.action !== undefined && tag.action !== filter.action) return false;
  if (filter.category !== undefined && tag.category !== filter.category) return false;
  if (filter.origin !== undefined && tag.origin !== filter.origin) return false;
  const done = PHASE_IDS.filter((p) => tag.phases[p].done).length;
  switch (filter.phaseState ?? 'any') {
    case 'none':
      return done === 0;
    case 'partial':
      return done > 0 && done < PHASE_IDS.length;
    case 'integrated':
      return done === PHASE_IDS.length;
    default:
      return true;
  }
}

/**
 * The ledger: one row per tag that passes the filter, joined with its task (a tag whose task is
 * missing still gets a row, with the task's columns empty). Oldest tagging first, then by key.
 */
export function ledgerRows(dump: LedgerSource, catalog: Catalog, filter: LedgerFilter = {}, options: LedgerOptions = {}): LedgerRow[] {
  const tasks = new Map(dump.tasks.map((t) => [t.key, t] as const));
  const details = new Map((dump.details ?? []).map((d) => [d.taskKey, d] as const));
  const tags = sortOwned(
    dump.tags.filter((t) => matchesFilter(t, filter)),
    (a, b) => a.taggedAt - b.taggedAt || compareStrings(a.taskKey, b.taskKey),
  );
  const now = options.now ?? Date.now();
  return tags.map((tag, i) => toRow(i + 1, tag, tasks.get(tag.taskKey), details.get(tag.taskKey), catalog, options.profile ?? EMPTY_PROFILE, now));
}

/** A phase as one cell: 2024-06-01 and its note below; a note of an open phase says so. */
function phaseCell(tag: Tag, p: PhaseId): string {
  const phase = tag.phases[p];
  const head = phase.done ? formatLocalTime(phase.at).slice(0, 10) || '已完成' : phase.note ? '未完成' : '';
  return phase.note ? `${head} ${phase.note}` : head;
}

function toRow(seq: number, tag: Tag, task: Task | undefined, stored: TaskDetail | undefined, catalog: Catalog, profile: Profile, now: number): LedgerRow {
  const at = (p: (typeof PHASE_IDS)[number]): string => (tag.phases[p].done ? formatLocalTime(tag.phases[p].at) : '');
  const integrated = PHASE_IDS.every((p) => tag.phases[p].done);
  const d = resolveDetail(stored, task, profile);
  const docMark = task?.fields.docMark ?? '';
  const title = task?.title ?? '';
  return {
    seq: String(seq),
    task: docMark && !title.includes(docMark) ? `${title}（${docMark}）` : title,
    docMark,
    leadDept: d.leadDept,
    owner: d.owner,
    ownerDept: d.ownerDept,
    branch: d.branch,
    unit: d.unit,
    members: d.members,
    plan: phaseCell(tag, 'plan'),
    deploy: phaseCell(tag, 'deploy'),
    implement: phaseCell(tag, 'implement'),
    inspect: phaseCell(tag, 'inspect'),
    dueDate: d.deadline,
    completedAt: d.completedAt,
    outcome: d.outcome,
    status: STATUS_NAMES[taskStatus(tag, d.deadline, now)],
    evidence: evidenceText(d.evidence),
    remark: d.remark,
    product: task ? productName(task.product) : '',
    origin: tag.origin,
    taskKey: tag.taskKey,
    title: task?.title ?? '',
    sender: task?.fields.sender ?? '',
    category: categoryName(catalog, tag.category),
    action: actionName(catalog, tag.action),
    urgency: urgencyName(task?.fields.urgency),
    receivedAt: task?.fields.receivedAt ?? '',
    deadline: task?.fields.deadline ?? '',
    planAt: at('plan'),
    planNote: tag.phases.plan.note,
    deployAt: at('deploy'),
    deployNote: tag.phases.deploy.note,
    implementAt: at('implement'),
    implementNote: tag.phases.implement.note,
    inspectAt: at('inspect'),
    inspectNote: tag.phases.inspect.note,
    integrated: integrated ? '是' : '否',
    source: SOURCE_NAMES[tag.source],
    taggedAt: formatLocalTime(tag.taggedAt),
    updatedAt: formatLocalTime(tag.updatedAt),
  };
}
