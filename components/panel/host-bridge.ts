// What the framed panel tells <ronghe-panel> in the OA page (utils/sensor/panel-host.ts). The host
// accepts these only from its own iframe; they carry layout, never task data.
import type { Settings } from '@/utils/model';

export type HostMessage =
  | 'ronghe:close'
  | { ronghe: 'resize'; width: number }
  | { ronghe: 'mode'; mode: Settings['panelMode'] };

export const MIN_WIDTH = 280;
export const MAX_WIDTH = 720;
export const clampWidth = (width: number) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));

export function isFramed(win: Window = window): boolean {
  try {
    return win.parent !== win;
  } catch {
    return true;
  }
}

/** Posts to the OA page holding this panel (no-op when the panel is not framed). */
export function tellHost(message: HostMessage, win: Window = window): void {
  // The receiving origin is the OA site's, unknown here; the message holds no task data.
  if (isFramed(win)) win.parent.postMessage(message, '*');
}
