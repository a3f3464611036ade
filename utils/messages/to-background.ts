// Every message a content script or an extension page sends to the background, as zod schemas.
// The router parses each one and checks who may send it (see utils/background/sender.ts).
import { z } from 'zod';
import { CategoryId, Period, PhaseId, RowReport, Settings, SelectorOverride } from '../model';

const taskKey = z.string().min(1).max(200);
const actionId = z.string().min(1).max(64).nullable();

export const RowsReport = z.object({
  type: z.literal('rows/report'),
  adapterId: z.string().min(1).max(40),
  product: z.string().max(40),
  confidence: z.enum(['product', 'generic']),
  /** At most one batch's worth: the content script splits bigger lists. */
  rows: z.array(RowReport).max(2000),
});

export const PageStatus = z.object({
  type: z.literal('page/status'),
  /** Product recognised in this frame, even with 0 rows (diagnostics, badge '!'). */
  product: z.string().max(40).nullable(),
  adapterIds: z.array(z.string().max(40)).max(20),
  rows: z.number().int().nonnegative(),
  lists: z.number().int().nonnegative(),
  path: z.string().max(500),
});

export const TaskSetPhase = z.object({
  type: z.literal('task/set-phase'),
  taskKey,
  phase: PhaseId,
  done: z.boolean(),
  note: z.string().max(2000).optional(),
});

export const TaskCorrect = z.object({
  type: z.literal('task/correct'),
  taskKey,
  category: CategoryId,
  action: actionId,
});

export const PanelOpen = z.object({
  type: z.literal('panel/open'),
  taskKey: taskKey.optional(),
});

export const TasksForTab = z.object({ type: z.literal('tasks/for-tab'), tabId: z.number().int().nonnegative() });
export const ProgressGet = z.object({ type: z.literal('progress/get'), period: Period, origin: z.string().max(300).optional() });
export const SettingsGet = z.object({ type: z.literal('settings/get') });
export const SettingsSet = z.object({ type: z.literal('settings/set'), settings: Settings.partial() });
export const RulesList = z.object({ type: z.literal('rules/list') });
export const RuleDelete = z.object({ type: z.literal('rules/delete'), id: z.string().min(1).max(80) });
export const DataClear = z.object({ type: z.literal('data/clear'), confirm: z.literal('清空') });
export const SiteEnable = z.object({
  type: z.literal('site/enable'),
  origin: z.string().url().max(300),
  selectors: SelectorOverride.nullable().optional(),
});
export const SitesList = z.object({ type: z.literal('sites/list') });

export const ToBackground = z.discriminatedUnion('type', [
  RowsReport, PageStatus, TaskSetPhase, TaskCorrect, PanelOpen,
  TasksForTab, ProgressGet, SettingsGet, SettingsSet, RulesList, RuleDelete, DataClear, SiteEnable, SitesList,
]);
export type ToBackground = z.infer<typeof ToBackground>;
export type MessageType = ToBackground['type'];

/** What a content script may send: only about its own frame's origin (checked by the router). */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set([
  'rows/report', 'page/status', 'task/set-phase', 'task/correct', 'panel/open',
]);

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string; code: ErrorCode };
export type ErrorCode = 'invalid' | 'forbidden' | 'not-found' | 'failed';
