// Correcting a task's category or action: native selects named exactly 业务类别 and 党建动作.
// The background turns the correction into a rule and re-tags similar tasks at once.
import type { CategoryId } from '@/utils/model';
import type { Catalog } from './types';
import { gloss, t } from './text';

interface Props {
  catalog: Catalog;
  category: string;
  action: string | null;
  busy: boolean;
  onCorrect(category: CategoryId, action: string | null): void;
}

const NO_ACTION = '';

export function CorrectionControls({ catalog, category, action, busy, onCorrect }: Props) {
  const categoryGloss = gloss('panel_categoryLabel_gloss');
  const actionGloss = gloss('panel_actionLabel_gloss');
  return (
    <div class="correct">
      <label class="field">
        <span class="field-name">
          <span>{t('panel_categoryLabel')}</span>
          {categoryGloss && <span class="gloss" aria-hidden="true">{categoryGloss}</span>}
        </span>
        <select
          value={category}
          disabled={busy}
          onChange={(e) => {
            const next = (e.currentTarget as HTMLSelectElement).value as CategoryId;
            // A new category brings its default action along, as a first match would.
            const defaultAction = catalog.categories.find((c) => c.id === next)?.defaultAction ?? null;
            onCorrect(next, defaultAction);
          }}
        >
          {catalog.categories.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-name">
          <span>{t('panel_actionLabel')}</span>
          {actionGloss && <span class="gloss" aria-hidden="true">{actionGloss}</span>}
        </span>
        <select
          value={action ?? NO_ACTION}
          disabled={busy}
          onChange={(e) => {
            const next = (e.currentTarget as HTMLSelectElement).value;
            onCorrect(category as CategoryId, next === NO_ACTION ? null : next);
          }}
        >
          <option value={NO_ACTION}>{t('panel_noAction')}</option>
          {catalog.actions.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
