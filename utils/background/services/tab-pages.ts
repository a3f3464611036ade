// Which tasks each tab shows, per frame, and what each frame's sensor reported about itself.
// In memory only: a restarted service worker learns it again from the next scans.
export interface FrameStatus {
  product: string | null;
  rows: number;
  lists: number;
  path: string;
  adapterIds: string[];
}

interface TabPage {
  frames: Map<number, Set<string>>;
  status: Map<number, FrameStatus>;
}

export class TabPages {
  private readonly tabs = new Map<number, TabPage>();

  private page(tabId: number): TabPage {
    let page = this.tabs.get(tabId);
    if (!page) this.tabs.set(tabId, (page = { frames: new Map(), status: new Map() }));
    return page;
  }

  /** Records the frame's task keys; true when the tab's set of tasks grew (or first appeared). */
  addTasks(tabId: number, frameId: number, keys: string[]): boolean {
    const page = this.page(tabId);
    let known = page.frames.get(frameId);
    if (!known) page.frames.set(frameId, (known = new Set()));
    const before = known.size;
    for (const key of keys) known.add(key);
    return known.size !== before || before === 0;
  }

  setStatus(tabId: number, frameId: number, status: FrameStatus): void {
    this.page(tabId).status.set(frameId, status);
  }

  keys(tabId: number): string[] {
    const page = this.tabs.get(tabId);
    return page ? [...new Set([...page.frames.values()].flatMap((s) => [...s]))] : [];
  }

  count(tabId: number): number {
    return this.keys(tabId).length;
  }

  statuses(tabId: number): FrameStatus[] {
    return [...(this.tabs.get(tabId)?.status.values() ?? [])];
  }

  close(tabId: number): void {
    this.tabs.delete(tabId);
  }
}
