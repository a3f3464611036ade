import type { SelectorOverride, Site } from '../../model';
import type { TagView, ToPicker } from '../../messages/to-content';
import type { PolicyState } from '../policy';
import type { TabMemory } from './tab-pages';

/** What the services do to the world outside the store: tabs, badge, registrations, policy. */
export interface Effects {
  /** Push updated tags to every tab showing them (row tags, panels); resolves once delivered, so
   * a write is answered only after its row tags heard of it (the worker may stop right after). */
  broadcast(views: TagView[]): void | Promise<void>;
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
  /** The URL of a tab's top document (null when the tab is gone or we may not know it). */
  tabUrl(tabId: number): Promise<string | null>;
  /** Inject the picker (标注本页任务) into every frame of a tab we can read; false if none. */
  injectPicker(tabId: number): Promise<boolean>;
  /** Tell the picker in every frame of a tab. */
  toPicker(tabId: number, message: ToPicker): Promise<void>;
  /** Tell one frame's content script its site's new custom selectors. */
  applySelectors(tabId: number, frameId: number, selectors: SelectorOverride): Promise<void>;
  readPolicy(): Promise<PolicyState>;
  /** Per-tab badge: '!' when the page looks like an OA product but no task row was found. */
  tabHealth(tabId: number, health: 'ok' | 'no-rows' | 'no-oa'): void;
  /** Where each tab's task list survives a worker stop (`storage.session`); absent where the
   * browser has none. */
  tabMemory?: TabMemory;
  /** Ask every frame of a tab to report what it shows again (page/status): a restarted worker
   * that lost a tab's list learns it back. */
  askFrames?(tabId: number): void;
}
