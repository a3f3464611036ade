// Which open tab to test custom selectors in. From an options page opened as a tab, "the active
// tab" is the options page itself, so we list the web tabs, most recently used first.
import type { Tabs } from 'webextension-polyfill';
import { browser } from '@/utils/browser';

export interface OaTab {
  id: number;
  title: string;
  url: string;
}

export async function listWebTabs(): Promise<OaTab[]> {
  const tabs: Tabs.Tab[] = await browser.tabs.query({});
  return tabs
    .filter((tab) => tab.id !== undefined && tab.id >= 0 && /^https?:/.test(tab.url ?? ''))
    // filter() made a fresh array: sorting it in place is fine (toSorted needs Chromium 110).
    // oxlint-disable-next-line unicorn/no-array-sort
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .map((tab) => ({ id: tab.id!, title: tab.title ?? '', url: tab.url ?? '' }));
}
