// Small shared pieces: error text, status lines, the "locked by policy" note.
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';

/** Background errors are already bilingual (Chinese first): show them verbatim. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ErrorLine({ text, id }: { text: string; id?: string }) {
  if (!text) return null;
  return (
    <p class="error" role="alert" id={id}>
      {text}
    </p>
  );
}

export function StatusLine({ text }: { text: string }) {
  return (
    <p class="status" role="status" aria-live="polite">
      {text}
    </p>
  );
}

export function LockedNote({ id, children }: { id: string; children?: ComponentChildren }) {
  return (
    <p class="locked-note" id={id}>
      <span aria-hidden="true">🔒 </span>
      {t('options_lockedByPolicy')}
      {children}
    </p>
  );
}

export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return t('options_never');
  return new Date(ms).toLocaleString('zh-CN', { hour12: false });
}

/** Saves text as a file through a Blob URL (no network involved). */
export function downloadText(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
