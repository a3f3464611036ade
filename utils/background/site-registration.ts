// Content scripts run only on sites the user or policy enabled. MV3 registers them at runtime with
// `scripting`; MV2 (old Chromium, 360) has no dynamic registration, so it injects on navigation.
import { browser } from '../browser';
import type { Site } from '../model';
import { siteKey, sitePattern } from './site-key';

const SCRIPT = 'content-scripts/content.js';
const scriptId = (site: Site) => `ronghe-${siteKey(site.origin).replace(/[^a-z0-9]+/gi, '-')}`;

type Scripting = {
  registerContentScripts(scripts: object[]): Promise<void>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<{ id: string }>>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
};

function scripting(): Scripting | undefined {
  return (browser as unknown as { scripting?: Scripting }).scripting;
}

export async function hasHostAccess(site: Site): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [sitePattern(site.origin)] });
  } catch {
    return false;
  }
}

/** Registers (idempotently) the content script for an enabled site we hold access to. */
export async function registerSite(site: Site): Promise<boolean> {
  if (!site.enabled || site.source === 'e2e') return false; // e2e sites come with the manifest
  if (!(await hasHostAccess(site))) return false;
  const api = scripting();
  if (!api) return true; // MV2: injectOnNavigation covers it
  const id = scriptId(site);
  const existing = await api.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return true;
  await api.registerContentScripts([
    { id, matches: [sitePattern(site.origin)], js: [SCRIPT], allFrames: true, matchOriginAsFallback: true, runAt: 'document_start', persistAcrossSessions: true },
  ]);
  return true;
}

/** Unregisters the site's script if one is registered: a site whose script the manifest declares
 * (the e2e build) or that never had access has none, and Chromium rejects an unknown id
 * ("Nonexistent script ID") although nothing is wrong. */
export async function unregisterSite(site: Site): Promise<void> {
  const api = scripting();
  if (!api) return;
  const ids = (await api.getRegisteredContentScripts({ ids: [scriptId(site)] })).map((s) => s.id);
  if (ids.length) await api.unregisterContentScripts({ ids });
}

/** Starts tagging in a tab right away, in every frame (a site was just enabled there). */
export async function injectIntoTab(tabId: number): Promise<void> {
  const api = (browser as unknown as { scripting?: { executeScript(o: object): Promise<unknown> } }).scripting;
  try {
    if (api) await api.executeScript({ target: { tabId, allFrames: true }, files: [SCRIPT] });
    else await browser.tabs.executeScript(tabId, { file: `/${SCRIPT}`, allFrames: true, matchAboutBlank: true });
  } catch {
    // No access to this tab (yet): the registered script takes over on the next load.
  }
}

const PICKER = 'picker.js';

/** 标注本页任务: the picker, injected on demand into every frame of the tab we hold access to
 * (Chromium and Firefox skip frames of other origins). False when no frame could take it. */
export async function injectPicker(tabId: number): Promise<boolean> {
  const api = (browser as unknown as { scripting?: { executeScript(o: object): Promise<unknown> } }).scripting;
  try {
    if (api) await api.executeScript({ target: { tabId, allFrames: true }, files: [PICKER] });
    else await browser.tabs.executeScript(tabId, { file: `/${PICKER}`, allFrames: true, matchAboutBlank: true });
    return true;
  } catch {
    return false;
  }
}

/** MV2 only: inject into each frame of an enabled site as it finishes loading (frames an OA
 * opens later, such as e-cology 8's #myFrame, included). */
export function injectOnNavigation(isEnabled: (origin: string) => Promise<boolean>): void {
  if (scripting()) return;
  browser.webNavigation?.onCompleted.addListener((details) => {
    if (!/^https?:/.test(details.url)) return;
    void isEnabled(new URL(details.url).origin).then((enabled) => {
      if (!enabled) return;
      void browser.tabs
        .executeScript(details.tabId, { file: `/${SCRIPT}`, frameId: details.frameId, matchAboutBlank: true, runAt: 'document_idle' })
        .catch(() => {});
    });
  });
}
