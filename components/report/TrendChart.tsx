// The year's trend as an inline SVG drawn by Preact (no charting library: twelve pairs of bars
// need none, and the page stays free of canvas and third-party code). A table gives the same
// numbers to screen readers and to print.
import type { TrendPoint } from '@/utils/report/indicators';
import { t } from '@/utils/i18n';

const W = 640;
const H = 220;
const PAD = { left: 36, right: 12, top: 16, bottom: 28 };

export function TrendChart({ points, year }: { points: TrendPoint[]; year: number }) {
  const max = Math.max(1, ...points.map((p) => p.tagged));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / points.length;
  const bar = Math.max(4, slot * 0.32);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const title = t('report_trendTitle', [String(year)]);
  return (
    <figure class="trend">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="trend-title trend-desc" class="trend-svg">
        <title id="trend-title">{title}</title>
        <desc id="trend-desc">{t('report_trendDesc')}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" class="axis">{v}</text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = PAD.left + i * slot + slot / 2;
          return (
            <g key={p.month}>
              <rect x={x - bar - 1} y={y(p.tagged)} width={bar} height={y(0) - y(p.tagged)} class="bar-tagged" />
              <rect x={x + 1} y={y(p.integrated)} width={bar} height={y(0) - y(p.integrated)} class="bar-integrated" />
              <text x={x} y={H - 8} text-anchor="middle" class="axis">{t('report_monthShort', [String(p.month)])}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="key key-tagged" aria-hidden="true" /> {t('report_trendTagged')}
        <span class="key key-integrated" aria-hidden="true" /> {t('report_trendIntegrated')}
      </figcaption>
      <table class="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report_month')}</th>
            <th scope="col">{t('report_trendTagged')}</th>
            <th scope="col">{t('report_trendIntegrated')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.month}>
              <th scope="row">{t('report_monthShort', [String(p.month)])}</th>
              <td>{p.tagged}</td>
              <td>{p.integrated}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function niceStep(max: number): number {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (raw <= m * mag) return Math.max(1, m * mag);
  return Math.max(1, 10 * mag);
}
