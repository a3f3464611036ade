// Learned rules (the user's corrections): edit what they assign, or delete them.
import { CATEGORY_IDS, type Catalog, type CategoryId, type Rule } from '@/utils/model';
import { send } from '@/utils/ui/client';
import { t } from '@/utils/i18n';
import { formatTime } from './feedback';

interface Props {
  rules: Rule[];
  catalog: Catalog;
  onChanged(rules: Rule[]): void;
  onError(message: string): void;
}

export function RulesList({ rules, catalog, onChanged, onError }: Props) {
  const categoryName = (id: CategoryId) => catalog.categories.find((c) => c.id === id)?.name ?? id;

  const put = async (rule: Rule) => {
    try {
      await send({ type: 'rules/put', rule });
      onChanged(rules.map((r) => (r.id === rule.id ? rule : r)));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async (rule: Rule) => {
    try {
      await send({ type: 'rules/delete', id: rule.id });
      onChanged(rules.filter((r) => r.id !== rule.id));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  if (rules.length === 0) return <p>{t('options_noRules')}</p>;
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">{t('options_colRuleTitle')}</th>
          <th scope="col">{t('options_colCategory')}</th>
          <th scope="col">{t('options_colAction')}</th>
          <th scope="col">{t('options_colCreated')}</th>
          <th scope="col">{t('options_colDelete')}</th>
        </tr>
      </thead>
      <tbody>
        {/* A fresh copy sorted in place (toSorted needs Chromium 110; government browsers run 86–102). */}
        {[...rules]
          // oxlint-disable-next-line unicorn/no-array-sort
          .sort((a, b) => b.createdAt - a.createdAt)
          .map((rule) => (
            <tr key={rule.id}>
              <th scope="row" class="title-cell">
                {rule.title}
              </th>
              <td>
                <select
                  aria-label={t('options_ruleCategoryFor', [rule.title.slice(0, 40)])}
                  value={rule.category}
                  onChange={(e) => {
                    const category = (e.currentTarget as HTMLSelectElement).value as CategoryId;
                    const fallback = catalog.categories.find((c) => c.id === category)?.defaultAction ?? null;
                    void put({ ...rule, category, action: fallback });
                  }}
                >
                  {CATEGORY_IDS.map((id) => (
                    <option key={id} value={id}>
                      {categoryName(id)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={t('options_ruleActionFor', [rule.title.slice(0, 40)])}
                  value={rule.action ?? ''}
                  onChange={(e) => void put({ ...rule, action: (e.currentTarget as HTMLSelectElement).value || null })}
                >
                  <option value="">{t('options_noAction')}</option>
                  {catalog.actions.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>{formatTime(rule.createdAt)}</td>
              <td>
                <button type="button" class="danger" aria-label={t('options_deleteRule', [rule.title.slice(0, 40)])} onClick={() => void remove(rule)}>
                  {t('options_delete')}
                </button>
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
