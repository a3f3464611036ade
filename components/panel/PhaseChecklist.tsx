// The four phases of one task as real checkboxes; accessible names are exactly 同谋划…同检查.
import { PHASE_IDS } from '@/utils/domain';
import type { PhaseId, Phases } from '@/utils/model';
import { formatTime as formatAt, gloss, phaseName, t } from './text';

interface Props {
  phases: Phases;
  busy: boolean;
  onToggle(phase: PhaseId, done: boolean): void;
}

export function PhaseChecklist({ phases, busy, onToggle }: Props) {
  return (
    <fieldset class="phases">
      <legend class="sr-only">{t('panel_phases')}</legend>
      {PHASE_IDS.map((phase) => {
        const g = gloss(`panel_phase_${phase}_gloss`);
        return (
          <label key={phase} class={phases[phase].done ? 'phase done' : 'phase'}>
            <input
              type="checkbox"
              checked={phases[phase].done}
              aria-busy={busy ? 'true' : undefined}
              onChange={(e) => onToggle(phase, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span>{phaseName(phase)}</span>
            {g && <span class="gloss" aria-hidden="true">{g}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}

interface NotesProps {
  phases: Phases;
  onNote(phase: PhaseId, note: string): void;
}

/** Per-phase note and the time it was ticked (the task's details). */
export function PhaseNotes({ phases, onNote }: NotesProps) {
  return (
    <ul class="notes">
      {PHASE_IDS.map((phase) => {
        const p = phases[phase];
        return (
          <li key={phase}>
            <label class="note">
              <span class="note-name">{t('panel_noteFor', [phaseName(phase)])}</span>
              <input
                type="text"
                maxLength={2000}
                value={p.note}
                placeholder={t('panel_notePlaceholder')}
                onChange={(e) => {
                  const note = (e.currentTarget as HTMLInputElement).value;
                  if (note !== p.note) onNote(phase, note);
                }}
              />
            </label>
            <span class="when">{p.done && p.at !== null ? t('panel_doneAt', [formatAt(p.at)]) : t('panel_notDone')}</span>
          </li>
        );
      })}
    </ul>
  );
}
