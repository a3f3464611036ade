// 本周/本月/本季度/本年/全部: a radio group, so arrow keys move between periods.
import type { Period } from '@/utils/model';
import { t } from '@/utils/i18n';

import { PERIODS } from './ids';

export function PeriodSwitch({ value, onChange }: { value: Period | null; onChange(period: Period): void }) {
  return (
    <fieldset class="period-switch">
      <legend>{t('popup_period_label')}</legend>
      {PERIODS.map((period) => (
        <label key={period} class={period === value ? 'checked' : undefined}>
          <input
            type="radio"
            name="period"
            value={period}
            checked={period === value}
            onChange={() => onChange(period)}
          />
          <span>{t(`period_${period}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
