// The page sensor of one frame: finds task lists, reports new or changed rows to the background,
// and keeps exactly one <ronghe-tag> per task row. Reads the DOM only; never layout, never innerText.
import type { DetectOptions, ExtractedRow, ListMatch } from '../adapters';
import type { RowReport } from '../model';
import type { TagView } from '../messages/to-content';
import { TAG_NAME, createRowTag, updateRowTag, type TagTexts } from './row-tag';
import { elementConflicts } from './shadow-host';

export interface AdapterApi {
  detectLists(doc: Document, url: URL, options?: DetectOptions): ListMatch[];
  extractRows(match: ListMatch, from?: number, to?: number): ExtractedRow[];
  rowCount(match: ListMatch): number;
  taskKey(origin: string, adapterId: string, report: RowReport): string;
  detectProduct(doc: Document, url: URL): { adapterId: string; product: string } | null;
}

export interface RowBatch {
  adapterId: string;
  product: string;
  confidence: 'product' | 'generic';
  rows: RowReport[];
}

export interface PageStatusReport {
  product: string | null;
  adapterIds: string[];
  rows: number;
  lists: number;
  /** Per list, the generic rule or the adapter id that found it (diagnostics). */
  rules: string[];
  /** The class of the page's first table- or grid-like element: the panel guesses the library. */
  hint?: string;
  path: string;
  /** Our element names this page had defined itself (shadow-host.ts). */
  conflicts?: string[];
  /** The task keys tagged in this frame now. */
  keys: string[];
}

export interface SensorDeps {
  doc: Document;
  adapters: AdapterApi;
  /** The views of the rows, or null when no answer came (the worker stopped meanwhile). */
  report(batch: RowBatch): Promise<TagView[] | null>;
  /** Resolves false when the status was not delivered. */
  status(status: PageStatusReport): Promise<boolean>;
  openPanel(taskKey: string): void;
  texts: TagTexts;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** A row read by a scan, with its task key. */
type KeyedRow = { row: ExtractedRow; key: string };

interface RowState {
  key: string;
  signature: string;
  tag: HTMLElement | null;
}

const BATCH = 2000;
/** Rows read per step of a scan; steps run until SLICE_MS, then the page gets the thread back. */
const STEP_ROWS = 100;
const SLICE_MS = 12;
/** Until the frame has its first tags: a list read in one go is tagged before the page's first
 * layout (one layout, not two), and no task of ours passes the 50-ms long-task line. */
const FIRST_SLICE_MS = 30;
/** New tags are built (detached: no layout) until the task has run this long, then in the next
 * task; they are put into the rows together once all are built, so a table is laid out once. */
const BUILD_SLICE_MS = 30;
/** However long the task has run already, a write builds at least this long before it yields. */
const BUILD_MIN_MS = 4;
/** Status reports (every tagged key) are coalesced: one per this long at most. */
const STATUS_MS = 60;
/** How long answered rows wait for the rest of their scan's answers before they are tagged anyway. */
const FLUSH_WAIT_MS = 150;
const DEBOUNCE_MS = 40;
const MAX_WAIT_MS = 300;
/** A change after this long a quiet spell is handled at once (in the observer's microtask). */
const QUIET_MS = 150;
/** While no row has been found, any change may be the list arriving: look again at once. */
const MIN_GAP_MS = 16;
/** While the HTML is parsed, lists are read this often. */
const PARSE_POLL_MS = 25;
const PARSE_SLICE_MS = 20;
/** After load or a navigation, watch the whole body this long for lists rendered late. */
const SETTLE_MS = 8000;
/** A report or status left unanswered (MV3 stopped the worker while it was on its way) is sent
 * again after these waits, then given up (the background's page/report asks for it anyway). */
const RETRY_MS = [150, 600, 2000, 5000];

export class PageSensor {
  private readonly rows = new WeakMap<Element, RowState>();
  private readonly viewsByKey = new Map<string, TagView>();
  private readonly tagsByKey = new Map<string, Set<HTMLElement>>();
  private readonly ownTags = new WeakSet<Element>();
  private readonly observer: MutationObserver;
  private watchedRoots: Element[] = [];
  private scanTimer: number | null = null;
  private firstDirtyAt = 0;
  private settleUntil = 0;
  private lastStatus = '';
  private destroyed = false;
  private observing: 'none' | 'body' | 'roots' = 'none';
  private options: DetectOptions = {};
  private settleTimer: number | null = null;
  /** Keys asked of the background and not answered yet: never asked twice at once. */
  private readonly awaiting = new Map<string, KeyedRow>();
  private rescanAfterReply = false;
  private lastScanAt = 0;
  private lastRowCount = 0;
  private lastStatusBase: Omit<PageStatusReport, 'keys'> | null = null;
  /** A newer scan makes an unfinished one stop. */
  private scanGen = 0;
  private statusTimer: number | null = null;
  private statusMisses = 0;
  /** Answered rows waiting for the next DOM write (flushSoon). */
  private readyRows: Array<KeyedRow> = [];
  private flushTimer: number | null = null;
  private flushing = false;
  /** A scan is between its slices: its answers are written together when it ends. */
  private inScan = false;
  /** Views the background sent before the rows were read (what this page showed last time): shown
   * at once, and the rows reported all the same (sightings), which confirms or updates them. */
  private readonly primed = new Set<string>();
  /** The next scan reports every row, tagged or not (reportAgain). */
  private resend = false;
  /** While the document is parsed, lists only grow: each scan reads the rows after those read so
   * far (parsedRows), and the first scan after the parse (at DOMContentLoaded) too. */
  private inParse = false;
  private readonly parsedRows = new WeakMap<Element, number>();
  /** Rows whose tags are still to be built (writeTags), and tags built but not yet in their rows. */
  private buildQueue: KeyedRow[] = [];
  private readonly unplaced = new Map<HTMLElement, { item: KeyedRow; view: TagView }>();
  private buildTimer: number | null = null;

  constructor(private readonly sensorDeps: SensorDeps) {
    this.observer = new MutationObserver((records) => {
      if (!records.some((r) => !this.isOwnMutation(r))) return;
      // Leading edge: a list that appears after a quiet spell (first render, next page) is read
      // before the page's own layout work, as a trivial extension would; bursts that follow are
      // coalesced on a trailing timer.
      const since = Date.now() - this.lastScanAt;
      if (this.scanTimer === null && (since > QUIET_MS || (this.lastRowCount === 0 && since > MIN_GAP_MS))) this.scan();
      else this.scheduleScan();
    });
  }

  start(): void {
    this.navigated();
  }

  /**
   * At document_start, while the HTML is parsed: rows are read and tagged as they arrive, so a
   * list in the HTML is tagged by the time it is complete, not after (and a slow server's rows as
   * they come). Only a product's lists are read before the parse ends: a generic one is judged on
   * the whole page. start() still runs at DOMContentLoaded.
   */
  parse(): void {
    this.inParse = true;
    // Polled, not observed: a mutation record for every parsed node costs more than the reading.
    const poll = () => {
      if (!this.inParse || this.destroyed) return;
      // A scan between its slices goes on; the next poll reads what came meanwhile.
      if (!this.inScan) this.scan();
      this.sensorDeps.setTimeout(poll, PARSE_POLL_MS);
    };
    this.sensorDeps.setTimeout(poll, PARSE_POLL_MS);
  }

  /** The site's adapter override or custom selectors (options, policy). */
  configure(options: DetectOptions): void {
    this.options = options;
    this.navigated();
  }

  /** Location changed (hash route, History API): lists may be new, so look everywhere again. */
  navigated(): void {
    this.settleUntil = Date.now() + SETTLE_MS;
    this.scan();
  }

  destroy(): void {
    this.destroyed = true;
    this.observer.disconnect();
    if (this.scanTimer !== null) this.sensorDeps.clearTimeout(this.scanTimer);
    if (this.settleTimer !== null) this.sensorDeps.clearTimeout(this.settleTimer);
    if (this.statusTimer !== null) this.sensorDeps.clearTimeout(this.statusTimer);
    if (this.buildTimer !== null) this.sensorDeps.clearTimeout(this.buildTimer);
  }

  /** Views pushed by the background (a phase ticked elsewhere, a correction): update in place. */
  applyViews(views: TagView[]): void {
    for (const view of views) {
      this.viewsByKey.set(view.key, view);
      const tags = this.tagsByKey.get(view.key);
      if (!tags) continue;
      for (const tag of tags) {
        if (tag.isConnected) updateRowTag(tag, view, this.sensorDeps.texts);
        else tags.delete(tag);
      }
    }
  }

  /** The views of the tasks this page showed last time (site/config): rows found later are tagged
   * with them in the scan that finds them, before the page's own first layout if it is fast. */
  prime(views: TagView[]): void {
    const found: KeyedRow[] = [];
    for (const view of views) {
      if (this.viewsByKey.has(view.key)) continue;
      this.viewsByKey.set(view.key, view);
      this.primed.add(view.key);
      // Rows a scan already asked about (the views came late): tagged now, not at the answer.
      const item = this.awaiting.get(view.key);
      if (item) found.push(item);
    }
    // A scan in progress writes them with its own (every write into a table lays it all out again).
    if (this.inScan) this.readyRows.push(...found);
    else this.writeTags(found);
  }

  /** The background lost what this frame shows (its worker restarted): say it again. */
  /** Its rows too: their sightings are written after the answer, and a stop may have lost them. */
  reportAgain(): void {
    if (this.destroyed || !this.lastStatusBase) return;
    this.lastStatus = '';
    this.resend = true;
    this.scan();
  }


  private isOwnMutation(record: MutationRecord): boolean {
    if (record.type !== 'childList') return false;
    const own = (n: Node) => n.nodeType === 1 && ((n as Element).localName === TAG_NAME || this.ownTags.has(n as Element));
    for (const n of record.addedNodes) if (!own(n)) return false;
    for (const n of record.removedNodes) if (!own(n)) return false;
    return true;
  }

  private scheduleScan(): void {
    if (this.destroyed) return;
    const now = Date.now();
    if (this.scanTimer === null) this.firstDirtyAt = now;
    else this.sensorDeps.clearTimeout(this.scanTimer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstDirtyAt + MAX_WAIT_MS - now));
    this.scanTimer = this.sensorDeps.setTimeout(() => {
      this.scanTimer = null;
      this.scan();
    }, wait);
  }

  /**
   * Reads every list and tags its rows. A long list is read in steps of STEP_ROWS, each reported as
   * soon as it is read; after SLICE_MS the scan yields to the page and goes on in the next task, so
   * no task of ours runs long, whatever the list's length.
   */
  private scan(): void {
    if (this.destroyed) return;
    this.lastScanAt = Date.now();
    const generation = ++this.scanGen;
    const resend = this.resend;
    this.resend = false;
    const { doc, adapters } = this.sensorDeps;
    const url = new URL(doc.location.href);
    const loading = doc.readyState === 'loading';
    const incremental = this.inParse;
    this.inParse = loading;
    let matches = adapters.detectLists(doc, url, this.options);
    if (loading) matches = matches.filter((m) => m.confidence === 'product');
    const origin = url.origin;
    let rowCount = 0;
    let index = 0;
    let at = 0;
    let total = -1;
    const unknown: Array<KeyedRow> = [];
    /** Rows whose views are known: written together when the scan ends (one layout). */
    const known: Array<KeyedRow> = [];
    const step = (): void => {
      if (this.destroyed || generation !== this.scanGen) return;
      this.inScan = true;
      // While the HTML is parsed the page lays out between its chunks anyway: short slices, each
      // with its own tags. Once parsed, a longer one, so that the rest is tagged in one layout.
      const until = Date.now() + (loading ? PARSE_SLICE_MS : this.tagsByKey.size && !incremental ? SLICE_MS : FIRST_SLICE_MS);
      for (let match = matches[index]; match; match = matches[index]) {
        if (total < 0) {
          // While loading, a list's last row may not be parsed whole yet: it waits.
          total = adapters.rowCount(match) - (loading ? 1 : 0);
          rowCount += at = (incremental && this.parsedRows.get(match.root)) || 0;
        }
        if (at >= total) {
          this.parsedRows.set(match.root, total);
          if (unknown.length) this.resolve(match, unknown.splice(0));
          index++;
          at = 0;
          total = -1;
          continue;
        }
        if (Date.now() >= until) {
          if (loading) this.writeTags(known.splice(0), until);
          this.sensorDeps.setTimeout(step, 0);
          return;
        }
        const extracted = adapters.extractRows(match, at, (at += STEP_ROWS));
        rowCount += extracted.length;
        for (const row of extracted) {
          const key = adapters.taskKey(origin, match.adapterId, row.report);
          if (!this.trackRow(row, key) && !resend) continue;
          const view = this.viewsByKey.get(key);
          if (view) known.push({ row, key });
          if (view && !resend && (!this.primed.has(key) || this.awaiting.has(key))) continue;
          if (this.awaiting.has(key)) this.rescanAfterReply = true;
          else {
            const item = { row, key };
            this.awaiting.set(key, item);
            unknown.push(item);
          }
        }
        // One report per list per slice: fewer, fuller messages; but a list's first rows at once,
        // so the background classifies them while the rest are read.
        if (unknown.length && (at >= total || at === STEP_ROWS || Date.now() >= until)) this.resolve(match, unknown.splice(0));
      }
      this.inScan = false;
      // One write: the known rows and the answers that came during the scan.
      if (known.length) this.writeTags(known.concat(this.readyRows.splice(0)), until);
      else if (this.readyRows.length) this.flushSoon();
      this.lastRowCount = rowCount;
      this.watchRoots(matches.map((m) => m.root));
      const product = matches[0]?.product ?? adapters.detectProduct(doc, url)?.product ?? null;
      this.lastStatusBase = {
        product,
        adapterIds: [...new Set(matches.map((m) => m.adapterId))],
        rows: rowCount,
        lists: matches.length,
        rules: matches.map((m) => m.rule || m.adapterId),
        // (tabulator-tableholder, ag-root… The selector asks for a class attribute: SVG elements
        // have no string className.)
        hint: doc.querySelector('[class*=table],[class*=grid]')?.getAttribute('class')!.slice(0, 80),
        path: url.pathname,
        ...(elementConflicts.size ? { conflicts: [...elementConflicts] } : {}),
      };
      this.statusSoon();
    };
    step();
  }

  /** Returns true when the row is new or changed and needs a (new) tag view. */
  private trackRow(row: ExtractedRow, key: string): boolean {
    const signature = `${key}\u0000${row.report.title}`;
    const state = this.rows.get(row.row);
    if (state && state.signature === signature && state.tag && ((state.tag.isConnected && state.tag.parentNode === row.titleCell) || this.unplaced.has(state.tag))) {
      return false;
    }
    // Hosts that clone rows (virtual lists) may copy a tag that isn't ours: drop strays.
    for (const stray of row.row.querySelectorAll(`${TAG_NAME},[data-${TAG_NAME}]`)) {
      if (!this.ownTags.has(stray) || stray !== state?.tag) stray.remove();
    }
    this.rows.set(row.row, { key, signature, tag: state?.tag ?? null });
    return true;
  }

  private resolve(match: ListMatch, pending: Array<KeyedRow>, attempt = 0): void {
    for (let i = 0; i < pending.length; i += BATCH) {
      const chunk = pending.slice(i, i + BATCH);
      void this.sensorDeps
        .report({
          adapterId: match.adapterId,
          product: match.product,
          confidence: match.confidence,
          rows: chunk.map((p) => p.row.report),
        })
        .then((views) => {
          for (const item of chunk) this.awaiting.delete(item.key);
          if (this.rescanAfterReply) {
            this.rescanAfterReply = false;
            this.scheduleScan();
          }
          if (this.destroyed) return;
          if (!views) return this.reportAgainLater(match, chunk, attempt);
          views.forEach((view, index) => {
            const item = chunk[index];
            if (!item) return;
            this.viewsByKey.set(view.key, view);
            this.primed.delete(view.key);
            this.readyRows.push(item);
          });
          this.flushSoon();
        });
    }
  }

  /** Rows whose report went unanswered: asked again, those still shown and not answered since
   * (a primed row's tag stands, but its sighting was not written). */
  private reportAgainLater(match: ListMatch, chunk: Array<KeyedRow>, attempt: number): void {
    const wait = RETRY_MS[attempt];
    if (wait === undefined) return;
    this.sensorDeps.setTimeout(() => {
      if (this.destroyed) return;
      const again = chunk.filter(
        (item) =>
          item.row.row.isConnected &&
          this.rows.get(item.row.row)?.key === item.key &&
          !this.awaiting.has(item.key) &&
          (!this.viewsByKey.has(item.key) || this.primed.has(item.key)),
      );
      for (const item of again) this.awaiting.set(item.key, item);
      if (again.length) this.resolve(match, again, attempt + 1);
    }, wait);
  }

  /**
   * Tags the rows with their views. Existing tags are updated at once; new ones are built detached
   * (no layout) within the task's budget, going on in the next task if need be, and placed in
   * their rows together when all are built: a table is laid out once for the lot, and no task of
   * ours runs long however many rows are written. `deadline`: the task's own budget, if it has one.
   */
  private writeTags(items: Array<KeyedRow>, deadline = Date.now() + BUILD_SLICE_MS): void {
    if (items.length) this.buildQueue = this.buildQueue.length ? this.buildQueue.concat(items) : items;
    if (this.buildTimer !== null || this.destroyed) return;
    const until = Math.max(deadline, Date.now() + BUILD_MIN_MS);
    const queue = this.buildQueue;
    let i = 0;
    for (; i < queue.length; i++) {
      if (i % 32 === 31 && Date.now() >= until) break;
      const item = queue[i]!;
      const view = this.viewsByKey.get(item.key);
      const state = this.rows.get(item.row.row);
      // The row may have been recycled for another task while we waited.
      if (!view || !state || state.key !== item.key) continue;
      const tag = state.tag;
      if (tag && tag.isConnected && tag.parentNode === item.row.titleCell) {
        const previous = tag.getAttribute('data-task-key');
        if (previous && previous !== item.key) this.tagsByKey.get(previous)?.delete(tag);
        updateRowTag(tag, view, this.sensorDeps.texts);
        this.keyTag(item.key, tag);
      } else if (tag && this.unplaced.has(tag)) {
        // Built and waiting; the row's task changed meanwhile: placed for this one.
        this.unplaced.get(tag)!.item = item;
      } else {
        if (tag) tag.remove();
        const built = createRowTag(view, this.sensorDeps.texts, (k) => this.sensorDeps.openPanel(k));
        this.ownTags.add(built);
        this.unplaced.set(built, { item, view });
        state.tag = built;
      }
    }
    this.buildQueue = i < queue.length ? queue.slice(i) : [];
    if (this.buildQueue.length) {
      this.buildTimer = this.sensorDeps.setTimeout(() => {
        this.buildTimer = null;
        this.writeTags([]);
        // The status sent meanwhile may have missed these.
        if (!this.buildTimer) this.statusSoon();
      }, 0);
      return;
    }
    // All built: into their rows in one go, unobserved (a record per tag is work for nothing); what
    // the page changed before is kept for the observer's own callback.
    if (!this.unplaced.size) return;
    const built = [...this.unplaced];
    this.unplaced.clear();
    const before = this.observing === 'none' ? [] : this.observer.takeRecords();
    if (this.observing !== 'none') this.observer.disconnect();
    for (const [tag, { item, view }] of built) {
      const state = this.rows.get(item.row.row);
      if (!state || state.tag !== tag || state.key !== item.key) continue;
      const latest = this.viewsByKey.get(item.key);
      if (latest && latest !== view) updateRowTag(tag, latest, this.sensorDeps.texts);
      item.row.titleCell.append(tag);
      this.keyTag(item.key, tag);
    }
    if (this.observing !== 'none') {
      this.observe();
      if (before.some((r) => !this.isOwnMutation(r))) this.scheduleScan();
    }
  }

  private keyTag(key: string, tag: HTMLElement): void {
    let set = this.tagsByKey.get(key);
    if (!set) this.tagsByKey.set(key, (set = new Set()));
    set.add(tag);
  }

  /** One observer: the whole body while lists may still appear, then only the list roots. */
  private watchRoots(roots: Element[]): void {
    if (this.inParse) return;
    const body = this.sensorDeps.doc.body;
    const settling = Date.now() < this.settleUntil || roots.length === 0;
    const same = roots.length === this.watchedRoots.length && roots.every((r, i) => r === this.watchedRoots[i]);
    if (same && !settling && this.observing === 'roots') return;
    this.observer.disconnect();
    this.watchedRoots = roots;
    this.observing = settling && body ? 'body' : 'roots';
    this.observe();
    if (settling && body) {
      // Narrow down once the page has settled.
      if (this.settleTimer === null) {
        this.settleTimer = this.sensorDeps.setTimeout(() => {
          this.settleTimer = null;
          this.scan();
        }, Math.max(50, this.settleUntil - Date.now() + 10));
      }
    }
  }

  /** Observes what watchRoots chose: the body, or the list roots and their parents. */
  private observe(): void {
    const options: MutationObserverInit = { childList: true, subtree: true, characterData: true };
    const body = this.sensorDeps.doc.body;
    if (this.observing === 'body' && body) this.observer.observe(body, options);
    else {
      for (const root of this.watchedRoots) {
        this.observer.observe(root, options);
        // Pagination or a route change may replace the list root itself.
        if (root.parentNode) this.observer.observe(root.parentNode, { childList: true });
      }
    }
  }

  /** Keys with a tag still in the document (rows that went took their tags with them). */
  private shownKeys(): string[] {
    const keys: string[] = [];
    for (const [key, tags] of this.tagsByKey) {
      for (const tag of tags) if (!tag.isConnected) tags.delete(tag);
      if (tags.size) keys.push(key);
      else this.tagsByKey.delete(key);
    }
    return keys.slice(0, 5000);
  }

  /**
   * Answered rows get their tags in one DOM write: every insertion into a table makes the browser
   * lay the whole table out again, so a 5,000-row list is laid out once, not once per reply. The
   * write waits for the scan to end and its other answers (at most FLUSH_WAIT_MS after the scan).
   */
  private flushSoon(): void {
    if (this.destroyed || this.flushing) return;
    // A scan in progress writes when it ends.
    if (this.inScan) return;
    // While the HTML is parsed the page lays out between its chunks anyway: answers are written
    // as they come (a worker that was stopping answers late, and the rest would wait for it).
    if (this.awaiting.size && !this.inParse) {
      if (this.flushTimer === null) this.flushTimer = this.sensorDeps.setTimeout(() => this.flushNow(), FLUSH_WAIT_MS);
      return;
    }
    this.flushing = true;
    // A task of its own, not a frame callback: Firefox refuses some shadow-root writes from a
    // content script's requestAnimationFrame callback (Xray), and hidden documents get no frames.
    this.sensorDeps.setTimeout(() => this.flushNow(), 0);
  }

  private flushNow(): void {
    if (this.flushTimer !== null) this.sensorDeps.clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.flushing = false;
    if (this.destroyed) return;
    this.writeTags(this.readyRows.splice(0));
    this.statusSoon();
  }

  /** The frame's status (its tagged keys) once the current burst of replies is in. */
  private statusSoon(): void {
    if (this.statusTimer !== null || this.destroyed) return;
    this.statusTimer = this.sensorDeps.setTimeout(() => {
      this.statusTimer = null;
      if (this.lastStatusBase) this.sendStatus({ ...this.lastStatusBase, keys: this.shownKeys() });
    }, STATUS_MS);
  }

  private sendStatus(status: PageStatusReport): void {
    const signature = JSON.stringify(status);
    if (signature === this.lastStatus) return;
    this.lastStatus = signature;
    void this.sensorDeps.status(status).then((delivered) => {
      if (delivered) this.statusMisses = 0;
      // Undelivered and not superseded: sent again a moment later (the top frame shows its
      // panel handle only when the background has heard that the page has tasks).
      if (delivered || this.destroyed || this.lastStatus !== signature) return;
      const wait = RETRY_MS[this.statusMisses++];
      if (wait === undefined) return;
      this.lastStatus = '';
      this.sensorDeps.setTimeout(() => this.statusSoon(), wait);
    });
  }
}
