// The page at a glance: tasks, integrated (all four phases), and each phase's share.
import { PHASE_IDS } from '@/utils/domain';
import type { PanelSummary } from './store';
import { percent, phaseName, t } from './text';

export function Summary({ summary, heading }: { summary: PanelSummary; heading: string }) {
  return (
    <section class="summary" aria-labelledby="summary-h">
      <h2 id="summary-h" class="sr-only">{heading}</h2>
      <dl class="stats">
        <div>
          <dt>{t('panel_statTasks')}</dt>
          <dd>{summary.total}</dd>
        </div>
        <div>
          <dt>{t('panel_statIntegrated')}</dt>
          <dd>
            {summary.integrated} <small>({percent(summary.integrated, summary.total)}%)</small>
          </dd>
        </div>
      </dl>
      <ul class="bars">
        {PHASE_IDS.map((phase) => {
          const pct = percent(summary.byPhase[phase], summary.total);
          return (
            <li key={phase}>
              <span class="bar-name">{phaseName(phase)}</span>
              <span class="bar" aria-hidden="true">
                <span style={{ width: `${pct}%` }} />
              </span>
              <span class="bar-value">{pct}%</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
