// Tasks seen on pages: tagging reported rows, ticking phases, corrections that teach and undo.
import { fnv1a53, taskKey } from '../../adapters/task-key';
import { ruleSignature, workflowKey } from '../../tagging';
import type { CategoryId, Rule, Tag, Task } from '../../model';
import * as store from '../../store';
import { panelItem } from '../tag-view';
import type { TagView } from '../../messages/to-content';
import { NotFoundError, type RongheServices } from '../router';
import { periodDays, periodRange } from '../period';
import type { BackgroundState } from './state';
import { tabHealthOf } from './site-services';

type TaskServices = Pick<
  RongheServices,
  'taskOrigin' | 'reportRows' | 'pageStatus' | 'knownViews' | 'setPhase' | 'correct' | 'uncorrect' | 'confirm' | 'openPanel' | 'tasksForTab' | 'tasksList' | 'progress'
>;

/** How long tasks/for-tab waits for a tab's frames to report again when it knows none of them. */
const FRAMES_ANSWER_MS = 1500;

export function taskServices(state: BackgroundState): TaskServices {
  const { db, effects } = state;

  const publish = async (tags: Tag[]): Promise<TagView[]> => {
    const views = tags.map((t) => state.view(t));
    effects.refreshBadge();
    await effects.broadcast(views);
    return views;
  };

  /** Re-tags automatically tagged tasks whose classification a rule change altered. */
  const retagFollowers = async (tasks: Task[], tags: (Tag | undefined)[], follows: (ruleId: string | null) => boolean, at: number) => {
    const changed: Tag[] = [];
    for (const [i, task] of tasks.entries()) {
      const tag = tags[i];
      if (!tag || tag.source !== 'auto') continue;
      const result = state.classify(task);
      if (!follows(result.ruleId) && !follows(tag.ruleId)) continue;
      if (result.category === tag.category && result.action === tag.action && result.ruleId === tag.ruleId) continue;
      const retag = { category: result.category, action: result.action, source: 'auto' as const, confidence: result.confidence, evidence: result.evidence, ruleId: result.ruleId, unsure: result.unsure };
      changed.push(state.remember(await store.retagTask(db, task.key, retag, at)));
    }
    return changed;
  };

  const items = async (keys: string[]) => {
    const [tasks, tags] = await Promise.all([state.tasks(keys), state.tags(keys)]);
    return keys.flatMap((_, i) => {
      const task = tasks[i];
      const tag = tags[i];
      return task && tag ? [panelItem(task, tag, state.catalog)] : [];
    });
  };

  /** Tabs whose frames this worker asked to report again. */
  const asked = new Set<number>();
  const waiting = new Map<number, Array<() => void>>();
  const reported = (tabId: number) => {
    for (const wake of waiting.get(tabId) ?? []) wake();
    waiting.delete(tabId);
  };
  /** The next page/status from the tab, or a moment (a tab without our script never answers). */
  const firstReport = (tabId: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FRAMES_ANSWER_MS);
      const list = waiting.get(tabId) ?? [];
      list.push(() => {
        clearTimeout(timer);
        // The other frames' reports follow within a few milliseconds.
        setTimeout(resolve, 60);
      });
      waiting.set(tabId, list);
    });

  const tagRows: TaskServices['reportRows'] = async (caller, msg) => {
    const at = state.now();
    // The key is recomputed from the sender's origin: a frame can't write another site's tasks.
    const tasks: Task[] = msg.rows.map((row) => ({
      key: taskKey(caller.origin, msg.adapterId, row),
      origin: caller.origin,
      product: msg.adapterId,
      nativeId: row.nativeId,
      title: row.title,
      fields: row.fields,
      url: row.url,
      firstSeen: at,
      lastSeen: at,
    }));
    const existing = await state.tags(tasks.map((t) => t.key));
    const fresh: Tag[] = [];
    const tags = tasks.map((task, i) => {
      const stored = existing[i];
      if (stored) return stored;
      const tag = state.remember(state.autoTag(task, at));
      fresh.push(tag);
      return tag;
    });
    state.persistSightings(tasks, fresh);
    await state.tabs.restore(caller.tabId);
    if (state.tabs.addTasks(caller.tabId, caller.frameId, caller.origin, tasks.map((t) => t.key))) {
      effects.pageHasTasks(caller.tabId, state.tabs.count(caller.tabId));
    }
    void state.settled(false).then(() => effects.refreshBadge());
    return tags.map((tag) => state.view(tag));
  };

  /** Row reports being answered (tasksForTab waits for a tab's reports to be in). */
  const reportsInFlight = new Set<Promise<unknown>>();

  return {
    async taskOrigin(key) {
      // From memory first: a task just reported may not be stored yet (sightings are written after the reply).
      return (await state.tasks([key]))[0]?.origin ?? null;
    },

    reportRows(caller, msg) {
      const reply = tagRows(caller, msg);
      reportsInFlight.add(reply);
      const done = () => reportsInFlight.delete(reply);
      reply.then(done, done);
      return reply;
    },

    async knownViews(origin, path) {
      const keys = await state.pages.keys(origin, path);
      if (!keys.length) return [];
      const tags = await state.tags(keys);
      return tags.flatMap((tag) => (tag ? [state.view(tag)] : []));
    },

    /** Answers with the tab's task count, so a top frame that starts after its child frames
     * reported still learns that the page has tasks. */
    async pageStatus(caller, msg) {
      const status = { product: msg.product, rows: msg.rows, lists: msg.lists, path: msg.path, adapterIds: msg.adapterIds, ...(msg.conflicts?.length ? { conflicts: msg.conflicts } : {}), ...(msg.rules ? { rules: msg.rules.slice(0, 20) } : {}), ...(msg.hint ? { hint: msg.hint } : {}) };
      await state.tabs.restore(caller.tabId);
      // A frame that reports again to a restarted worker may bring back a list it had lost: the
      // open panel hears that the tab's list changed and asks again.
      if (state.tabs.setStatus(caller.tabId, caller.frameId, caller.origin, status, msg.keys)) {
        effects.pageHasTasks(caller.tabId, state.tabs.count(caller.tabId));
      }
      effects.tabHealth(caller.tabId, tabHealthOf(state, caller.tabId));
      reported(caller.tabId);
      void state.pages.remember(caller.origin, msg.path, msg.keys);
      return { tasks: state.tabs.count(caller.tabId) };
    },

    async setPhase(key, phase, done, note) {
      await state.settled();
      try {
        const tag = state.remember(await store.setPhase(db, key, phase, done, note, state.now()));
        return (await publish([tag]))[0]!;
      } catch (error) {
        if (error instanceof store.TagNotFoundError) throw new NotFoundError(key);
        throw error;
      }
    },

    async correct(key, category: CategoryId, action) {
      await state.settled();
      const task = await store.getTask(db, key);
      if (!task) throw new NotFoundError(key);
      const at = state.now();
      // The id follows from what is corrected, not when: a correction asked again (the worker
      // stopped before it answered) rewrites the same rule instead of adding a second one.
      const ruleId = `rule-${fnv1a53(task.title)}-${fnv1a53(`${category}\n${action ?? ''}`)}`;
      const rule: Rule = {
        id: ruleId,
        title: task.title,
        signature: ruleSignature(task.title),
        // The workflow teaches its family too (rule-match.ts): the same 督办事项办理 with other titles.
        ...(workflowKey(task.fields.workflow) ? { workflow: task.fields.workflow } : {}),
        category,
        action,
        createdAt: at,
        source: 'user',
      };
      await store.putRule(db, rule);
      state.setRules([...state.rules.filter((r) => r.id !== ruleId), rule]);
      const corrected = state.remember(await store.retagTask(db, key, { category, action, source: 'user', confidence: 1, evidence: ['人工校正'], ruleId: rule.id }, at));
      // Similar tasks of the same site follow the new rule at once, unless a person tagged them.
      const siblings = (await store.listTasksByOrigin(db, task.origin)).filter((t) => t.key !== key);
      const followers = await retagFollowers(siblings, await state.tags(siblings.map((t) => t.key)), (id) => id === rule.id, at);
      return publish([corrected, ...followers]);
    },

    async uncorrect(key) {
      await state.settled();
      const tag = await store.getTag(db, key);
      if (!tag) throw new NotFoundError(key);
      const rule = state.rules.find((r) => r.id === tag.ruleId);
      if (!rule || tag.source !== 'user') return [state.view(tag)];
      await store.deleteRule(db, rule.id);
      state.setRules(state.rules.filter((r) => r.id !== rule.id));
      const at = state.now();
      const task = await store.getTask(db, key);
      const own = task ? state.autoTag(task, at) : null;
      const restored = own
        ? state.remember(await store.retagTask(db, key, { category: own.category, action: own.action, source: 'auto', confidence: own.confidence, evidence: own.evidence, ruleId: own.ruleId, unsure: own.unsure }, at))
        : tag;
      const siblings = (await store.listTasksByOrigin(db, tag.origin)).filter((t) => t.key !== key);
      const followers = await retagFollowers(siblings, await state.tags(siblings.map((t) => t.key)), (id) => id === rule.id, at);
      return publish([restored, ...followers]);
    },

    /** A person says an unsure (待确认) tag is right: the flag goes, the tag stays. */
    async confirm(key) {
      await state.settled();
      try {
        const tag = state.remember(await store.confirmTag(db, key, state.now()));
        return (await publish([tag]))[0]!;
      } catch (error) {
        if (error instanceof store.TagNotFoundError) throw new NotFoundError(key);
        throw error;
      }
    },

    async openPanel(tabId, key) {
      await effects.openPanel(tabId, key);
    },

    async tasksForTab(tabId) {
      await state.tabs.restore(tabId);
      const list = async () => {
        const entries = state.tabs.entries(tabId);
        // A frame lists tasks of its own origin only, whatever keys it claimed.
        const originOf = new Map(entries.map((e) => [e.key, e.origin]));
        const listed = (await items(entries.map((e) => e.key))).filter((item) => originOf.get(item.task.key) === item.task.origin);
        complete = entries.length > 0 && listed.length === entries.length;
        return { items: listed, frames: state.tabs.statuses(tabId) };
      };
      let complete = false;
      const known = await list();
      if (!effects.askFrames || asked.has(tabId)) return known;
      // Once per worker life and tab: the frames report their rows again (a stopped worker may
      // have lost their sightings, written after the answer, or the tab's list). Unless every
      // task on record is listed, the panel waits for that report and its write, so it never says
      // "no tasks", nor lists fewer, while tags are on the page.
      asked.add(tabId);
      const first = complete ? null : firstReport(tabId);
      effects.askFrames(tabId);
      if (!first) return known;
      await first;
      await Promise.all(reportsInFlight);
      await state.settled();
      return list();
    },

    async tasksList(period, origin) {
      await state.settled();
      const tags = await store.listTags(db, { ...periodRange(period, new Date(state.now())), origin });
      return { items: await items(tags.map((t) => t.taskKey)), frames: [] };
    },

    async progress(period, origin) {
      const settings = period ? null : await store.getSettings(db);
      const chosen = period ?? settings!.period;
      const numbers = await state.progress({ ...periodDays(chosen, new Date(state.now())), origin });
      return settings ? { ...numbers, period: chosen, locale: settings.locale } : numbers;
    },
  };
}
