// What importing a backup would change: counts, then each conflict and how it is resolved.
import type { MergePreview } from '@/utils/ledger/merge';
import { t } from '@/utils/i18n';

const MAX_SHOWN = 50;

export function ImportPreview({ preview }: { preview: MergePreview }) {
  const { tasks, events, rules, conflicts } = preview;
  return (
    <>
      <table class="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('options_previewKind')}</th>
            <th scope="col">{t('options_previewNew')}</th>
            <th scope="col">{t('options_previewUpdated')}</th>
            <th scope="col">{t('options_previewUnchanged')}</th>
            <th scope="col">{t('options_previewConflicting')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('options_previewTasks')}</th>
            <td>{tasks.new}</td>
            <td>{tasks.updated}</td>
            <td>{tasks.unchanged}</td>
            <td>{tasks.conflicting}</td>
          </tr>
          <tr>
            <th scope="row">{t('options_previewEvents')}</th>
            <td>{events.new}</td>
            <td>{events.updated}</td>
            <td>{events.unchanged}</td>
            <td>–</td>
          </tr>
          <tr>
            <th scope="row">{t('options_previewRules')}</th>
            <td>{rules.new}</td>
            <td>{rules.updated}</td>
            <td>{rules.unchanged}</td>
            <td>–</td>
          </tr>
        </tbody>
      </table>
      {preview.writes === 0 ? <p>{t('options_previewNothing')}</p> : null}
      {conflicts.length ? (
        <>
          <h5>{t('options_conflictsTitle', [String(conflicts.length)])}</h5>
          <ul class="conflicts">
            {conflicts.slice(0, MAX_SHOWN).map((c, i) => (
              <li key={i}>
                <strong>{c.title}</strong>
                {t('options_conflictLine', [c.field === 'classification' ? t('options_conflictClassification') : t(`options_phase_${c.field}`), c.current, c.incoming, c.result])}
              </li>
            ))}
          </ul>
          {conflicts.length > MAX_SHOWN ? <p class="hint">{t('options_conflictsMore', [String(conflicts.length - MAX_SHOWN)])}</p> : null}
        </>
      ) : null}
    </>
  );
}
