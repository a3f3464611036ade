// What the background holds in memory between messages: the catalog, rules and matcher, the
// enabled sites, the policy, a tag cache and the pending writes of automatic sightings.
import { DEFAULT_CATALOG } from '../../catalog/default-catalog';
import { createMatcher, type Classification, type ClassifyInput } from '../../tagging';
import { countPhases, emptyPhases, type Catalog, type Rule, type Site, type Tag, type Task } from '../../model';
import * as store from '../../store';
import type { TagView } from '../../messages/to-content';
import type { PolicyState } from '../policy';
import { siteKey } from '../site-key';
import { tagView } from '../tag-view';
import type { Effects } from './effects';
import { PageMemory } from './page-memory';
import { TabPages } from './tab-pages';

/** How long the start waits for the managed policy before answering with the stored catalog. */
const POLICY_WAIT_MS = 20;
/** After the start, once the first messages are answered: the matcher and model are built while idle. */
const WARM_AFTER_MS = 30;
/** A burst of row reports is written once it pauses this long, or this long after its first: a
 * page's reports now span its parse, and a write in the middle (thousands of IndexedDB requests, each
 * answered on this worker's event loop) held up the answers to its later reports. */
const SIGHTINGS_QUIET_MS = 250;
const SIGHTINGS_MAX_WAIT_MS = 2000;

export class BackgroundState {
  catalog: Catalog = DEFAULT_CATALOG;
  rules: Rule[] = [];
  sites = new Map<string, Site>();
  policy: PolicyState = { policy: {}, error: null };
  readonly tabs: TabPages;
  /** The tasks each page showed last: its next load is tagged before its rows are asked about. */
  readonly pages: PageMemory;
  /** Built on the first classification: a restarted worker that only re-sees known tasks never needs it. */
  private match: ((input: ClassifyInput) => Classification) | null = null;
  /** Resolves once the managed policy is read and applied (sites, settings, its catalog). */
  policyApplied: Promise<void> = Promise.resolve();
  /** Keys tagged automatically before the policy was known (right after install its read takes
   * seconds): re-classified if the policy brings its own catalog. Null once the policy is applied. */
  private preliminary: string[] | null = [];

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
  /** Sightings waiting for their write (see persistSightings), and when the first came. */
  private queuedTasks: Task[] = [];
  private queuedTags: Tag[] = [];
  private queuedSince = 0;
  private queueTimer: ReturnType<typeof setTimeout> | null = null;
  private releaseQueue: (() => void) | null = null;
  /**
   * True while every stored tag is in tagCache: the store had none when this worker started (right
   * after install) and the cache was never cleared since. A key missing from the cache is then not
   * stored, and the answer needs no read (which would wait behind the sightings being written).
   */
  private allTagsCached: Promise<boolean>;
  /** Progress read from the counters since the last change to them (see progressChanged). */
  private readonly progressMemo = new Map<string, store.Progress>();
  private progressGeneration = 0;

  constructor(
    readonly db: store.RongheDb,
    readonly effects: Effects,
    readonly now: () => number,
  ) {
    this.tabs = new TabPages(effects.tabMemory);
    this.pages = new PageMemory(effects.tabMemory);
    this.allTagsCached = db.count('tags').then((n) => n === 0, () => false);
  }

  /**
   * What the first answer to a page needs: the catalog, the rules and the enabled sites, read at
   * once. The policy is waited for only briefly (it is quick, except right after install, when
   * managed storage takes seconds): if it is late, rows are answered with the stored catalog and
   * policyApplied re-tags them should the policy bring another.
   */
  async load(): Promise<void> {
    const policyRead = this.effects.readPolicy();
    const early = Promise.race([policyRead, new Promise<null>((resolve) => setTimeout(() => resolve(null), POLICY_WAIT_MS))]);
    const [policy, stored, rules, sites] = await Promise.all([early, store.getCatalog(this.db), store.listRules(this.db), store.listSites(this.db)]);
    if (policy) this.policy = policy;
    this.catalog = this.policy.policy.catalog ?? stored ?? DEFAULT_CATALOG;
    this.setRules(rules);
    this.sites = new Map(sites.map((s) => [s.origin, s]));
    this.policyApplied = policyRead.then((read) => this.applyPolicy(read, stored));
    // A page that starts this worker reports its rows a little later (at DOMContentLoaded): the
    // matcher (catalog trie, learned model) is ready by then instead of built on its first row.
    setTimeout(() => this.warm(), WARM_AFTER_MS);
  }

  /** Builds the matcher and decodes the model now, if no classification has done it yet. */
  warm(): void {
    this.matcher()({ title: '关于做好防汛工作的通知', fields: {} });
  }

  private async applyPolicy(policy: PolicyState, stored: Catalog | undefined): Promise<void> {
    this.policy = policy;
    await this.applyPolicySites();
    // Nothing else changes sites meanwhile: site writes wait for policyApplied.
    this.sites = new Map((await store.listSites(this.db)).map((s) => [s.origin, s]));
    if (this.policy.policy.settings) await store.putSettings(this.db, this.policy.policy.settings);
    const catalog = this.policy.policy.catalog ?? stored ?? DEFAULT_CATALOG;
    const keys = this.preliminary ?? [];
    this.preliminary = null;
    if (catalog === this.catalog) return;
    this.setCatalog(catalog);
    await this.retagPreliminary(keys);
  }

  /** Automatic tags given out before the policy's catalog was known, classified again with it. */
  private async retagPreliminary(keys: string[]): Promise<void> {
    await this.settled();
    const at = this.now();
    const changed: Tag[] = [];
    for (const key of keys) {
      const tag = this.tagCache.get(key);
      const task = this.taskCache.get(key);
      if (!tag || !task || tag.source !== 'auto') continue;
      const result = this.classify(task);
      if (result.category === tag.category && result.action === tag.action && result.ruleId === tag.ruleId) continue;
      const retag = { category: result.category, action: result.action, source: 'auto' as const, confidence: result.confidence, evidence: result.evidence.slice(0, 20), ruleId: result.ruleId };
      changed.push(this.remember(await store.retagTask(this.db, key, retag, at)));
    }
    if (!changed.length) return;
    this.effects.broadcast(changed.map((t) => this.view(t)));
    this.effects.refreshBadge();
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
    this.match = null;
  }

  setCatalog(catalog: Catalog): void {
    this.catalog = catalog;
    this.match = null;
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
    return this.matcher()({ title: task.title, fields: task.fields });
  }

  private matcher(): (input: ClassifyInput) => Classification {
    return (this.match ??= createMatcher(this.catalog, this.rules));
  }

  view(tag: Tag): TagView {
    return tagView(tag, this.catalog);
  }

  autoTag(task: Task, at: number): Tag {
    const result = this.classify(task);
    const phases = emptyPhases();
    this.preliminary?.push(task.key);
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
    if (this.tagCache.size >= 50_000) {
      this.tagCache.clear();
      this.allTagsCached = Promise.resolve(false);
    }
    this.tagCache.set(tag.taskKey, tag);
    return tag;
  }

  async tags(keys: string[]): Promise<(Tag | undefined)[]> {
    const missing = keys.filter((k) => !this.tagCache.has(k));
    if (missing.length && !(await this.allTagsCached)) (await store.getTags(this.db, missing)).forEach((tag) => tag && this.remember(tag));
    return keys.map((k) => this.tagCache.get(k));
  }

  /**
   * Writes new or changed sightings without holding up the reply: an auto tag is a deterministic
   * function of the task and the rules, so the reply can carry it before it is stored. A page's
   * reports come in a burst: their sightings are written together once the burst pauses
   * (SIGHTINGS_QUIET_MS, at most SIGHTINGS_MAX_WAIT_MS after the first), so the reads that answer
   * the later reports don't queue behind write transactions. A sighting lost to a worker stop is
   * reported again by its page. User writes (phases, corrections) wait for settled(), which writes
   * the queue at once, and are acknowledged only after commit.
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
    if (!changed.length && !fresh.length) return;
    this.queuedTasks.push(...changed);
    this.queuedTags.push(...fresh);
    if (!this.releaseQueue) {
      this.queuedSince = Date.now();
      this.lastWrite = Promise.all([this.lastWrite, new Promise<void>((resolve) => (this.releaseQueue = resolve))]);
    }
    if (this.queueTimer !== null) clearTimeout(this.queueTimer);
    const wait = Math.max(0, Math.min(SIGHTINGS_QUIET_MS, this.queuedSince + SIGHTINGS_MAX_WAIT_MS - Date.now()));
    this.queueTimer = setTimeout(() => this.writeQueue(), wait);
  }

  /** Writes the queued sightings now (both transactions in call order) and releases settled(). */
  private writeQueue(): void {
    if (this.queueTimer !== null) clearTimeout(this.queueTimer);
    this.queueTimer = null;
    const release = this.releaseQueue;
    if (!release) return;
    this.releaseQueue = null;
    const tasks = this.queuedTasks.splice(0);
    const tags = this.queuedTags.splice(0);
    void Promise.all([store.upsertTasks(this.db, tasks), store.putTagsIfAbsent(this.db, tags)])
      .catch((error: unknown) => {
        for (const task of tasks) this.written.delete(task.key);
        console.error('[ronghe] could not store sightings', error);
      })
      .then(release);
  }

  /** Tasks by key, from memory where this worker saw them, else from the store. */
  async tasks(keys: string[]): Promise<(Task | undefined)[]> {
    const missing = keys.filter((k) => !this.taskCache.has(k));
    const read = missing.length ? await store.getTasks(this.db, missing) : [];
    const found = new Map(missing.map((k, i) => [k, read[i]]));
    return keys.map((k) => this.taskCache.get(k) ?? found.get(k));
  }

  /** Resolves once the sightings reported so far are committed; `now` (the default, for user
   * writes) starts their write at once instead of at the end of the burst. */
  settled(now = true): Promise<unknown> {
    if (now) this.writeQueue();
    return this.lastWrite;
  }

  /** After a clear or an import, memory must not outlive the store. */
  forget(): void {
    this.progressChanged();
    this.tagCache.clear();
    this.allTagsCached = Promise.resolve(false);
    this.taskCache.clear();
    this.written.clear();
  }
}
