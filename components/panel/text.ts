// Panel strings: every one comes from the locale files (panel_ keys). The controls whose names are
// part of the contract (phases, correction comboboxes) are Chinese in every locale; an English UI
// adds a gloss beside them that assistive tech skips, so their accessible names stay exact.
import { t, uiLocale } from '@/utils/i18n';
import type { PhaseId } from '@/utils/model';

export { t };

export function uiIsChinese(): boolean {
  return uiLocale() === 'zh-CN';
}

/** An English gloss for a contract-named control, or '' in a Chinese UI. */
export function gloss(key: string): string {
  return uiIsChinese() ? '' : t(key);
}

export const phaseName = (phase: PhaseId) => t(`panel_phase_${phase}`);

const pad = (n: number) => String(n).padStart(2, '0');
/** When a phase was ticked, in local time: 2025-03-04 09:30. */
export function formatTime(at: number | null): string {
  if (at === null) return '';
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);
