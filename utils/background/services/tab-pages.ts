// Which tasks each tab shows, per frame, and what each frame's sensor reported about itself.
// Kept in memory and, where the browser has it, in `storage.session` (cleared with the browser
// session, readable only by the extension): an MV3 worker that stopped finds each tab's list again
// when it restarts. Where there is no session storage (MV2, old Chromium), or a write was lost with
// the worker, the background asks the tab's frames to report again (see task-services).
import type { FrameStatus } from '../../messages/to-background';

export type { FrameStatus };

interface Frame {
  /** The frame's origin, from the sender: a frame only ever lists tasks of its own origin. */
  origin: string;
  keys: Set<string>;
  status: FrameStatus | null;
}

/** The part of `storage.session` the tab list needs (a fake in unit tests). */
export interface TabMemory {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

interface StoredFrame {
  origin: string;
  keys: string[];
  status: FrameStatus | null;
}

const memoryKey = (tabId: number) => `tab:${tabId}`;

function isStoredFrames(x: unknown): x is Record<string, StoredFrame> {
  if (!x || typeof x !== 'object') return false;
  return Object.values(x as Record<string, unknown>).every((f) => {
    const frame = f as Partial<StoredFrame> | null;
    return !!frame && typeof frame.origin === 'string' && Array.isArray(frame.keys) && frame.keys.every((k) => typeof k === 'string');
  });
}

export class TabPages {
  private readonly tabs = new Map<number, Map<number, Frame>>();
  /** Tabs whose stored list this worker has read (or that it started itself). */
  private readonly restored = new Set<number>();
  private readonly restoring = new Map<number, Promise<void>>();
  /** Bumped when a tab loads a new document: a read that started before is dropped. */
  private readonly epochs = new Map<number, number>();
  private writes: Promise<unknown> = Promise.resolve();
  /** Tabs with a write queued that hasn't started: further changes join it. */
  private readonly unsaved = new Set<number>();

  constructor(private readonly memory?: TabMemory) {}

  /** Reads the tab's list from session storage once per worker life; call before reading or
   * changing a tab (a restarted worker must not overwrite the frames it hasn't heard from yet). */
  restore(tabId: number): Promise<void> {
    if (this.restored.has(tabId) || !this.memory) return Promise.resolve();
    let pending = this.restoring.get(tabId);
    if (!pending) {
      const memory = this.memory;
      const epoch = this.epochs.get(tabId) ?? 0;
      pending = (async () => {
        try {
          const stored = (await memory.get(memoryKey(tabId)))[memoryKey(tabId)];
          // Frames heard from meanwhile are newer than what was stored.
          if (isStoredFrames(stored) && epoch === (this.epochs.get(tabId) ?? 0)) {
            let frames = this.tabs.get(tabId);
            if (!frames) this.tabs.set(tabId, (frames = new Map()));
            for (const [id, f] of Object.entries(stored)) {
              if (!frames.has(Number(id))) frames.set(Number(id), { origin: f.origin, keys: new Set(f.keys), status: f.status ?? null });
            }
          }
        } catch {
          // Unreadable: the frames are asked again.
        }
        this.restored.add(tabId);
        this.restoring.delete(tabId);
      })();
      this.restoring.set(tabId, pending);
    }
    return pending;
  }

  /** Resolves once every change so far is in session storage. */
  saved(): Promise<unknown> {
    return this.writes;
  }

  /**
   * Queues the tab's list for session storage. The list is read when the write starts, so a burst
   * of changes (a long page reporting batch after batch) costs one serialisation and one write, not
   * one per change; writes run one at a time, in order, so the last one stored is the latest state.
   */
  private save(tabId: number): void {
    const memory = this.memory;
    if (!memory || this.unsaved.has(tabId)) return;
    this.unsaved.add(tabId);
    const write = () => {
      this.unsaved.delete(tabId);
      const frames = this.tabs.get(tabId);
      const value: Record<string, StoredFrame> = {};
      for (const [id, f] of frames ?? []) value[id] = { origin: f.origin, keys: [...f.keys], status: f.status };
      return frames?.size ? memory.set({ [memoryKey(tabId)]: value }) : memory.remove(memoryKey(tabId));
    };
    this.writes = this.writes.then(write).catch(() => undefined);
  }

  private frame(tabId: number, frameId: number, origin: string): Frame {
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    let frame = frames.get(frameId);
    if (!frame || frame.origin !== origin) frames.set(frameId, (frame = { origin, keys: new Set(), status: null }));
    return frame;
  }

  /** Records keys the frame just tagged; true when the tab's set of tasks grew (or first appeared). */
  addTasks(tabId: number, frameId: number, origin: string, keys: string[]): boolean {
    const known = this.frame(tabId, frameId, origin).keys;
    const before = known.size;
    for (const key of keys) known.add(key);
    const changed = known.size !== before || before === 0;
    if (known.size !== before) this.save(tabId);
    return changed;
  }

  /** The frame's own account of what it shows now (after paging, a route change, removed rows);
   * true when the tab's list of tasks changed. */
  setStatus(tabId: number, frameId: number, origin: string, status: FrameStatus, keys: string[]): boolean {
    const before = this.keys(tabId);
    const frame = this.frame(tabId, frameId, origin);
    frame.status = status;
    frame.keys = new Set(keys);
    this.save(tabId);
    const after = this.keys(tabId);
    return before.length !== after.length || after.some((k, i) => before[i] !== k);
  }

  /** True when the tab has no frame on record (a worker that restarted without session storage). */
  unknown(tabId: number): boolean {
    return !this.tabs.get(tabId)?.size;
  }

  keys(tabId: number): string[] {
    const frames = this.tabs.get(tabId);
    return frames ? [...new Set([...frames.values()].flatMap((f) => [...f.keys]))] : [];
  }

  /** Keys with the origin of the frame that showed them. */
  entries(tabId: number): Array<{ key: string; origin: string }> {
    const out = new Map<string, string>();
    for (const frame of this.tabs.get(tabId)?.values() ?? []) for (const key of frame.keys) out.set(key, frame.origin);
    return [...out].map(([key, origin]) => ({ key, origin }));
  }

  count(tabId: number): number {
    return this.keys(tabId).length;
  }

  statuses(tabId: number): FrameStatus[] {
    return [...(this.tabs.get(tabId)?.values() ?? [])].flatMap((f) => (f.status ? [f.status] : []));
  }

  /** The tab loads a new document: every frame starts over. */
  close(tabId: number): void {
    this.tabs.delete(tabId);
    this.epochs.set(tabId, (this.epochs.get(tabId) ?? 0) + 1);
    // Nothing left to read back: a later restore would bring the old document's list back.
    this.restored.add(tabId);
    this.save(tabId);
  }
}
