// 导出 CSV / Excel / JSON with filters (period, 党建动作, 业务类别, phase state).
import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Catalog, CategoryId, Period } from '@/utils/model';
import type { PhaseState } from '@/utils/ledger/ledger-rows';
import { t } from '@/utils/i18n';
import { PERIODS } from './ids';
import type { ExportChoice, ExportKind } from './export-ledger';

const NO_ACTION = '-'; // mirrors export-ledger.ts, which is loaded only on the first export
const KINDS: ExportKind[] = ['csv', 'xlsx', 'json'];
const STATES: Array<[PhaseState, string]> = [
  ['any', 'popup_filter_all'],
  ['none', 'popup_state_none'],
  ['partial', 'popup_state_partial'],
  ['integrated', 'popup_state_integrated'],
];

function Select({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange(v: string): void; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {children}
      </select>
    </div>
  );
}

export function ExportPanel({ catalog, period, onExported }: { catalog: Catalog | null; period: Period | null; onExported(kind: ExportKind): void }) {
  const choice: Signal<ExportChoice> = useSignal({ period: period ?? 'year', action: '', category: '', phaseState: 'any' });
  const busy = useSignal(false);
  const note = useSignal<string | null>(null);
  // The export period follows the popup's period switch until the user picks one here.
  useEffect(() => {
    if (period) choice.value = { ...choice.value, period };
  }, [period]);
  const set = (patch: Partial<ExportChoice>) => {
    choice.value = { ...choice.value, ...patch };
  };

  const run = async (kind: ExportKind) => {
    if (busy.value) return;
    busy.value = true;
    note.value = t('popup_exporting');
    try {
      const { exportLedger } = await import('./export-ledger');
      const file = await exportLedger(kind, choice.value);
      note.value = t('popup_exported', [file.name, String(file.count)]);
      onExported(kind);
    } catch (error) {
      note.value = t('popup_error', [error instanceof Error ? error.message : String(error)]);
    } finally {
      busy.value = false;
    }
  };

  const c = choice.value;
  return (
    <section class="export" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('popup_export_heading')}</h2>
      <div class="filters">
        <Select id="export-period" label={t('popup_filter_period')} value={c.period} onChange={(v) => set({ period: v as Period })}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`period_${p}`)}
            </option>
          ))}
        </Select>
        <Select id="export-phase" label={t('popup_filter_phase')} value={c.phaseState} onChange={(v) => set({ phaseState: v as PhaseState })}>
          {STATES.map(([state, key]) => (
            <option key={state} value={state}>
              {t(key)}
            </option>
          ))}
        </Select>
        <Select id="export-action" label={t('popup_filter_action')} value={c.action} onChange={(v) => set({ action: v })}>
          <option value="">{t('popup_filter_all')}</option>
          {catalog?.actions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
          <option value={NO_ACTION}>{t('popup_no_action')}</option>
        </Select>
        <Select id="export-category" label={t('popup_filter_category')} value={c.category} onChange={(v) => set({ category: v as CategoryId | '' })}>
          <option value="">{t('popup_filter_all')}</option>
          {catalog?.categories.map((cat) => (
            <option key={cat.id} value={cat.id}>
              {cat.name}
            </option>
          ))}
        </Select>
      </div>
      <div class="buttons">
        {KINDS.map((kind) => (
          <button key={kind} type="button" onClick={() => void run(kind)} disabled={busy.value} data-kind={kind}>
            {t(`popup_export_${kind}`)}
          </button>
        ))}
      </div>
      <p class="muted small">{t('popup_export_json_note')}</p>
      <p class="note" role="status" aria-live="polite">
        {note.value ?? ''}
      </p>
    </section>
  );
}
