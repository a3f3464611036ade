// Grouping, progress filter and title search.
import type { PanelStore } from './store';
import type { GroupBy, ProgressFilter } from './types';
import { t } from './text';

const FILTERS: ProgressFilter[] = ['all', 'none', 'partial', 'done'];
const FILTER_KEYS: Record<ProgressFilter, string> = {
  all: 'panel_filterAll',
  none: 'panel_filterNone',
  partial: 'panel_filterPartial',
  done: 'panel_filterDone',
};

export function Toolbar({ store }: { store: PanelStore }) {
  const groupBy = store.groupBy.value;
  const filter = store.filter.value;
  return (
    <div class="toolbar">
      <label class="search">
        <span class="sr-only">{t('panel_search')}</span>
        <input
          type="search"
          placeholder={t('panel_search')}
          value={store.query.value}
          onInput={(e) => (store.query.value = (e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <div class="segmented" role="group" aria-label={t('panel_groupBy')}>
        {(['action', 'category'] as GroupBy[]).map((by) => (
          <button key={by} type="button" aria-pressed={groupBy === by ? 'true' : 'false'} onClick={() => (store.groupBy.value = by)}>
            {t(by === 'action' ? 'panel_groupByAction' : 'panel_groupByCategory')}
          </button>
        ))}
      </div>
      <div class="segmented" role="group" aria-label={t('panel_filter')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f ? 'true' : 'false'} onClick={() => (store.filter.value = f)}>
            {t(FILTER_KEYS[f])}
          </button>
        ))}
      </div>
      {(store.unsureCount.value > 0 || store.unsureOnly.value) && (
        <button
          type="button"
          class="unsure-filter"
          aria-pressed={store.unsureOnly.value ? 'true' : 'false'}
          title={t('panel_unsureHint')}
          onClick={() => (store.unsureOnly.value = !store.unsureOnly.value)}
        >
          {`? ${t('panel_filterUnsure')} ${store.unsureCount.value}`}
        </button>
      )}
      <p class="sr-only" role="status">{t('panel_shown', [String(store.visible.value.length), String(store.items.value.length)])}</p>
    </div>
  );
}
