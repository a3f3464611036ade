// Which tasks each page (origin + path) showed the last time it was open, so that its next load is
// tagged from what the background already knows: the content script asks for its site's config at
// document_start, and the reply carries these tasks' current tag views, before the page's rows are
// even parsed. The rows are still reported as usual (sightings, tab list); this only saves the wait.
//
// In memory and, where the browser has it, `storage.session` (readable only by the extension, never
// by the page or a content script): it survives a worker stop, not the browser session. Only task
// keys are kept here; the views are read from the store when asked, so they are never stale.
import type { TabMemory } from './tab-pages';

/** Pages remembered (least recently shown dropped first) and keys per page. */
export const MAX_PAGES = 30;
export const MAX_PAGE_KEYS = 5000;

const INDEX = 'pages';
const itemKey = (page: string) => `page:${page}`;
/** A page: its origin and path (a frame speaks only for its own origin). */
const pageOf = (origin: string, path: string) => origin + path;

const isKeys = (x: unknown): x is string[] => Array.isArray(x) && x.every((k) => typeof k === 'string');

export class PageMemory {
  private readonly pages = new Map<string, string[]>();
  /** Pages known (in LRU order, oldest first), read from the stored index once per worker life. */
  private index: Promise<string[]> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly memory?: TabMemory) {}

  /** The keys the page showed last (empty when unknown). */
  async keys(origin: string, path: string): Promise<string[]> {
    const page = pageOf(origin, path);
    const known = this.pages.get(page);
    if (known || !this.memory) return known ?? [];
    if (!(await this.readIndex()).includes(page)) return [];
    try {
      const stored = (await this.memory.get(itemKey(page)))[itemKey(page)];
      if (isKeys(stored) && !this.pages.has(page)) this.pages.set(page, stored);
    } catch {
      // Unreadable: the page is simply tagged the usual way.
    }
    return this.pages.get(page) ?? [];
  }

  /** What a frame shows now (its page/status keys). */
  async remember(origin: string, path: string, keys: readonly string[]): Promise<void> {
    const page = pageOf(origin, path);
    const next = keys.slice(0, MAX_PAGE_KEYS);
    const previous = this.pages.get(page);
    if (previous && previous.length === next.length && previous.every((k, i) => k === next[i])) return;
    this.pages.delete(page);
    this.pages.set(page, next);
    if (!this.memory) {
      this.trimMemory([...this.pages.keys()]);
      return;
    }
    const memory = this.memory;
    const index = await this.readIndex();
    const order = [...index.filter((p) => p !== page), page];
    const dropped = order.splice(0, Math.max(0, order.length - MAX_PAGES));
    this.index = Promise.resolve(order);
    this.trimMemory(order);
    // Writes are serialised: an older list never lands after a newer one.
    this.writes = this.writes
      .then(async () => {
        await memory.set({ [itemKey(page)]: next, [INDEX]: order });
        for (const p of dropped) await memory.remove(itemKey(p));
      })
      .catch(() => {});
    await this.writes;
  }

  private trimMemory(order: string[]): void {
    const keep = new Set(order.slice(-MAX_PAGES));
    for (const p of this.pages.keys()) if (!keep.has(p)) this.pages.delete(p);
  }

  private readIndex(): Promise<string[]> {
    this.index ??= (async () => {
      try {
        const stored = (await this.memory?.get(INDEX))?.[INDEX];
        return isKeys(stored) ? stored.slice(-MAX_PAGES) : [];
      } catch {
        return [];
      }
    })();
    return this.index;
  }
}
