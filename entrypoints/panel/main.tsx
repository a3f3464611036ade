// The panel page. ?mode=tab: all tasks across sites; ?mode=side: the browser's side panel (follows
// the active tab); ?mode=blank: renders nothing (benchmark baseline); otherwise framed in an OA
// page by <ronghe-panel>, showing that tab's tasks. #task=KEY selects a task.
import { render } from 'preact';
import { browser } from '@/utils/browser';
import { send } from '@/utils/ui/client';
import { isToPages } from '@/utils/messages/to-content-guard';
import { PanelApp } from '@/components/panel/PanelApp';
import { createPanelStore } from '@/components/panel/store';
import { tellHost } from '@/components/panel/host-bridge';
import { knownMode, SETTINGS_GET } from '@/components/panel/start';
import { t } from '@/components/panel/text';
import { applyUiLocale } from '@/utils/ui/locale';
import type { PanelMode, Settings } from '@/components/panel/types';
import '@/components/panel/panel.css';

function taskFromHash(): string | null {
  const match = /^#task=(.+)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

async function detectMode(): Promise<PanelMode> {
  const known = knownMode(location.search);
  if (known) return known;
  // A side panel is no tab; a page opened in a tab is the full view.
  const current = await browser.tabs?.getCurrent().catch(() => undefined);
  return current ? 'tab' : 'side';
}

async function main() {
  performance.mark('ronghe-panel-start');
  const app = document.getElementById('app')!;
  // The language, the mode and (below) the tasks are asked for at once: one round trip to first paint
  // (the boot script asked already, while this module loaded).
  const settings = send<Settings>(SETTINGS_GET);
  const localeReady = applyUiLocale(settings);
  const mode = await detectMode();
  if (mode === 'blank') {
    await localeReady;
    document.documentElement.dataset.ready = '1';
    performance.mark('ronghe-panel-ready');
    return;
  }

  let tabId: number | undefined;
  if (mode === 'side') {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = active?.id;
  }
  const store = createPanelStore({
    send,
    mode,
    tabId,
    settings,
    // Read when the list is grouped, by which time the language is applied.
    get noActionName() {
      return t('panel_noAction');
    },
  });
  const loading = store.load();
  store.selectedKey.value = taskFromHash();

  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    // The zod contract's twin (property-tested equal): zod stays out of the panel's first load.
    if (!isToPages(raw)) return;
    if (raw.type === 'tags/updated') store.applyViews(raw.tags);
    else store.tabChanged(raw.tabId);
  });

  if (mode === 'frame') {
    // Learn our own tab to ignore other tabs' list changes (a hint only: without it we refetch).
    // Firefox gives an extension frame inside a web page no tabs API.
    void browser.tabs?.getCurrent().then((tab) => {
      if (tab?.id !== undefined && store.tabId.peek() === undefined) store.tabId.value = tab.id;
    }, () => undefined);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) tellHost('ronghe:close');
    });
  }
  if (mode === 'side') {
    browser.tabs.onActivated.addListener(({ tabId: id }) => store.setTab(id));
    browser.tabs.onUpdated.addListener((id, change) => {
      if (id === store.tabId.peek() && change.status === 'complete') store.refetchSoon(300);
    });
  }
  window.addEventListener('hashchange', () => (store.selectedKey.value = taskFromHash()));

  const openAll = mode === 'tab' || !browser.tabs ? undefined : () => void browser.tabs.create({ url: browser.runtime.getURL('/panel.html?mode=tab' as '/panel.html') });
  await localeReady;
  // With the data at hand (the usual case: the boot script asked early) the first render is the
  // full one; a loading state only shows when the background is slow.
  await Promise.race([loading, new Promise((resolve) => setTimeout(resolve, 50))]);
  document.title = t('panel_title');
  render(<PanelApp store={store} version={browser.runtime.getManifest().version} openAll={openAll} />, app);
  await loading;
}

main().catch((error: unknown) => {
  document.documentElement.dataset.failed = String(error);
  console.error('[ronghe] panel failed to start', error);
});
