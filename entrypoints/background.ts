import type { Runtime } from 'webextension-polyfill';
import { browser } from '@/utils/browser';
import { createRouter } from '@/utils/background/router';
import { createServices } from '@/utils/background/services';
import { showBadge, showTabWarning, tabWarning } from '@/utils/background/badge';
import { hasHostAccess, injectIntoTab, injectOnNavigation, registerSite, unregisterSite } from '@/utils/background/site-registration';
import { readPolicy } from '@/utils/background/policy';
import type { ToContent } from '@/utils/messages/to-content';
import { openRongheDb, putSite, getSite } from '@/utils/store';
import { t } from '@/utils/i18n';

const E2E_SITES = ['http://127.0.0.1', 'http://localhost'];

export default defineBackground(() => {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
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

  const sendToTab = (tabId: number, message: ToContent, frameId?: number) =>
    browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }).catch(() => undefined);

  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshBadge = () => {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(async () => {
      // The settings' period, the same numbers the popup opens with (progress/get without a period).
      const p = (await (await servicesReady).progress(undefined, undefined)) as { tagged: number; integrated: number; period: string };
      await showBadge({ tagged: p.tagged, integrated: p.integrated, periodName: t(`period_${p.period}`) });
    }, 50);
  };

  const servicesReady = dbReady.then((db) =>
    createServices(db, {
      broadcast(views) {
        void browser.tabs.query({}).then((tabs) => {
          for (const tab of tabs) if (tab.id !== undefined && tab.id >= 0) void sendToTab(tab.id, { type: 'tags/updated', tags: views });
        });
        void browser.runtime.sendMessage({ type: 'tags/updated', tags: views }).catch(() => undefined);
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
      tabHealth(tabId, health) {
        void showTabWarning(tabId, tabWarning(health)).catch(() => undefined);
      },
      async testSelectors(tabId, selectors) {
        const reply = (await sendToTab(tabId, { type: 'selectors/test', selectors })) as { rows?: number } | undefined;
        return typeof reply?.rows === 'number' ? reply.rows : 0;
      },
    }),
  );

  const routeReady = servicesReady.then((services) => createRouter(services, browser.runtime.id, extensionOrigin));
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    routeReady.then((route) => route(message, sender)),
  );

  // The keyboard command (manifest `commands`) toggles the panel in the active tab.
  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'toggle-panel') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void sendToTab(tab.id, { type: 'panel/open' }, 0);
    });
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
    });
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
  });
});
