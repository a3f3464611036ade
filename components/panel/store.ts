// The panel's state as signals, and every action it takes. All writes go through the background.
import { batch, computed, signal } from '@preact/signals';
import { DEFAULT_SETTINGS, PHASE_IDS } from '@/utils/domain';
import type { CategoryId, Period, PhaseId } from '@/utils/model';
import type { PickerStartReply } from '@/utils/background/router';
import type { ToBackground } from '@/utils/messages/to-background';
import { unpackTaskList, type PackedTaskList } from '@/utils/messages/task-list';
import { CATALOG_GET, OWN_TAB_TASKS, SETTINGS_GET } from './start';
import type { Catalog, FrameStatus, GroupBy, PanelItem, PanelMode, ProgressFilter, Settings, TagView } from './types';

export type Send = <T = unknown>(message: ToBackground) => Promise<T>;

export interface TaskGroup {
  id: string;
  name: string;
  items: PanelItem[];
}

export interface PanelSummary {
  total: number;
  integrated: number;
  byPhase: Record<PhaseId, number>;
}

export interface PanelStoreOptions {
  send: Send;
  mode: PanelMode;
  /** The tab whose tasks to show (side panel); undefined: the panel's own tab, or all (tab mode). */
  tabId?: number;
  /** Localised fallback names ("no action"). */
  noActionName?: string;
  /** The settings the page already asked for (its language needs them first): load() uses them. */
  settings?: Promise<Settings>;
}

/** The client's code for "the background never answered" (utils/ui/client.ts). */
const workerGone = (e: unknown) => (e as { code?: unknown } | null)?.code === 'unreachable';

export function progressOf(count: number): Exclude<ProgressFilter, 'all'> {
  return count === 0 ? 'none' : count === 4 ? 'done' : 'partial';
}

export function createPanelStore(options: PanelStoreOptions) {
  const { send, mode } = options;
  const items = signal<PanelItem[]>([]);
  const frames = signal<FrameStatus[]>([]);
  const catalog = signal<Catalog | null>(null);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const loaded = signal(false);
  const error = signal<string | null>(null);
  const groupBy = signal<GroupBy>('action');
  const filter = signal<ProgressFilter>('all');
  const query = signal('');
  /** Show only 待确认 (unsure) tags. */
  const unsureOnly = signal(false);
  const selectedKey = signal<string | null>(null);
  const tabId = signal<number | undefined>(options.tabId);
  /** Keys with a write in flight: their controls wait for the background's answer. */
  const busy = signal<ReadonlySet<string>>(new Set());

  const visible = computed(() => {
    const q = query.value.trim().toLowerCase();
    const f = filter.value;
    const onlyUnsure = unsureOnly.value;
    const shown = items.value.filter(
      (item) =>
        (f === 'all' || progressOf(item.tag.phaseCount) === f) &&
        (!onlyUnsure || item.view.unsure === true) &&
        (!q || item.task.title.toLowerCase().includes(q)),
    );
    // 待确认 first (a stable partition: each part keeps the page's order).
    const unsure = shown.filter((item) => item.view.unsure === true);
    return unsure.length === 0 || unsure.length === shown.length ? shown : [...unsure, ...shown.filter((item) => item.view.unsure !== true)];
  });

  const unsureCount = computed(() => items.value.reduce((n, item) => n + (item.view.unsure === true ? 1 : 0), 0));

  const groups = computed<TaskGroup[]>(() => {
    const by = groupBy.value;
    const cat = catalog.value;
    const order = new Map<string, number>(
      (by === 'action' ? (cat?.actions ?? []) : (cat?.categories ?? [])).map((entry, i) => [entry.id, i]),
    );
    const map = new Map<string, TaskGroup>();
    for (const item of visible.value) {
      const id = by === 'action' ? (item.view.action ?? 'none') : item.view.category;
      let group = map.get(id);
      if (!group) {
        const name = by === 'action' ? (item.view.actionName ?? options.noActionName ?? '—') : item.view.categoryName;
        map.set(id, (group = { id, name, items: [] }));
      }
      group.items.push(item);
    }
    const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
    // A fresh array: sorting in place is fine (toSorted needs Chromium 110; the MV2 package runs on 86).
    return [...map.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.name.localeCompare(b.name));
  });

  const summary = computed<PanelSummary>(() => {
    const byPhase = { plan: 0, deploy: 0, implement: 0, inspect: 0 } as Record<PhaseId, number>;
    let integrated = 0;
    for (const { tag } of items.value) {
      if (tag.phaseCount === 4) integrated++;
      for (const p of PHASE_IDS) if (tag.phases[p].done) byPhase[p]++;
    }
    return { total: items.value.length, integrated, byPhase };
  });

  /** Frames where an OA product was recognised but no row was found: worth a diagnostic. */
  const emptyProducts = computed(() =>
    frames.value.filter((f) => f.product && f.rows === 0 && (items.value.length === 0 || f.lists > 0)),
  );

  const replace = (key: string, update: (item: PanelItem) => PanelItem) => {
    items.value = items.value.map((item) => (item.task.key === key ? update(item) : item));
  };

  const setBusy = (key: string, on: boolean) => {
    const next = new Set(busy.value);
    if (on) next.add(key);
    else next.delete(key);
    busy.value = next;
  };

  const fail = (e: unknown) => {
    error.value = e instanceof Error ? e.message : String(e);
  };

  const askTasks = (period: Period) =>
    send<PackedTaskList>(
      mode === 'tab' ? { type: 'tasks/list', period } : tabId.value === undefined ? OWN_TAB_TASKS : { type: 'tasks/for-tab', tabId: tabId.value },
    ).then(unpackTaskList);

  async function fetchTasks(): Promise<void> {
    const reply = await askTasks(settings.value.period);
    batch(() => {
      items.value = reply.items;
      frames.value = reply.frames;
    });
  }

  let refetchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Several broadcasts in a burst (a big page reporting in batches) cost one fetch. */
  function refetchSoon(delay = 120): void {
    clearTimeout(refetchTimer);
    refetchTimer = setTimeout(() => void fetchTasks().catch(fail), delay);
  }

  async function load(): Promise<void> {
    try {
      // One round trip: the tab's tasks don't wait for the catalog (a full tab needs the period).
      const settingsReply = options.settings ?? send<Settings>(SETTINGS_GET);
      const [cat, set, reply] = await Promise.all([
        send<Catalog>(CATALOG_GET),
        settingsReply,
        mode === 'tab' ? settingsReply.then((s) => askTasks(s.period)) : askTasks(settings.value.period),
      ]);
      // All at once: the first render with data is the only one.
      batch(() => {
        catalog.value = cat;
        settings.value = set;
        items.value = reply.items;
        frames.value = reply.frames;
        error.value = null;
        loaded.value = true;
      });
    } catch (e) {
      batch(() => {
        fail(e);
        loaded.value = true;
      });
    }
    performance.mark('ronghe-panel-data');
  }

  /** Broadcast views (this or another tab changed tags): update what we show. */
  function applyViews(views: TagView[]): void {
    const byKey = new Map(views.map((v) => [v.key, v]));
    let stale = false;
    let unknown = false;
    const next = items.value.map((item) => {
      const view = byKey.get(item.task.key);
      if (!view) return item;
      byKey.delete(item.task.key);
      // The view carries the phase count, not which phases: a different count means fetch again.
      if (view.phases !== item.tag.phaseCount) stale = true;
      return { ...item, view };
    });
    if (byKey.size && mode === 'tab') unknown = true;
    items.value = next;
    if (stale || unknown) refetchSoon();
  }

  /** Another tab's list changed (side panel follows the active tab; a framed panel its own). */
  function tabChanged(changed: number): void {
    if (mode === 'tab' || tabId.value === undefined || tabId.value === changed) refetchSoon();
  }

  async function setPhase(key: string, phase: PhaseId, done: boolean, note?: string): Promise<void> {
    const before = items.value.find((i) => i.task.key === key);
    if (!before) return;
    const previous = before.tag.phases[phase];
    const nextNote = note ?? previous.note;
    const apply = (d: boolean, at: number | null, n: string) =>
      replace(key, (item) => {
        const phases = { ...item.tag.phases, [phase]: { done: d, at, note: n } };
        const phaseCount = PHASE_IDS.reduce((c, p) => c + (phases[p].done ? 1 : 0), 0);
        return { ...item, tag: { phases, phaseCount }, view: { ...item.view, phases: phaseCount } };
      });
    // Optimistic: the checkbox answers at once; a refusal puts it back.
    apply(done, done ? (previous.done ? previous.at : Date.now()) : null, nextNote);
    setBusy(key, true);
    try {
      const view = await send<TagView>({ type: 'task/set-phase', taskKey: key, phase, done, ...(note !== undefined ? { note } : {}) });
      replace(key, (item) => ({ ...item, view }));
      error.value = null;
    } catch (e) {
      // The worker may have stored the tick and stopped before answering (the client asked
      // again and still got no answer): show what the store says, not a guess.
      const stored = workerGone(e) ? await fetchTasks().then(() => items.value.find((i) => i.task.key === key), () => undefined) : undefined;
      if (stored && stored.tag.phases[phase].done === done && (note === undefined || stored.tag.phases[phase].note === note)) {
        error.value = null;
      } else {
        if (!stored) apply(previous.done, previous.at, previous.note);
        fail(e);
      }
    } finally {
      setBusy(key, false);
    }
  }

  async function correct(key: string, category: CategoryId, action: string | null): Promise<void> {
    setBusy(key, true);
    try {
      applyViews(await send<TagView[]>({ type: 'task/correct', taskKey: key, category, action }));
      error.value = null;
    } catch (e) {
      fail(e);
      if (workerGone(e)) refetchSoon(0);
    } finally {
      setBusy(key, false);
    }
  }

  async function uncorrect(key: string): Promise<void> {
    setBusy(key, true);
    try {
      applyViews(await send<TagView[]>({ type: 'task/uncorrect', taskKey: key }));
      error.value = null;
    } catch (e) {
      fail(e);
      if (workerGone(e)) refetchSoon(0);
    } finally {
      setBusy(key, false);
    }
  }

  /** A person says an unsure tag is right: 待确认 clears (the background answers with the view). */
  async function confirm(key: string): Promise<void> {
    setBusy(key, true);
    try {
      applyViews([await send<TagView>({ type: 'task/confirm', taskKey: key })]);
      error.value = null;
    } catch (e) {
      fail(e);
    } finally {
      setBusy(key, false);
    }
  }

  async function saveSettings(patch: Partial<Settings>): Promise<void> {
    settings.value = { ...settings.value, ...patch };
    try {
      settings.value = await send<Settings>({ type: 'settings/set', settings: patch });
    } catch (e) {
      fail(e);
    }
  }

  async function setPeriod(period: Period): Promise<void> {
    await saveSettings({ period });
    await fetchTasks().catch(fail);
  }

  /** 标注本页任务: the picker starts in this panel's tab (the side panel's, or the one it is framed in). */
  function startPicker(): Promise<PickerStartReply> {
    return send<PickerStartReply>(tabId.value === undefined ? { type: 'picker/start' } : { type: 'picker/start', tabId: tabId.value });
  }

  function setTab(id: number | undefined): void {
    tabId.value = id;
    void fetchTasks().catch(fail);
  }

  return {
    mode,
    items, frames, catalog, settings, loaded, error, groupBy, filter, query, unsureOnly, selectedKey, tabId, busy,
    visible, groups, summary, emptyProducts, unsureCount,
    load, fetchTasks, refetchSoon, applyViews, tabChanged, setPhase, correct, uncorrect, confirm, saveSettings, setPeriod, setTab, startPicker,
    dispose: () => clearTimeout(refetchTimer),
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
