// A task's state in the ledger (未启动 / 推进中 / 已完成 / 逾期) and its reminders: 完成时限 near
// (黄, within 3 days) or past (红) with phases missing, and tasks tagged long ago with no phase.
// Days are calendar days in China (Asia/Shanghai, UTC+8 all year).
import { PHASE_IDS, type PhaseId, type Tag } from '../model';

export type TaskStatus = 'not-started' | 'in-progress' | 'done' | 'overdue';

export const STATUS_NAMES: Readonly<Record<TaskStatus, string>> = {
  'not-started': '未启动',
  'in-progress': '推进中',
  done: '已完成',
  overdue: '逾期',
};

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Shanghai calendar day of an instant, as a day number (days since 1970-01-01). */
export function chinaDay(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** A YYYY-MM-DD date as a day number, or null when the text holds no valid date. */
export function dateDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return Math.floor(ms / DAY_MS);
}

export function missingPhases(tag: Tag): PhaseId[] {
  return PHASE_IDS.filter((p) => !tag.phases[p].done);
}

/** 逾期 once the deadline's day is over with phases missing; 已完成 when all four are done. */
export function taskStatus(tag: Tag, deadline: string, now: number): TaskStatus {
  const missing = missingPhases(tag).length;
  if (missing === 0) return 'done';
  const due = dateDay(deadline);
  if (due !== null && chinaDay(now) > due) return 'overdue';
  return missing === PHASE_IDS.length ? 'not-started' : 'in-progress';
}

export interface WarningRules {
  /** Yellow from this many days before the deadline (inclusive). */
  nearDays: number;
  /** Tasks tagged more than this many days ago with no phase done. */
  staleDays: number;
}

export const DEFAULT_WARNING_RULES: WarningRules = { nearDays: 3, staleDays: 14 };

export type Warning =
  | { kind: 'overdue'; level: 'red'; daysLate: number; missing: PhaseId[] }
  | { kind: 'due-soon'; level: 'yellow'; daysLeft: number; missing: PhaseId[] }
  | { kind: 'stale'; level: 'yellow'; daysSinceTagged: number };

/** The reminders for one task (none once all four phases are done). */
export function taskWarnings(tag: Tag, deadline: string, now: number, rules: WarningRules = DEFAULT_WARNING_RULES): Warning[] {
  const missing = missingPhases(tag);
  if (missing.length === 0) return [];
  const out: Warning[] = [];
  const today = chinaDay(now);
  const due = dateDay(deadline);
  if (due !== null) {
    if (today > due) out.push({ kind: 'overdue', level: 'red', daysLate: today - due, missing });
    else if (due - today <= rules.nearDays) out.push({ kind: 'due-soon', level: 'yellow', daysLeft: due - today, missing });
  }
  const since = today - chinaDay(tag.taggedAt);
  if (missing.length === PHASE_IDS.length && since > rules.staleDays) out.push({ kind: 'stale', level: 'yellow', daysSinceTagged: since });
  return out;
}
