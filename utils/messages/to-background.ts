// Every message a content script or an extension page sends to the background, as zod schemas.
// The router parses each one and checks who may send it (see utils/background/sender.ts).
import { z } from 'zod';
import type { TagView } from './to-content';
import { Catalog, CategoryId, Period, PhaseId, RowReport, Rule, Settings, SelectorOverride, TaskDetailFields } from '../model';

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
  /** Per list, the generic rule (grid:split, list:todo…) or the adapter id that found it. */
  rules: z.array(z.string().max(40)).max(5000).optional(),
  /** The class attribute of the frame's first table- or grid-like element (library guess). */
  hint: z.string().max(80).optional(),
  path: z.string().max(500),
  /** Our element names the page had defined itself (the content script used stand-ins). */
  conflicts: z.array(z.string().max(40)).max(4).optional(),
  /** The task keys this frame shows now: the panel lists exactly these. */
  keys: z.array(z.string().min(1).max(200)).max(5000),
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

/** A content script asks how its own site is configured (adapter override, custom selectors). */
export const SiteConfig = z.object({
  type: z.literal('site/config'),
  /** The frame's path: the reply carries the views of the tasks this page showed last (page-memory.ts). */
  path: z.string().max(500).optional(),
});
/** Options asks a tab to count the rows some custom selectors would find ("test on this page"). */
export const SelectorsTest = z.object({ type: z.literal('selectors/test'), tabId: z.number().int().nonnegative(), selectors: SelectorOverride });

export const PanelOpen = z.object({
  type: z.literal('panel/open'),
  taskKey: taskKey.optional(),
});

/** The tasks of one tab (all frames); without tabId, the sender's own tab (the framed panel). */
export const TasksForTab = z.object({ type: z.literal('tasks/for-tab'), tabId: z.number().int().nonnegative().optional() });
/** Every tagged task of a period, across sites (the panel opened as a full tab). */
export const TasksList = z.object({ type: z.literal('tasks/list'), period: Period, origin: z.string().max(300).optional() });
/** Undo a correction: drop its rule; the task and the tasks that followed it are tagged afresh. */
export const TaskUncorrect = z.object({ type: z.literal('task/uncorrect'), taskKey });
/** Confirm an unsure (待确认) tag as right: the flag goes, the tag stays (extension pages only). */
export const TaskConfirm = z.object({ type: z.literal('task/confirm'), taskKey });
/** lexicon: false leaves out the lexicon (thousands of terms) for pages that only name things. */
export const CatalogGet = z.object({ type: z.literal('catalog/get'), lexicon: z.boolean().optional() });
export const CatalogSet = z.object({ type: z.literal('catalog/set'), catalog: Catalog });
export const CatalogReset = z.object({ type: z.literal('catalog/reset') });
export const RulePut = z.object({ type: z.literal('rules/put'), rule: Rule });
/** What the popup shows about the active tab's site. */
export const TabStatus = z.object({ type: z.literal('tab/status'), tabId: z.number().int().nonnegative(), url: z.string().max(2000) });
export const SiteSet = z.object({
  type: z.literal('site/set'),
  origin: z.string().url().max(300),
  enabled: z.boolean().optional(),
  adapterOverride: z.string().max(40).nullable().optional(),
  selectors: SelectorOverride.nullable().optional(),
});
export const SiteRemove = z.object({ type: z.literal('site/remove'), origin: z.string().url().max(300) });
export const PolicyGet = z.object({ type: z.literal('policy/get') });
/** The whole store for an export (filtering and formats happen in the page). */
export const LedgerQuery = z.object({ type: z.literal('ledger/query') });
/** Import a validated backup: preview only (apply: false) or merge in one transaction. */
export const LedgerImport = z.object({ type: z.literal('ledger/import'), text: z.string().max(60 * 1024 * 1024), apply: z.boolean() });
export const LedgerExported = z.object({ type: z.literal('ledger/exported') });
export const BackupStatus = z.object({ type: z.literal('backup/status') });
/** Without a period: the settings' period, and the reply carries it and the UI locale (the popup
 * opens with this one round trip). */
export const ProgressGet = z.object({ type: z.literal('progress/get'), period: Period.optional(), origin: z.string().max(300).optional() });
export const SettingsGet = z.object({ type: z.literal('settings/get') });
export const SettingsSet = z.object({ type: z.literal('settings/set'), settings: Settings.partial() });
export const RulesList = z.object({ type: z.literal('rules/list') });
export const RuleDelete = z.object({ type: z.literal('rules/delete'), id: z.string().min(1).max(80) });
export const DataClear = z.object({ type: z.literal('data/clear'), confirm: z.literal('清空') });
export const SiteEnable = z.object({
  type: z.literal('site/enable'),
  origin: z.string().url().max(300),
  selectors: SelectorOverride.nullable().optional(),
  /** The tab to start tagging in right away (the popup's active tab). */
  tabId: z.number().int().nonnegative().optional(),
});
export const SitesList = z.object({ type: z.literal('sites/list') });

/** A task's 台账 fields (责任人, 完成时限, 佐证材料…) with their defaults: extension pages only. */
export const TaskDetailGet = z.object({ type: z.literal('task/detail'), taskKey });
/** Patches a task's 台账 fields ('' or [] clears one); acknowledged once committed. Extension pages only. */
export const TaskDetailSet = z.object({ type: z.literal('task/set-detail'), taskKey, detail: TaskDetailFields });

/** 标注本页任务: start the picker in every frame of a tab we can read (popup and side panel name the
 * tab; the framed panel means its own). */
export const PickerStart = z.object({ type: z.literal('picker/start'), tabId: z.number().int().nonnegative().optional() });
/** Why a pick makes no rule (utils/picker/infer.ts PickProblem). */
export const PickProblem = z.enum(['header', 'nav', 'single', 'few', 'empty']);
/** The picker in a frame picked something: a proposal of `rows` rows (id `pick`), or a wrong pick.
 * Relayed to every frame of the sender's tab (the top frame's toolbar shows it). */
export const PickerReport = z.object({
  type: z.literal('picker/report'),
  pick: z.string().min(1).max(40),
  rows: z.number().int().nonnegative().max(100_000),
  problem: PickProblem.nullable(),
});
/** A toolbar button or Esc in one frame: relayed to every frame of the sender's tab. */
export const PickerCommand = z.object({ type: z.literal('picker/command'), command: z.enum(['confirm', 'repick', 'cancel']) });
/** The frame holding the confirmed proposal saves it: its own origin's custom selectors, nothing else. */
export const PickerSave = z.object({ type: z.literal('picker/save'), selectors: SelectorOverride, rows: z.number().int().nonnegative().max(100_000) });

export const ToBackground = z.discriminatedUnion('type', [
  RowsReport, PageStatus, TaskSetPhase, TaskCorrect, PanelOpen,
  TasksForTab, TasksList, TaskUncorrect, TaskConfirm, ProgressGet, SettingsGet, SettingsSet, RulesList, RuleDelete, RulePut,
  CatalogGet, CatalogSet, CatalogReset, DataClear, SiteEnable, SiteSet, SiteRemove, SitesList, TabStatus, PolicyGet,
  LedgerQuery, LedgerImport, LedgerExported, BackupStatus, SiteConfig, SelectorsTest,
  TaskDetailGet, TaskDetailSet, PickerStart, PickerReport, PickerCommand, PickerSave,
]);
export type ToBackground = z.infer<typeof ToBackground>;
export type MessageType = ToBackground['type'];

/** What a content script may send: only about its own frame's origin (checked by the router). */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set([
  'rows/report', 'page/status', 'task/set-phase', 'task/correct', 'panel/open', 'site/config',
  'picker/report', 'picker/command', 'picker/save',
]);

/** What only a script in a page frame can say (the frame is its sender): rows, status, picks. */
export const FRAME_ONLY_MESSAGES: ReadonlySet<MessageType> = new Set(['rows/report', 'page/status', 'picker/report', 'picker/command', 'picker/save']);

/** What one frame's sensor says about itself (page/status), as tasks/for-tab returns it. */
export interface FrameStatus {
  product: string | null;
  rows: number;
  lists: number;
  path: string;
  adapterIds: string[];
  conflicts?: string[];
  rules?: string[];
  hint?: string;
}

/** What a content script learns about its site at start (site/config). */
export interface SiteConfigReply {
  adapterOverride: string | null;
  selectors: z.infer<typeof SelectorOverride> | null;
  panelWidth: number;
  panelMode: 'overlay' | 'push';
  /** Top frame only: the token its framed panel sends with each message (the framing guard). */
  panelToken?: string;
  /** The current views of the tasks this page showed last time, to tag its rows before asking. */
  known?: TagView[];
}

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string; code: ErrorCode };
export type ErrorCode = 'invalid' | 'forbidden' | 'not-found' | 'failed';
