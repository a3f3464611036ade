// Which tasks each tab shows, per frame, and what each frame's sensor reported about itself.
// In memory only: a restarted service worker learns it again from the next scans.
import type { FrameStatus } from '../../messages/to-background';

export type { FrameStatus };

interface Frame {
  /** The frame's origin, from the sender: a frame only ever lists tasks of its own origin. */
  origin: string;
  keys: Set<string>;
  status: FrameStatus | null;
}

export class TabPages {
  private readonly tabs = new Map<number, Map<number, Frame>>();

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
    return known.size !== before || before === 0;
  }

  /** The frame's own account of what it shows now (after paging, a route change, removed rows). */
  setStatus(tabId: number, frameId: number, origin: string, status: FrameStatus, keys: string[]): void {
    const frame = this.frame(tabId, frameId, origin);
    frame.status = status;
    frame.keys = new Set(keys);
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
  }
}
