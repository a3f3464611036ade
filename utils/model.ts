// The data model, declared once. Every type in the project comes from these schemas.
import { z } from 'zod';
import { CATEGORY_IDS, PHASE_IDS } from './domain';

export { CATEGORY_IDS, PHASE_IDS, DEFAULT_SETTINGS, emptyPhases, countPhases } from './domain';

export const CategoryId = z.enum(CATEGORY_IDS);
export type CategoryId = z.infer<typeof CategoryId>;

export const PhaseId = z.enum(PHASE_IDS);
export type PhaseId = z.infer<typeof PhaseId>;

/** Hostile pages can send anything: every string we keep is bounded. */
const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/);
const epochMs = z.number().int().nonnegative();

/** Normalised urgency: 0 一般, 1 加急, 2 急件, 3 特急, 4 特提 (field guide 1.8). */
export const Urgency = z.number().int().min(0).max(4);

/** What an OA page tells us about one task, besides the title. */
export const TaskFields = z.object({
  workflow: text(200).optional(), // 流程/事项类型: workflowname, categoryLabel, fdModelName…
  module: text(100).optional(),
  docType: text(100).optional(),
  sender: text(100).optional(),
  receivedAt: text(40).optional(), // as shown by the OA (dates there carry no zone)
  deadline: text(40).optional(),
  node: text(100).optional(),
  docMark: text(100).optional(),
  urgency: Urgency.optional(),
});
export type TaskFields = z.infer<typeof TaskFields>;

/** A row as a content script extracts it, before the background owns it. */
export const RowReport = z.object({
  nativeId: text(128).nullable(),
  title: text(500).min(1),
  fields: TaskFields,
  url: text(2000).optional(),
});
export type RowReport = z.infer<typeof RowReport>;

export const Task = z.object({
  key: text(200).min(1),
  origin: text(300).min(1),
  product: text(40),
  nativeId: text(128).nullable(),
  title: text(500).min(1),
  fields: TaskFields,
  url: text(2000).optional(),
  firstSeen: epochMs,
  lastSeen: epochMs,
});
export type Task = z.infer<typeof Task>;

export const Phase = z.object({
  done: z.boolean(),
  at: epochMs.nullable(),
  note: text(2000),
});
export type Phase = z.infer<typeof Phase>;

export const Phases = z.object({
  plan: Phase,
  deploy: Phase,
  implement: Phase,
  inspect: Phase,
});
export type Phases = z.infer<typeof Phases>;

export const TagSource = z.enum(['auto', 'user', 'policy']);
export type TagSource = z.infer<typeof TagSource>;

export const Tag = z.object({
  taskKey: text(200).min(1),
  origin: text(300).min(1),
  category: CategoryId,
  /** null: the category has no default action (admin) and the user chose none. */
  action: id.nullable(),
  source: TagSource,
  confidence: z.number().min(0).max(1),
  /** 待确认: the engine was unsure of this automatic tag and no person has confirmed or corrected
   * it yet. Optional and absent when false, so stored tags need no migration. */
  unsure: z.boolean().optional(),
  evidence: z.array(text(100)).max(20),
  ruleId: text(80).nullable(),
  phases: Phases,
  /** Derived from phases, stored so IndexedDB can index progress without scans. */
  phaseCount: z.number().int().min(0).max(4),
  integrated: z.union([z.literal(0), z.literal(1)]),
  taggedAt: epochMs,
  updatedAt: epochMs,
});
export type Tag = z.infer<typeof Tag>;

export const EventType = z.enum(['tagged', 'retagged', 'phase-done', 'phase-undone', 'note', 'imported']);
export const Event = z.object({
  /** Deterministic: `${taskKey}|${type}|${at}|${detail}` so a retried write never duplicates. */
  id: text(400).min(1),
  taskKey: text(200).min(1),
  origin: text(300),
  type: EventType,
  at: epochMs,
  phase: PhaseId.optional(),
  category: CategoryId.optional(),
  action: id.nullable().optional(),
  note: text(2000).optional(),
});
export type Event = z.infer<typeof Event>;

export const CatalogAction = z.object({
  id,
  name: text(60).min(1), // 三会一课（业务议题纳入支部会议）
  short: text(12).min(1), // the row tag shows this: 三会一课
});
export type CatalogAction = z.infer<typeof CatalogAction>;

export const CatalogCategory = z.object({
  id: CategoryId,
  name: text(20).min(1),
  description: text(200),
  defaultAction: id.nullable(),
});
export type CatalogCategory = z.infer<typeof CatalogCategory>;

/** A lexicon entry: a term that is evidence for a category, with its weight. */
export const LexiconEntry = z.tuple([text(30).min(1), CategoryId, z.number().min(-10).max(10)]);
export type LexiconEntry = z.infer<typeof LexiconEntry>;

export const Catalog = z
  .object({
    version: z.number().int().positive(),
    categories: z.array(CatalogCategory).length(CATEGORY_IDS.length),
    actions: z.array(CatalogAction).min(1).max(200),
    phases: z.array(z.object({ id: PhaseId, name: text(20) })).length(4),
    lexicon: z.array(LexiconEntry).max(20000),
  })
  .superRefine((catalog, ctx) => {
    const actionIds = new Set(catalog.actions.map((a) => a.id));
    if (actionIds.size !== catalog.actions.length) ctx.addIssue({ code: 'custom', message: 'duplicate action id' });
    const seen = new Set<string>();
    for (const category of catalog.categories) {
      if (seen.has(category.id)) ctx.addIssue({ code: 'custom', message: `duplicate category ${category.id}` });
      seen.add(category.id);
      if (category.defaultAction && !actionIds.has(category.defaultAction)) {
        ctx.addIssue({ code: 'custom', message: `category ${category.id} maps to unknown action ${category.defaultAction}` });
      }
    }
  });
export type Catalog = z.infer<typeof Catalog>;

/** A learned correction: titles similar to `title` take `category`/`action`. */
export const Rule = z.object({
  id: text(80).min(1),
  title: text(500).min(1),
  /** The normalised signature the matcher compares against (computed at creation). */
  signature: text(500),
  /** The corrected task's workflow name (fields.workflow), when it names a family (workflowKey):
   * tasks of the same workflow follow the rule whatever their titles. */
  workflow: text(200).optional(),
  category: CategoryId,
  action: id.nullable(),
  createdAt: epochMs,
  source: z.enum(['user', 'policy', 'import']),
});
export type Rule = z.infer<typeof Rule>;

export const SelectorOverride = z.object({
  listRoot: text(300).optional(),
  row: text(300).min(1),
  title: text(300).min(1),
  nativeId: text(300).optional(),
});
export type SelectorOverride = z.infer<typeof SelectorOverride>;

export const Site = z.object({
  origin: text(300).min(1),
  enabled: z.boolean(),
  source: z.enum(['user', 'policy', 'e2e']),
  adapterOverride: text(40).nullable(),
  selectors: SelectorOverride.nullable(),
  addedAt: epochMs,
});
export type Site = z.infer<typeof Site>;

export const Period = z.enum(['week', 'month', 'quarter', 'year', 'all']);
export type Period = z.infer<typeof Period>;

export const Settings = z.object({
  locale: z.enum(['auto', 'zh-CN', 'en']),
  panelMode: z.enum(['overlay', 'push']),
  panelWidth: z.number().int().min(280).max(720),
  period: Period,
  lastExportAt: epochMs.nullable(),
  /** Who keeps this ledger (issue 12): every export carries these, so a merge shows whose rows are whose. */
  personName: text(40),
  department: text(60),
  branch: text(60),
  unit: text(100),
});
export type Settings = z.infer<typeof Settings>;

/** The person and unit a ledger belongs to (from settings). */
export const Profile = Settings.pick({ personName: true, department: true, branch: true, unit: true });
export type Profile = z.infer<typeof Profile>;

/** One piece of 佐证材料: its name, its number (编号) and where it is kept. */
export const EvidenceItem = z.object({
  name: text(200).min(1),
  number: text(100),
  place: text(200),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** What the 融合台账 row holds beyond the tag (store v5, `details`). Every field is optional:
 * a missing one falls back (责任人 to the settings' name, 牵头处室 to the OA's sender, 完成时限
 * to the OA deadline). The identity fields (dept, branch, unit) are whose row this is. */
export const TaskDetailFields = z.object({
  owner: text(40).optional(), // 责任人
  ownerDept: text(60).optional(), // 责任人所在处室
  branch: text(60).optional(), // 所属支部
  unit: text(100).optional(), // 单位
  leadDept: text(100).optional(), // 牵头处室
  members: text(500).optional(), // 参与党员
  deadline: text(40).optional(), // 完成时限, YYYY-MM-DD
  completedAt: text(40).optional(), // 实际完成时间, YYYY-MM-DD
  outcome: text(2000).optional(), // 完成情况
  evidence: z.array(EvidenceItem).max(50).optional(), // 佐证材料
  remark: text(2000).optional(), // 备注
});
export type TaskDetailFields = z.infer<typeof TaskDetailFields>;

export const TaskDetail = TaskDetailFields.extend({
  taskKey: text(200).min(1),
  origin: text(300).min(1),
  updatedAt: epochMs,
});
export type TaskDetail = z.infer<typeof TaskDetail>;

