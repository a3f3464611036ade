// Counts by phase, by 党建动作 and by business category, with the catalog's Chinese names.
import type { Catalog } from '@/utils/model';
import type { Progress } from '@/utils/store/progress';
import { t } from '@/utils/i18n';
import { PHASES } from './ids';

interface Line {
  id: string;
  name: string;
  title?: string;
  count: number;
}

function CountList({ heading, id, lines, total }: { heading: string; id: string; lines: Line[]; total: number }) {
  return (
    <section class="breakdown" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {lines.length === 0 ? (
        <p class="muted">{t('popup_none')}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line.id} data-id={line.id} title={line.title}>
              <span class="name">{line.name}</span>
              <span class="bar" aria-hidden="true">
                <span style={{ width: `${total ? Math.round((line.count / total) * 100) : 0}%` }} />
              </span>
              <span class="count">{t('popup_count', [String(line.count)])}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const byCountThenName = (a: Line, b: Line) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN');

export function Breakdown({ progress, catalog }: { progress: Progress; catalog: Catalog | null }) {
  const phases: Line[] = PHASES.map((p) => ({ id: p, name: t(`popup_phase_${p}`), count: progress.byPhase[p] ?? 0 }));
  const actions: Line[] = Object.entries(progress.byAction).map(([id, count]) => {
    const action = catalog?.actions.find((a) => a.id === id);
    return { id, name: action?.short ?? id, title: action?.name, count };
  });
  const withAction = actions.reduce((sum, a) => sum + a.count, 0);
  // oxlint-disable-next-line unicorn/no-array-sort -- toSorted is missing in the MV2 target (Chromium 63)
  actions.sort(byCountThenName);
  if (progress.tagged > withAction) actions.push({ id: 'none', name: t('popup_no_action'), count: progress.tagged - withAction });
  const categories: Line[] = Object.entries(progress.byCategory)
    .map(([id, count]) => ({ id, name: catalog?.categories.find((c) => c.id === id)?.name ?? id, count }));
  // oxlint-disable-next-line unicorn/no-array-sort -- toSorted is missing in the MV2 target (Chromium 63)
  categories.sort(byCountThenName);
  return (
    <div class="breakdowns">
      <CountList heading={t('popup_by_phase')} id="by-phase" lines={progress.tagged ? phases : []} total={progress.tagged} />
      <CountList heading={t('popup_by_action')} id="by-action" lines={actions} total={progress.tagged} />
      <CountList heading={t('popup_by_category')} id="by-category" lines={categories} total={progress.tagged} />
    </div>
  );
}
