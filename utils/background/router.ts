// The background's single entry point for messages: parse with zod, check the sender, dispatch.
// A malformed or forbidden message gets an error reply; nothing here throws to the caller.
import { CONTENT_SCRIPT_MESSAGES, FRAME_ONLY_MESSAGES, ToBackground, type ErrorCode, type MessageType, type Reply, type SiteConfigReply } from '../messages/to-background';
import type { TagView } from '../messages/to-content';
import { packTaskList, type TaskList } from '../messages/task-list';
import type { Catalog, CategoryId, Period, PhaseId, Rule, Settings, Site, SelectorOverride, TaskDetail, TaskDetailFields } from '../model';
import { classifySender, type SenderKind, type SenderLike } from './sender';
import type { RowsReport, PageStatus, PickerReport } from '../messages/to-background';
import type { z } from 'zod';
import { HOST_PARAM, type FrameTokens } from './frame-token';

export type Caller = Exclude<SenderKind, { kind: 'refused' }>;

/** What the router needs from the rest of the background; real and fake implementations exist. */
export interface RongheServices {
  isSiteEnabled(origin: string): Promise<boolean>;
  /** Origin of a stored task, to check a content script acts on its own origin only. */
  taskOrigin(taskKey: string): Promise<string | null>;
  reportRows(caller: Extract<Caller, { kind: 'content' }>, msg: z.infer<typeof RowsReport>): Promise<TagView[]>;
  pageStatus(caller: Extract<Caller, { kind: 'content' }>, msg: z.infer<typeof PageStatus>): Promise<{ tasks: number }>;
  siteConfig(origin: string): Promise<SiteConfigReply>;
  /** The views of the tasks a page (origin + path) showed last, for its next load. */
  knownViews(origin: string, path: string): Promise<TagView[]>;
  testSelectors(tabId: number, selectors: SelectorOverride): Promise<{ rows: number }>;
  setPhase(taskKey: string, phase: PhaseId, done: boolean, note: string | undefined): Promise<TagView>;
  correct(taskKey: string, category: CategoryId, action: string | null): Promise<TagView[]>;
  uncorrect(taskKey: string): Promise<TagView[]>;
  /** Clears 待确认 on a tag a person confirms as right. */
  confirm(taskKey: string): Promise<TagView>;
  openPanel(tabId: number, taskKey: string | undefined): Promise<void>;
  tasksForTab(tabId: number): Promise<TaskList>;
  tasksList(period: Period, origin: string | undefined): Promise<TaskList>;
  progress(period: Period | undefined, origin: string | undefined): Promise<unknown>;
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
  listRules(): Promise<Rule[]>;
  putRule(rule: Rule): Promise<void>;
  deleteRule(id: string): Promise<void>;
  getCatalog(withLexicon?: boolean): Promise<Catalog>;
  setCatalog(catalog: Catalog | null): Promise<Catalog>;
  clearAll(): Promise<void>;
  enableSite(origin: string, selectors: SelectorOverride | null, tabId: number | null): Promise<Site>;
  setSite(origin: string, patch: { enabled?: boolean; adapterOverride?: string | null; selectors?: SelectorOverride | null }): Promise<Site>;
  removeSite(origin: string): Promise<void>;
  listSites(): Promise<Site[]>;
  tabStatus(tabId: number, url: string): Promise<unknown>;
  policy(): Promise<unknown>;
  ledgerQuery(): Promise<unknown>;
  ledgerImport(text: string, apply: boolean): Promise<unknown>;
  ledgerExported(): Promise<Settings>;
  backupStatus(): Promise<unknown>;
  /** The task's stored 台账 fields and the defaults shown for the empty ones. */
  getDetail(taskKey: string): Promise<unknown>;
  setDetail(taskKey: string, patch: TaskDetailFields): Promise<TaskDetail>;
  /** 标注本页任务: injects the picker into the tab's frames (its site must be enabled). */
  startPicker(tabId: number): Promise<PickerStartReply>;
  /** A frame's pick, relayed to every frame of the same tab. */
  pickerReport(caller: Extract<Caller, { kind: 'content' }>, msg: z.infer<typeof PickerReport>): Promise<void>;
  pickerCommand(caller: Extract<Caller, { kind: 'content' }>, command: 'confirm' | 'repick' | 'cancel'): Promise<void>;
  /** Saves the picked selectors as the custom selectors of the caller's own origin, then ends the pick. */
  pickerSave(caller: Extract<Caller, { kind: 'content' }>, selectors: SelectorOverride, rows: number): Promise<Site>;
}

export type PickerStartReply = { started: true } | { started: false; reason: 'disabled' | 'no-access' | 'not-web' | 'no-tab' };

const fail = (code: ErrorCode, error: string): Reply<never> => ({ ok: false, code, error });

export const ERRORS = {
  invalid: '消息格式无效 / Invalid message',
  refused: '拒绝：来源不可信 / Refused: untrusted sender',
  contentOnly: '拒绝：仅限页面脚本 / Refused: content scripts only',
  pageOnly: '拒绝：仅限扩展页面 / Refused: extension pages only',
  siteDisabled: '拒绝：此站点未启用 / Refused: site not enabled',
  otherOrigin: '拒绝：只能修改本站点的任务 / Refused: task belongs to another site',
  notFound: '未找到该任务 / Task not found',
  failed: '内部错误 / Internal error',
  locked: '此项由管理员策略设定，不能修改 / Set by your administrator\'s policy',
  framed: '此面板只能由融合助手在已启用站点的页面中打开 / This panel only opens from 融合助手 on an enabled site',
} as const;

/** What the panel framed in an OA page asks for; nothing else, and only about its own tab. */
export const FRAMED_PANEL_MESSAGES: ReadonlySet<MessageType> = new Set([
  'settings/get', 'settings/set', 'catalog/get', 'tasks/for-tab', 'task/set-phase', 'task/correct', 'task/uncorrect',
  'task/confirm', 'task/detail', 'task/set-detail', 'picker/start',
]);

/** `tokens`: the framing guard (frame-token.ts); without it, a panel framed in a page gets nothing. */
export function createRouter(services: RongheServices, runtimeId: string, extensionOrigin: string, tokens?: FrameTokens) {
  return async function route(raw: unknown, sender: SenderLike): Promise<Reply> {
    const who = classifySender(sender, runtimeId, extensionOrigin);
    if (who.kind === 'refused') return fail('forbidden', ERRORS.refused);
    const parsed = ToBackground.safeParse(raw);
    if (!parsed.success) return fail('invalid', ERRORS.invalid);
    const msg = parsed.data;
    try {
      if (who.kind === 'extension-page' && who.framedIn) {
        // panel.html in a web page's frame: only ours, made by the content script of an enabled
        // site (it carries that tab's token), asking about its own tab's tasks.
        const origin = who.framedIn.origin;
        const token = (raw as Record<string, unknown>)[HOST_PARAM];
        if (!FRAMED_PANEL_MESSAGES.has(msg.type) || !origin || who.tabId === null || !tokens || typeof token !== 'string') return fail('forbidden', ERRORS.framed);
        if (!(await tokens.verify(token, who.tabId, origin)) || !(await services.isSiteEnabled(origin))) return fail('forbidden', ERRORS.framed);
        if ((msg.type === 'tasks/for-tab' || msg.type === 'picker/start') && msg.tabId !== undefined && msg.tabId !== who.tabId) {
          return fail('forbidden', ERRORS.framed);
        }
        if ('taskKey' in msg && msg.taskKey !== undefined) {
          const taskOrigin = await services.taskOrigin(msg.taskKey);
          if (taskOrigin === null) return fail('not-found', ERRORS.notFound);
          if (taskOrigin !== origin) return fail('forbidden', ERRORS.otherOrigin);
        }
      }
      if (who.kind === 'content') {
        if (!CONTENT_SCRIPT_MESSAGES.has(msg.type)) return fail('forbidden', ERRORS.pageOnly);
        if (!(await services.isSiteEnabled(who.origin))) return fail('forbidden', ERRORS.siteDisabled);
        if ('taskKey' in msg && msg.taskKey !== undefined) {
          const origin = await services.taskOrigin(msg.taskKey);
          if (origin === null) return fail('not-found', ERRORS.notFound);
          if (origin !== who.origin) return fail('forbidden', ERRORS.otherOrigin);
        }
      } else if (FRAME_ONLY_MESSAGES.has(msg.type)) {
        // Rows and picks describe a page frame: only a script in that frame can speak for it.
        return fail('forbidden', ERRORS.contentOnly);
      }
      return { ok: true, data: await dispatch(services, who, msg, tokens) };
    } catch (error) {
      if (error instanceof NotFoundError) return fail('not-found', ERRORS.notFound);
      if (error instanceof LockedError) return fail('forbidden', ERRORS.locked);
      console.error('[ronghe] message failed', msg.type, error);
      return fail('failed', ERRORS.failed);
    }
  };
}

export class NotFoundError extends Error {}
/** A change that policy forbids; the message says so in Chinese and English. */
export class LockedError extends Error {}

async function dispatch(s: RongheServices, who: Caller, msg: ToBackground, tokens: FrameTokens | undefined): Promise<unknown> {
  switch (msg.type) {
    case 'rows/report':
      return who.kind === 'content' ? s.reportRows(who, msg) : null;
    case 'page/status':
      return who.kind === 'content' ? s.pageStatus(who, msg) : null;
    case 'task/set-phase':
      return s.setPhase(msg.taskKey, msg.phase, msg.done, msg.note);
    case 'task/correct':
      return s.correct(msg.taskKey, msg.category, msg.action);
    case 'panel/open': {
      const tabId = who.tabId;
      return tabId === null ? null : s.openPanel(tabId, msg.taskKey);
    }
    case 'tasks/for-tab': {
      const tabId = msg.tabId ?? who.tabId;
      return packTaskList(tabId === null ? { items: [], frames: [] } : await s.tasksForTab(tabId));
    }
    case 'tasks/list':
      return packTaskList(await s.tasksList(msg.period, msg.origin));
    case 'task/uncorrect':
      return s.uncorrect(msg.taskKey);
    case 'task/confirm':
      return s.confirm(msg.taskKey);
    case 'catalog/get':
      return s.getCatalog(msg.lexicon !== false);
    case 'catalog/set':
      return s.setCatalog(msg.catalog);
    case 'catalog/reset':
      return s.setCatalog(null);
    case 'rules/put':
      return s.putRule(msg.rule);
    case 'tab/status':
      return s.tabStatus(msg.tabId, msg.url);
    case 'site/set':
      return s.setSite(new URL(msg.origin).origin, msg);
    case 'site/remove':
      return s.removeSite(new URL(msg.origin).origin);
    case 'policy/get':
      return s.policy();
    case 'ledger/query':
      return s.ledgerQuery();
    case 'ledger/import':
      return s.ledgerImport(msg.text, msg.apply);
    case 'ledger/exported':
      return s.ledgerExported();
    case 'backup/status':
      return s.backupStatus();
    case 'site/config': {
      if (who.kind !== 'content') return null;
      const [config, known] = await Promise.all([s.siteConfig(who.origin), msg.path ? s.knownViews(who.origin, msg.path) : []]);
      if (known.length) config.known = known;
      // The top frame hosts <ronghe-panel>: it gets the token its panel shows (frame-token.ts).
      return who.frameId === 0 && tokens ? { ...config, panelToken: await tokens.issue(who.tabId, who.origin) } : config;
    }
    case 'selectors/test':
      return s.testSelectors(msg.tabId, msg.selectors);
    case 'progress/get':
      return s.progress(msg.period, msg.origin);
    case 'settings/get':
      return s.getSettings();
    case 'settings/set':
      return s.setSettings(msg.settings);
    case 'rules/list':
      return s.listRules();
    case 'rules/delete':
      return s.deleteRule(msg.id);
    case 'data/clear':
      return s.clearAll();
    case 'site/enable':
      return s.enableSite(new URL(msg.origin).origin, msg.selectors ?? null, msg.tabId ?? null);
    case 'sites/list':
      return s.listSites();
    case 'task/detail':
      return s.getDetail(msg.taskKey);
    case 'task/set-detail':
      return s.setDetail(msg.taskKey, msg.detail);
    case 'picker/start': {
      const tabId = msg.tabId ?? who.tabId;
      return tabId === null ? ({ started: false, reason: 'no-tab' } satisfies PickerStartReply) : s.startPicker(tabId);
    }
    case 'picker/report':
      return who.kind === 'content' ? s.pickerReport(who, msg) : null;
    case 'picker/command':
      return who.kind === 'content' ? s.pickerCommand(who, msg.command) : null;
    case 'picker/save':
      return who.kind === 'content' ? s.pickerSave(who, msg.selectors, msg.rows) : null;
  }
}
