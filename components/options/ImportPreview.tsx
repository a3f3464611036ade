// What importing a backup would change: counts, then each conflict and how it is resolved.
import type { MergeConflict, MergePreview } from '@/utils/ledger/merge';
import { LEDGER_COLUMNS } from '@/utils/ledger/columns';
import { t } from '@/utils/i18n';

const MAX_SHOWN = 50;

/** 台账 fields by the header the exported files give them. */
const DETAIL_HEADERS: Record<string, string> = {
  owner: '责任人', ownerDept: '责任人处室', branch: '所属支部', unit: '单位', leadDept: '牵头处室', members: '参与党员',
  deadline: '完成时限', completedAt: '实际完成时间', outcome: '完成情况', evidence: '佐证材料', remark: '备注',
};

function fieldName(field: MergeConflict['field']): string {
  if (field === 'classification') return t('options_conflictClassification');
  if (field.startsWith('detail.')) {
    const id = field.slice('detail.'.length);
    const header = DETAIL_HEADERS[id] ?? LEDGER_COLUMNS.find((c) => c.id === id)?.zh ?? id;
    return t('options_conflict_detail', [header]);
  }
  return t(`options_phase_${field}`);
}

export function ImportPreview({ preview }: { preview: MergePreview }) {
  const { tasks, events, rules, conflicts, from } = preview;
  const who = from ? [from.personName, from.department, from.branch, from.unit].filter((s) => s !== '').join(' · ') : '';
  return (
    <>
      {who && <p class="hint">{t('options_importFrom', [who])}</p>}
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
                {t('options_conflictLine', [fieldName(c.field), c.current, c.incoming, c.result])}
              </li>
            ))}
          </ul>
          {conflicts.length > MAX_SHOWN ? <p class="hint">{t('options_conflictsMore', [String(conflicts.length - MAX_SHOWN)])}</p> : null}
        </>
      ) : null}
    </>
  );
}
