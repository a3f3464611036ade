// One ledger row per tagged task: the table the CSV and XLSX exports are made of.
import { PHASE_IDS, type Catalog, type CategoryId, type Event, type Tag, type Task } from '../model';
import { compareStrings, sortOwned } from './sort';
import { actionName, categoryName, formatLocalTime, productName, SOURCE_NAMES, urgencyName } from './labels';

export interface LedgerRow {
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
export function ledgerRows(dump: LedgerSource, catalog: Catalog, filter: LedgerFilter = {}): LedgerRow[] {
  const tasks = new Map(dump.tasks.map((t) => [t.key, t] as const));
  const tags = sortOwned(
    dump.tags.filter((t) => matchesFilter(t, filter)),
    (a, b) => a.taggedAt - b.taggedAt || compareStrings(a.taskKey, b.taskKey),
  );
  return tags.map((tag) => toRow(tag, tasks.get(tag.taskKey), catalog));
}

function toRow(tag: Tag, task: Task | undefined, catalog: Catalog): LedgerRow {
  const at = (p: (typeof PHASE_IDS)[number]): string => (tag.phases[p].done ? formatLocalTime(tag.phases[p].at) : '');
  const integrated = PHASE_IDS.every((p) => tag.phases[p].done);
  return {
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
