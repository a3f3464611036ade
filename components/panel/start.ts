// What the panel asks the background for before its first render, shared by its boot script
// (entrypoints/panel-boot.ts, which sends them while the page parses) and the panel itself.
import type { ToBackground } from '@/utils/messages/to-background';
import { isFramed } from './host-bridge';
import type { PanelMode } from './types';

export const SETTINGS_GET = { type: 'settings/get' } as const satisfies ToBackground;
export const CATALOG_GET = { type: 'catalog/get', lexicon: false } as const satisfies ToBackground;
/** The tasks of the tab the panel is framed in (the background knows the tab from the sender). */
export const OWN_TAB_TASKS = { type: 'tasks/for-tab' } as const satisfies ToBackground;

/** The mode the URL or the framing decides; null when only the tabs API can tell (tab or side). */
export function knownMode(search: string, win: Window = window): PanelMode | null {
  const requested = new URLSearchParams(search).get('mode');
  // The full view and the side panel only at the top of an extension page: framed, this page is
  // the in-page panel whatever its URL says (and the background asks for its host's token).
  if (isFramed(win)) return requested === 'blank' ? 'blank' : 'frame';
  if (requested === 'tab' || requested === 'side' || requested === 'blank' || requested === 'frame') return requested;
  return null;
}

/** The first render's requests that don't depend on anything the panel learns later. */
export function startMessages(mode: PanelMode | null): ToBackground[] {
  if (mode === 'blank') return [SETTINGS_GET];
  return mode === 'frame' ? [SETTINGS_GET, CATALOG_GET, OWN_TAB_TASKS] : [SETTINGS_GET, CATALOG_GET];
}
