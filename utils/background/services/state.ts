// What the background holds in memory between messages: the catalog, rules and matcher, the
// enabled sites, the policy, a tag cache and the pending writes of automatic sightings.
import { DEFAULT_CATALOG } from '../../catalog/default-catalog';
import { createMatcher, type Classification } from '../../tagging';
import { countPhases, emptyPhases, type Catalog, type Rule, type Site, type Tag, type Task } from '../../model';
import * as store from '../../store';
import type { TagView } from '../../messages/to-content';
import type { PolicyState } from '../policy';
import { siteKey } from '../site-key';
import { tagView } from '../tag-view';
import type { Effects } from './effects';
import { TabPages } from './tab-pages';

export class BackgroundState {
  catalog: Catalog = DEFAULT_CATALOG;
  rules: Rule[] = [];
  sites = new Map<string, Site>();
  policy: PolicyState = { policy: {}, error: null };
  readonly tabs: TabPages;
  private match = createMatcher(DEFAULT_CATALOG, []);

  /**
   * Tags read or written in this service worker's life. The background is the only writer, so the
   * cache can't go stale; a restarted worker starts empty and reads again.
   */
  private readonly tagCache = new Map<string, Tag>();
  /** The latest sighting of each task this worker has seen: the panel opens without a store read. */
  private readonly taskCache = new Map<string, Task>();
  /** Task signatures written in this service worker's life: re-sightings don't rewrite them. */
  private readonly written = new Map<string, string>();
  private lastWrite: Promise<unknown> = Promise.resolve();
  /** Progress read from the counters since the last change to them (see progressChanged). */
  private readonly progressMemo = new Map<string, store.Progress>();
  private progressGeneration = 0;

  constructor(
    readonly db: store.RongheDb,
    readonly effects: Effects,
    readonly now: () => number,
  ) {
    this.tabs = new TabPages(effects.tabMemory);
  }

  async load(): Promise<void> {
    this.policy = await this.effects.readPolicy();
    await this.applyPolicySites();
    this.catalog = this.policy.policy.catalog ?? (await store.getCatalog(this.db)) ?? DEFAULT_CATALOG;
    this.setRules(await store.listRules(this.db));
    this.sites = new Map((await store.listSites(this.db)).map((s) => [s.origin, s]));
    if (this.policy.policy.settings) await store.putSettings(this.db, this.policy.policy.settings);
  }

  /** Policy sites are enabled and locked; sites a former policy set are handed back to the user. */
  private async applyPolicySites(): Promise<void> {
    const wanted = new Set((this.policy.policy.sites ?? []).map(siteKey));
    for (const site of await store.listSites(this.db)) {
      if (site.source === 'policy' && !wanted.has(site.origin)) await store.putSite(this.db, { ...site, source: 'user' });
    }
    for (const origin of wanted) {
      const existing = await store.getSite(this.db, origin);
      await store.putSite(this.db, {
        origin,
        enabled: true,
        source: 'policy',
        adapterOverride: existing?.adapterOverride ?? null,
        selectors: existing?.selectors ?? null,
        addedAt: existing?.addedAt ?? this.now(),
      });
    }
  }

  setRules(rules: Rule[]): void {
    this.rules = rules;
    this.match = createMatcher(this.catalog, rules);
  }

  setCatalog(catalog: Catalog): void {
    this.catalog = catalog;
    this.match = createMatcher(catalog, this.rules);
  }

  /** Called with every committed write that can change progress (where the badge is refreshed). */
  progressChanged(): void {
    this.progressGeneration++;
    this.progressMemo.clear();
  }

  /** Progress for a range of days, from the counters; the same question again, with no write in
   * between, is answered from memory (a popup opened right after the badge was refreshed). */
  async progress(q: store.DayProgressQuery): Promise<store.Progress> {
    const key = `${q.origin ?? ''}|${q.fromDay ?? ''}|${q.toDay ?? ''}`;
    const known = this.progressMemo.get(key);
    if (known) return known;
    const generation = this.progressGeneration;
    const read = await store.progressByDay(this.db, q);
    // A write that committed during the read may or may not be in it: then it isn't kept.
    if (generation === this.progressGeneration) this.progressMemo.set(key, read);
    return read;
  }

  classify(task: Task): Classification {
    return this.match({ title: task.title, fields: task.fields });
  }

  view(tag: Tag): TagView {
    return tagView(tag, this.catalog);
  }

  autoTag(task: Task, at: number): Tag {
    const result = this.classify(task);
    const phases = emptyPhases();
    return {
      taskKey: task.key,
      origin: task.origin,
      category: result.category,
      action: result.action,
      source: 'auto',
      confidence: result.confidence,
      ...(result.unsure ? { unsure: true } : {}),
      evidence: result.evidence.slice(0, 20),
      ruleId: result.ruleId,
      phases,
      phaseCount: countPhases(phases),
      integrated: 0,
      taggedAt: at,
      updatedAt: at,
    };
  }

  remember(tag: Tag): Tag {
    if (this.tagCache.size >= 50_000) this.tagCache.clear();
    this.tagCache.set(tag.taskKey, tag);
    return tag;
  }

  async tags(keys: string[]): Promise<(Tag | undefined)[]> {
    const missing = keys.filter((k) => !this.tagCache.has(k));
    if (missing.length) (await store.getTags(this.db, missing)).forEach((tag) => tag && this.remember(tag));
    return keys.map((k) => this.tagCache.get(k));
  }

  /**
   * Writes new or changed sightings without holding up the reply: an auto tag is a deterministic
   * function of the task and the rules, so the reply can carry it before it is stored. Both
   * transactions are created now, and IndexedDB runs readwrite transactions in creation order, so
   * a phase ticked a moment later is applied after this tag exists. User writes (phases,
   * corrections) are still acknowledged only after commit.
   */
  persistSightings(tasks: Task[], fresh: Tag[]): void {
    if (this.taskCache.size + tasks.length > 50_000) this.taskCache.clear();
    for (const task of tasks) {
      const known = this.taskCache.get(task.key);
      this.taskCache.set(task.key, known ? { ...task, firstSeen: known.firstSeen } : task);
    }
    const changed = tasks.filter((task) => {
      const signature = JSON.stringify([task.title, task.fields, task.url, task.nativeId]);
      if (this.written.get(task.key) === signature) return false;
      this.written.set(task.key, signature);
      return true;
    });
    const writes = [store.upsertTasks(this.db, changed), store.putTagsIfAbsent(this.db, fresh)];
    this.lastWrite = Promise.all(writes).catch((error) => {
      for (const task of changed) this.written.delete(task.key);
      console.error('[ronghe] could not store sightings', error);
    });
  }

  /** Tasks by key, from memory where this worker saw them, else from the store. */
  async tasks(keys: string[]): Promise<(Task | undefined)[]> {
    const missing = keys.filter((k) => !this.taskCache.has(k));
    const read = missing.length ? await store.getTasks(this.db, missing) : [];
    const found = new Map(missing.map((k, i) => [k, read[i]]));
    return keys.map((k) => this.taskCache.get(k) ?? found.get(k));
  }

  /** Resolves once the sightings written so far are committed. */
  settled(): Promise<unknown> {
    return this.lastWrite;
  }

  /** After a clear or an import, memory must not outlive the store. */
  forget(): void {
    this.progressChanged();
    this.tagCache.clear();
    this.taskCache.clear();
    this.written.clear();
  }
}
