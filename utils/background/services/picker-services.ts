// 标注本页任务: the background's side of the picker. It injects the picker into a tab's frames,
// relays what one frame says to the others (the toolbar lives in the top frame, the list may be in
// any frame), and saves a confirmed pick as the custom selectors of the picking frame's own origin.
import type { Site } from '../../model';
import * as store from '../../store';
import type { RongheServices } from '../router';
import { siteKey } from '../site-key';
import type { BackgroundState } from './state';

type PickerServices = Pick<RongheServices, 'startPicker' | 'pickerReport' | 'pickerCommand' | 'pickerSave'>;

export function pickerServices(state: BackgroundState): PickerServices {
  const { db, effects } = state;
  return {
    async startPicker(tabId) {
      const origin = webOrigin(await effects.tabUrl(tabId));
      if (!origin) return { started: false, reason: 'not-web' };
      const site = state.sites.get(siteKey(origin));
      if (!site?.enabled) return { started: false, reason: 'disabled' };
      if (!(await effects.hasHostAccess(site))) return { started: false, reason: 'no-access' };
      return (await effects.injectPicker(tabId)) ? { started: true } : { started: false, reason: 'no-access' };
    },

    async pickerReport(caller, msg) {
      await effects.toPicker(caller.tabId, { type: 'picker/status', pick: msg.pick, rows: msg.rows, problem: msg.problem });
    },

    async pickerCommand(caller, command) {
      if (command === 'confirm') await effects.toPicker(caller.tabId, { type: 'picker/confirm' });
      else if (command === 'repick') await effects.toPicker(caller.tabId, { type: 'picker/status', pick: null, rows: 0, problem: null });
      else await effects.toPicker(caller.tabId, { type: 'picker/end', saved: null });
    },

    async pickerSave(caller, selectors, rows) {
      // The router let this frame through only on an enabled site: its own origin, nothing else.
      const key = siteKey(caller.origin);
      const current = state.sites.get(key);
      const site: Site = current
        ? { ...current, selectors }
        : { origin: key, enabled: true, source: 'user', adapterOverride: null, selectors, addedAt: state.now() };
      await store.putSite(db, site);
      state.sites.set(key, site);
      await effects.registerSite(site);
      // The frame tags its rows with the new selectors now; other frames of the site on their next load.
      await effects.applySelectors(caller.tabId, caller.frameId, selectors);
      await effects.toPicker(caller.tabId, { type: 'picker/end', saved: rows });
      return site;
    },
  };
}

function webOrigin(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : null;
  } catch {
    return null;
  }
}
