import type { Runtime } from 'webextension-polyfill';
import { browser } from '@/utils/browser';
import { createRouter } from '@/utils/background/router';
import { createFrameTokens, type KeyStore } from '@/utils/background/frame-token';
import { createServices } from '@/utils/background/services';
import { showBadge, showTabWarning, tabWarning } from '@/utils/background/badge';
import { hasHostAccess, injectIntoTab, injectOnNavigation, injectPicker, registerSite, unregisterSite } from '@/utils/background/site-registration';
import { readPolicy } from '@/utils/background/policy';
import type { ToContent, ToPicker } from '@/utils/messages/to-content';
import type { TabMemory } from '@/utils/background/services/tab-pages';
import { openRongheDb, putSite, getSite } from '@/utils/store';
import { t } from '@/utils/i18n';
import { prepareTagging } from '@/utils/tagging';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';

const E2E_SITES = ['http://127.0.0.1', 'http://localhost'];

/** `storage.session` where the browser has it (Chromium 102+, Firefox 115+): per-tab lists survive
 * a worker stop there. Elsewhere undefined: the tabs' frames are asked again. */
function sessionMemory(): TabMemory | undefined {
  const area = (browser.storage as unknown as { session?: TabMemory }).session;
  if (!area) return undefined;
  return { get: (key) => area.get(key), set: (items) => area.set(items), remove: (key) => area.remove(key) };
}

/** The framing guard's key: in session storage where it exists (content scripts can't read it,
 * and it changes with the browser session), else in local storage (MV2, old Chromium). */
function frameKeyStore(): KeyStore {
  const storage = browser.storage as unknown as { session?: typeof browser.storage.local; local: typeof browser.storage.local };
  const area = storage.session ?? storage.local;
  const KEY = 'ronghe.frameKey';
  return {
    get: async () => {
      const value = (await area.get(KEY))[KEY];
      return typeof value === 'string' ? value : null;
    },
    set: (key) => area.set({ [KEY]: key }),
  };
}

export default defineBackground(() => {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  // Right after install the first page reports its rows while this worker starts: the default
  // catalog and the model are prepared now, while the store opens, not in the first answer. (An
  // update re-prepares them for nothing if a stored catalog replaces the default: a few ms.)
  browser.runtime.onInstalled.addListener(() => prepareTagging(DEFAULT_CATALOG));
  const dbReady = openRongheDb().then(async (db) => {
    if (import.meta.env.RONGHE_E2E === '1') {
      for (const origin of E2E_SITES) {
        if (!(await getSite(db, origin))) {
          await putSite(db, { origin, enabled: true, source: 'e2e', adapterOverride: null, selectors: null, addedAt: Date.now() });
        }
      }
    }
    return db;
  });

  const sendToTab = (tabId: number, message: ToContent | ToPicker, frameId?: number) =>
    browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }).catch(() => undefined);

  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshBadge = () => {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(async () => {
      // The settings' period, the same numbers the popup opens with (progress/get without a period).
      try {
        const p = (await (await servicesReady).progress(undefined, undefined)) as { tagged: number; integrated: number; period: string };
        await showBadge({ tagged: p.tagged, integrated: p.integrated, periodName: t(`period_${p.period}`) });
      } catch {
        // The worker is stopping (Chromium rejects its API calls with "No SW"): the next start
        // refreshes the badge.
      }
    }, 50);
  };

  const servicesReady = dbReady.then((db) =>
    createServices(db, {
      async broadcast(views) {
        const message = { type: 'tags/updated', tags: views } as const;
        const delivered = Promise.all([
          browser.tabs.query({}).then(
            (tabs) => Promise.all(tabs.map((tab) => (tab.id !== undefined && tab.id >= 0 ? sendToTab(tab.id, message) : undefined))),
            () => undefined,
          ),
          browser.runtime.sendMessage(message).catch(() => undefined),
        ]);
        // A tab that never answers doesn't hold up the reply for long.
        await Promise.race([delivered, new Promise((resolve) => setTimeout(resolve, 1000))]);
      },
      pageHasTasks(tabId, count) {
        void sendToTab(tabId, { type: 'page/has-tasks', count }, 0);
        void browser.runtime.sendMessage({ type: 'tab/changed', tabId }).catch(() => undefined);
      },
      async openPanel(tabId, taskKey) {
        await sendToTab(tabId, { type: 'panel/open', taskKey }, 0);
      },
      refreshBadge,
      async registerSite(site) {
        await registerSite(site);
      },
      unregisterSite,
      injectNow: injectIntoTab,
      hasHostAccess: async (site) => site.source === 'e2e' || (await hasHostAccess(site)),
      readPolicy,
      tabMemory: sessionMemory(),
      askFrames(tabId) {
        void sendToTab(tabId, { type: 'page/report' });
      },
      tabHealth(tabId, health) {
        void showTabWarning(tabId, tabWarning(health)).catch(() => undefined);
      },
      async tabUrl(tabId) {
        try {
          return (await browser.tabs.get(tabId)).url ?? null;
        } catch {
          return null;
        }
      },
      injectPicker,
      async toPicker(tabId, message) {
        await sendToTab(tabId, message);
      },
      async applySelectors(tabId, frameId, selectors) {
        await sendToTab(tabId, { type: 'site/selectors', selectors }, frameId);
      },
      async testSelectors(tabId, selectors) {
        const reply = (await sendToTab(tabId, { type: 'selectors/test', selectors })) as { rows?: number } | undefined;
        return typeof reply?.rows === 'number' ? reply.rows : 0;
      },
    }),
  );

  const routeReady = servicesReady.then((services) => createRouter(services, browser.runtime.id, extensionOrigin, createFrameTokens(frameKeyStore())));
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    routeReady.then((route) => route(message, sender)),
  );

  // The keyboard command (manifest `commands`) toggles the panel in the active tab.
  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'toggle-panel') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void sendToTab(tab.id, { type: 'panel/open' }, 0);
    }, () => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => void servicesReady.then((s) => s.tabClosed(tabId)));
  // A new document in the tab: its frames will report afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url !== undefined) void servicesReady.then((s) => s.tabClosed(tabId));
  });
  // Access granted from the popup's 在此站点启用 (the popup may close during the prompt and never
  // send site/enable): enable the site here, so the grant alone is enough.
  browser.permissions.onAdded.addListener((granted) => {
    void servicesReady.then(async (s) => {
      for (const pattern of granted.origins ?? []) {
        const match = /^(https?):\/\/([^/*]+)\/\*$/.exec(pattern);
        if (!match) continue;
        const origin = `${match[1]}://${match[2]}`;
        if (await s.isSiteEnabled(origin)) continue;
        await s.enableSite(origin, null, null);
        for (const tab of await browser.tabs.query({ url: pattern })) if (tab.id !== undefined) await injectIntoTab(tab.id);
      }
    }).catch((error: unknown) => console.error('[ronghe] could not enable a granted site', error));
  });
  // The e2e build's manifest already runs the content script on its hosts.
  if (import.meta.env.RONGHE_E2E !== '1') injectOnNavigation(async (origin) => (await servicesReady).isSiteEnabled(origin));
  // Re-verify registrations at every start: permissions may have been revoked meanwhile. Not in
  // the way of the first page's answer (the worker usually starts for it): a moment later.
  void servicesReady.then(async (s) => {
    await s.ready;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const site of await s.listSites()) await registerSite(site).catch(() => false);
    refreshBadge();
  }).catch(() => undefined);
  // Chromium rejects a stopping worker's pending API calls with "No SW" (its render process is
  // gone): nothing is lost by it, and the rejection is not ours to report.
  self.addEventListener?.('unhandledrejection', (event) => {
    if (/^No SW$/.test(String((event as PromiseRejectionEvent).reason?.message ?? ''))) event.preventDefault();
  });
});
