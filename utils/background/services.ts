// The background's behaviour behind the router: tagging reported rows, phases, corrections.
// The background is the single writer of the store; everything here awaits committed writes.
import { DEFAULT_CATALOG } from '../catalog/default-catalog';
import { taskKey } from '../adapters/task-key';
import { createMatcher, ruleSignature, type Classification, type ClassifyInput } from '../tagging';
import { countPhases, emptyPhases, type Catalog, type Rule, type SelectorOverride, type Site, type Tag, type Task } from '../model';
import * as store from '../store';
import type { TagView } from '../messages/to-content';
import type { RongheServices } from './router';
import { LockedError, NotFoundError } from './router';
import type { PolicyState } from './policy';
import { tagView } from './tag-view';
import { periodRange } from './period';
import { siteKey } from './site-key';
import { importLedger } from './ledger-import';

export interface Effects {
  /** Push updated tags to every tab showing them (row tags, panels). */
  broadcast(views: TagView[]): void;
  /** Tell a tab's top frame that the page has tasks (shows the 融合助手 handle), and the
   * extension pages (an open panel) that the tab's task list changed. */
  pageHasTasks(tabId: number, count: number): void;
  openPanel(tabId: number, taskKey: string | undefined): Promise<void>;
  /** Recompute the badge from the store. */
  refreshBadge(): void;
  /** Register the content script for a newly enabled site. */
  registerSite(site: Site): Promise<void>;
  unregisterSite(site: Site): Promise<void>;
  /** Ask a tab's frames how many rows these selectors find. */
  testSelectors(tabId: number, selectors: SelectorOverride): Promise<number>;
  /** Inject the content script into a tab now (a site was just enabled there). */
  injectNow(tabId: number): Promise<void>;
  hasHostAccess(site: Site): Promise<boolean>;
  readPolicy(): Promise<PolicyState>;
}

interface TabPage {
  frames: Map<number, Set<string>>;
  status: Map<number, { product: string | null; rows: number; lists: number; path: string; adapterIds: string[] }>;
}

export function createServices(db: store.RongheDb, effects: Effects, now: () => number = Date.now) {
  let catalog: Catalog = DEFAULT_CATALOG;
  let rules: Rule[] = [];
  let sites = new Map<string, Site>();
  let match = createMatcher(catalog, rules);
  let policy: PolicyState = { policy: {}, error: null };
  const tabs = new Map<number, TabPage>();

  const ready = (async () => {
    policy = await effects.readPolicy();
    await applyPolicySites();
    catalog = policy.policy.catalog ?? (await store.getCatalog(db)) ?? DEFAULT_CATALOG;
    rules = await store.listRules(db);
    sites = new Map((await store.listSites(db)).map((s) => [s.origin, s]));
    match = createMatcher(catalog, rules);
    if (policy.policy.settings) await store.putSettings(db, policy.policy.settings);
  })();

  /** Policy sites are enabled and locked; sites a former policy set are handed back to the user. */
  async function applyPolicySites() {
    const wanted = new Set((policy.policy.sites ?? []).map(siteKey));
    for (const site of await store.listSites(db)) {
      if (site.source === 'policy' && !wanted.has(site.origin)) await store.putSite(db, { ...site, source: 'user' });
    }
    for (const origin of wanted) {
      const existing = await store.getSite(db, origin);
      await store.putSite(db, { origin, enabled: true, source: 'policy', adapterOverride: existing?.adapterOverride ?? null, selectors: existing?.selectors ?? null, addedAt: existing?.addedAt ?? now() });
    }
  }

  const lockedSettings = () => new Set<string>(policy.policy.lockedSettings ?? []);

  /**
   * Tags read or written in this service worker's life. The background is the only writer, so the
   * cache can't go stale; a restarted worker starts empty and reads again.
   */
  const tagCache = new Map<string, Tag>();
  const remember = (tag: Tag): Tag => {
    if (tagCache.size >= 50_000) tagCache.clear();
    tagCache.set(tag.taskKey, tag);
    return tag;
  };
  const cachedTags = async (keys: string[]): Promise<(Tag | undefined)[]> => {
    const missing = keys.filter((k) => !tagCache.has(k));
    if (missing.length) {
      const read = await store.getTags(db, missing);
      read.forEach((tag) => tag && remember(tag));
    }
    return keys.map((k) => tagCache.get(k));
  };

  /** Task signatures written in this service worker's life: re-sightings don't rewrite them. */
  const written = new Map<string, string>();
  let lastWrite: Promise<unknown> = Promise.resolve();

  /**
   * Writes new or changed sightings without holding up the reply: an auto tag is a deterministic
   * function of the task and the rules, so the reply can carry it before it is stored. Both
   * transactions are created now, and IndexedDB runs readwrite transactions in creation order, so
   * a phase ticked a moment later is applied after this tag exists. User writes (phases,
   * corrections) are still acknowledged only after commit.
   */
  const persistSightings = (tasks: Task[], fresh: Tag[]) => {
    const changed = tasks.filter((task) => {
      const signature = JSON.stringify([task.title, task.fields, task.url, task.nativeId]);
      if (written.get(task.key) === signature) return false;
      written.set(task.key, signature);
      return true;
    });
    const writes = [store.upsertTasks(db, changed), store.putTagsIfAbsent(db, fresh)];
    lastWrite = Promise.all(writes).catch((error) => {
      for (const task of changed) written.delete(task.key);
      console.error('[ronghe] could not store sightings', error);
    });
  };

  const tabPage = (tabId: number): TabPage => {
    let page = tabs.get(tabId);
    if (!page) tabs.set(tabId, (page = { frames: new Map(), status: new Map() }));
    return page;
  };

  const autoTag = (task: Task, result: Classification, at: number): Tag => {
    const phases = emptyPhases();
    return {
      taskKey: task.key,
      origin: task.origin,
      category: result.category,
      action: result.action,
      source: 'auto',
      confidence: result.confidence,
      evidence: result.evidence.slice(0, 20),
      ruleId: result.ruleId,
      phases,
      phaseCount: countPhases(phases),
      integrated: 0,
      taggedAt: at,
      updatedAt: at,
    };
  };

  const classifyTask = (task: Task): Classification => match({ title: task.title, fields: task.fields } satisfies ClassifyInput);

  const services: RongheServices & { ready: Promise<void>; settled(): Promise<unknown>; tabClosed(tabId: number): void } = {
    ready,
    /** Resolves when the sightings written so far are committed (tests, badge). */
    settled: () => lastWrite,

    async isSiteEnabled(origin) {
      await ready;
      return sites.get(siteKey(origin))?.enabled === true;
    },

    async taskOrigin(key) {
      return (await store.getTask(db, key))?.origin ?? null;
    },

    async reportRows(caller, msg) {
      await ready;
      const at = now();
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
      const existing = await cachedTags(tasks.map((t) => t.key));
      const fresh: Tag[] = [];
      const tags = tasks.map((task, i) => {
        const stored = existing[i];
        if (stored) return stored;
        const tag = autoTag(task, classifyTask(task), at);
        fresh.push(tag);
        remember(tag);
        return tag;
      });
      persistSightings(tasks, fresh);
      const page = tabPage(caller.tabId);
      let keys = page.frames.get(caller.frameId);
      if (!keys) page.frames.set(caller.frameId, (keys = new Set()));
      const before = keys.size;
      for (const task of tasks) keys.add(task.key);
      if (keys.size !== before || before === 0) effects.pageHasTasks(caller.tabId, countTabTasks(page));
      void lastWrite.then(() => effects.refreshBadge());
      return tags.map((tag) => tagView(tag, catalog));
    },

    async pageStatus(caller, msg) {
      const page = tabPage(caller.tabId);
      page.status.set(caller.frameId, { product: msg.product, rows: msg.rows, lists: msg.lists, path: msg.path, adapterIds: msg.adapterIds });
    },

    async setPhase(key, phase, done, note) {
      await ready;
      let tag: Tag;
      try {
        tag = remember(await store.setPhase(db, key, phase, done, note, now()));
      } catch (error) {
        if (error instanceof store.TagNotFoundError) throw new NotFoundError(key);
        throw error;
      }
      const view = tagView(tag, catalog);
      effects.broadcast([view]);
      effects.refreshBadge();
      return view;
    },

    async correct(key, category, action) {
      await ready;
      await lastWrite;
      const task = await store.getTask(db, key);
      if (!task) throw new NotFoundError(key);
      const at = now();
      const rule: Rule = {
        id: `rule-${at.toString(36)}-${hashString(task.title)}`,
        title: task.title,
        signature: ruleSignature(task.title),
        category,
        action,
        createdAt: at,
        source: 'user',
      };
      await store.putRule(db, rule);
      rules = [...rules, rule];
      match = createMatcher(catalog, rules);
      const corrected = remember(await store.retagTask(db, key, { category, action, source: 'user', confidence: 1, evidence: [task.title.slice(0, 100)], ruleId: rule.id }, at));
      // Similar tasks of the same site follow the new rule at once, unless a person tagged them.
      const changed: Tag[] = [corrected];
      const siblings = await store.listTasksByOrigin(db, task.origin);
      const siblingTags = await cachedTags(siblings.map((t) => t.key));
      for (const [i, sibling] of siblings.entries()) {
        const tag = siblingTags[i];
        if (!tag || tag.source !== 'auto' || sibling.key === key) continue;
        const result = classifyTask(sibling);
        if (result.ruleId !== rule.id || (result.category === tag.category && result.action === tag.action)) continue;
        changed.push(
          remember(await store.retagTask(db, sibling.key, { category: result.category, action: result.action, source: 'auto', confidence: result.confidence, evidence: result.evidence, ruleId: rule.id }, at)),
        );
      }
      const views = changed.map((t) => tagView(t, catalog));
      effects.broadcast(views);
      effects.refreshBadge();
      return views;
    },

    async openPanel(tabId, key) {
      await effects.openPanel(tabId, key);
    },

    async tasksForTab(tabId) {
      await ready;
      const page = tabs.get(tabId);
      const keys = page ? [...new Set([...page.frames.values()].flatMap((s) => [...s]))] : [];
      const [tasks, tags] = await Promise.all([store.getTasks(db, keys), store.getTags(db, keys)]);
      const items = keys.flatMap((key, i) => {
        const task = tasks[i];
        const tag = tags[i];
        return task && tag ? [{ task, tag, view: tagView(tag, catalog) }] : [];
      });
      return { items, frames: page ? [...page.status.values()] : [] };
    },

    async progress(period, origin) {
      return store.progress(db, { ...periodRange(period, new Date(now())), origin });
    },

    getSettings: () => store.getSettings(db),
    async setSettings(patch) {
      await ready;
      const locked = lockedSettings();
      if (Object.keys(patch).some((k) => locked.has(k))) throw new LockedError();
      return store.putSettings(db, patch);
    },
    async listRules() {
      await ready;
      return rules;
    },
    async deleteRule(id) {
      await store.deleteRule(db, id);
      rules = rules.filter((r) => r.id !== id);
      match = createMatcher(catalog, rules);
    },
    async clearAll() {
      await store.clearAll(db);
      tagCache.clear();
      written.clear();
      rules = [];
      match = createMatcher(catalog, rules);
      effects.refreshBadge();
    },
    async enableSite(origin, selectors, tabId) {
      await ready;
      const existing = sites.get(siteKey(origin));
      const site: Site = existing
        ? { ...existing, enabled: true, selectors: selectors ?? existing.selectors }
        : { origin: siteKey(origin), enabled: true, source: 'user', adapterOverride: null, selectors, addedAt: now() };
      await store.putSite(db, site);
      sites.set(site.origin, site);
      await effects.registerSite(site);
      if (tabId !== null) await effects.injectNow(tabId);
      return site;
    },
    async listSites() {
      await ready;
      return [...sites.values()];
    },

    async uncorrect(key) {
      await ready;
      await lastWrite;
      const tag = await store.getTag(db, key);
      if (!tag) throw new NotFoundError(key);
      const rule = rules.find((r) => r.id === tag.ruleId);
      if (!rule || tag.source !== 'user') return [tagView(tag, catalog)];
      await services.deleteRule(rule.id);
      const followers = (await store.listTagsByOrigin(db, tag.origin)).filter((t) => t.ruleId === rule.id);
      const tasks = await store.getTasks(db, followers.map((t) => t.taskKey));
      const at = now();
      const changed: Tag[] = [];
      for (const [i, follower] of followers.entries()) {
        const task = tasks[i];
        if (!task) continue;
        const result = classifyTask(task);
        changed.push(
          remember(await store.retagTask(db, follower.taskKey, { category: result.category, action: result.action, source: 'auto', confidence: result.confidence, evidence: result.evidence, ruleId: result.ruleId }, at)),
        );
      }
      const views = changed.map((t) => tagView(t, catalog));
      effects.broadcast(views);
      effects.refreshBadge();
      return views;
    },

    async tasksList(period, origin) {
      await ready;
      await lastWrite;
      const tags = await store.listTags(db, { ...periodRange(period, new Date(now())), origin });
      const tasks = await store.getTasks(db, tags.map((t) => t.taskKey));
      return {
        items: tags.flatMap((tag, i) => {
          const task = tasks[i];
          return task ? [{ task, tag, view: tagView(tag, catalog) }] : [];
        }),
        frames: [],
      };
    },

    async putRule(rule) {
      await ready;
      await store.putRule(db, rule);
      rules = [...rules.filter((r) => r.id !== rule.id), rule];
      match = createMatcher(catalog, rules);
    },

    async getCatalog() {
      await ready;
      return catalog;
    },

    async setCatalog(next) {
      await ready;
      if (policy.policy.catalog) throw new LockedError();
      if (next) await store.putCatalog(db, next);
      else await store.resetCatalog(db);
      catalog = next ?? DEFAULT_CATALOG;
      match = createMatcher(catalog, rules);
      return catalog;
    },

    async setSite(origin, patch) {
      await ready;
      const key = siteKey(origin);
      const current = sites.get(key);
      if (!current) throw new NotFoundError(key);
      if (current.source === 'policy' && patch.enabled === false) throw new LockedError();
      const site: Site = {
        ...current,
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        ...(patch.adapterOverride !== undefined ? { adapterOverride: patch.adapterOverride } : {}),
        ...(patch.selectors !== undefined ? { selectors: patch.selectors } : {}),
      };
      await store.putSite(db, site);
      sites.set(key, site);
      if (site.enabled) await effects.registerSite(site);
      else await effects.unregisterSite(site);
      return site;
    },

    async removeSite(origin) {
      await ready;
      const key = siteKey(origin);
      const current = sites.get(key);
      if (!current) return;
      if (current.source === 'policy') throw new LockedError();
      await effects.unregisterSite(current);
      await store.deleteSite(db, key);
      sites.delete(key);
    },

    async siteConfig(origin) {
      await ready;
      const site = sites.get(siteKey(origin));
      return { adapterOverride: site?.adapterOverride ?? null, selectors: site?.selectors ?? null };
    },

    async testSelectors(tabId, selectors) {
      return { rows: await effects.testSelectors(tabId, selectors) };
    },

    async tabStatus(tabId, url) {
      await ready;
      let origin: string | null = null;
      try {
        const parsed = new URL(url);
        if (/^https?:$/.test(parsed.protocol)) origin = parsed.origin;
      } catch {
        origin = null;
      }
      const page = tabs.get(tabId);
      const frames = page ? [...page.status.values()] : [];
      const tasks = page ? countTabTasks(page) : 0;
      const site = origin ? (sites.get(siteKey(origin)) ?? null) : null;
      const hasAccess = site ? await effects.hasHostAccess(site) : false;
      const product = frames.find((f) => f.product)?.product ?? null;
      const health = !origin
        ? 'not-web'
        : !site || !site.enabled
          ? 'disabled'
          : !hasAccess
            ? 'no-access'
            : product && tasks === 0
              ? 'no-rows'
              : tasks > 0
                ? 'ok'
                : 'no-oa';
      return { origin, site, hasAccess, product, tasks, frames, health };
    },

    async policy() {
      await ready;
      return policy;
    },

    async ledgerQuery() {
      await ready;
      await lastWrite;
      return { ...(await store.exportAll(db)), catalog };
    },

    async ledgerImport(text, apply) {
      await ready;
      await lastWrite;
      const result = await importLedger(db, text, apply);
      if (apply && result.ok) {
        tagCache.clear();
        rules = await store.listRules(db);
        match = createMatcher(catalog, rules);
        effects.refreshBadge();
      }
      return result;
    },

    async ledgerExported() {
      return store.putSettings(db, { lastExportAt: now(), changesSinceExport: 0 });
    },

    async backupStatus() {
      const settings = await store.getSettings(db);
      const since = settings.lastExportAt ?? 0;
      const changes = await store.countEvents(db, { from: since + 1 });
      const ageDays = settings.lastExportAt === null ? null : (now() - settings.lastExportAt) / 86_400_000;
      const due = changes >= 500 || (changes > 0 && (ageDays === null ? true : ageDays >= 7));
      return { lastExportAt: settings.lastExportAt, changes, due };
    },

    tabClosed(tabId) {
      tabs.delete(tabId);
    },
  };
  return services;
}

function countTabTasks(page: TabPage): number {
  let n = 0;
  for (const keys of page.frames.values()) n += keys.size;
  return n;
}

/** FNV-1a, enough to make rule ids readable and distinct. */
function hashString(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
