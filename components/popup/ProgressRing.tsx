// Overall integration progress as a ring: integrated ÷ tagged, the same share as the badge.
import { sharePercent } from '@/utils/background/badge';
import { t } from '@/utils/i18n';

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

export function ProgressRing({ tagged, integrated, periodName }: { tagged: number; integrated: number; periodName: string }) {
  const percent = sharePercent(tagged, integrated);
  const shown = percent === null ? '—' : `${percent}%`;
  const label =
    percent === null ? t('popup_ring_empty') : t('popup_ring_label', [`${percent}%`, String(tagged), String(integrated)]);
  const filled = percent === null ? 0 : (CIRCUMFERENCE * integrated) / tagged;
  return (
    <div class="ring-block">
      <div class="ring" role="img" aria-label={label} title={label}>
        <svg viewBox="0 0 120 120" width="112" height="112" aria-hidden="true" focusable="false">
          <circle class="ring-track" cx="60" cy="60" r={RADIUS} />
          <circle
            class="ring-value"
            cx="60"
            cy="60"
            r={RADIUS}
            stroke-dasharray={`${filled} ${CIRCUMFERENCE}`}
            transform="rotate(-90 60 60)"
          />
        </svg>
        <span class="ring-percent" data-testid="ring-percent">
          {shown}
        </span>
      </div>
      <p class="ring-caption">
        <span class="period-name">{periodName}</span> {t('popup_ring_caption', [String(integrated), String(tagged)])}
      </p>
    </div>
  );
}
