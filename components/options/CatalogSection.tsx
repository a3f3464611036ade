// 目录: party-building actions, the category → action mapping, learned rules, import/export.
import { useEffect, useState } from 'preact/hooks';
import { Catalog, type CatalogAction, type Rule } from '@/utils/model';
import { send } from '@/utils/ui/client';
import { t } from '@/utils/i18n';
import { ErrorLine, LockedNote, StatusLine, downloadText, errorText } from './feedback';
import { firstIssue, readCatalogFile } from './catalog-file';
import { catalogLocked } from './policy-state';
import { RulesList } from './RulesList';

const LOCK_ID = 'catalog-lock';
/** A deep copy to edit (structuredClone needs Chromium 98). */
const copyOf = (catalog: Catalog): Catalog => JSON.parse(JSON.stringify(catalog)) as Catalog;

export function CatalogSection() {
  const [saved, setSaved] = useState<Catalog | null>(null);
  const [draft, setDraft] = useState<Catalog | null>(null);
  const [rules, setRules] = useState<Rule[]>([]);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const locked = catalogLocked();

  const adopt = (catalog: Catalog) => {
    setSaved(catalog);
    setDraft(copyOf(catalog));
  };

  useEffect(() => {
    void (async () => {
      try {
        const [catalog, list] = await Promise.all([send<Catalog>({ type: 'catalog/get' }), send<Rule[]>({ type: 'rules/list' })]);
        adopt(catalog);
        setRules(list);
      } catch (e) {
        setError(errorText(e));
      }
    })();
  }, []);

  if (!draft || !saved) {
    return (
      <section aria-labelledby="catalog-title">
        <h2 id="catalog-title">{t('options_sectionCatalog')}</h2>
        <ErrorLine text={error} />
        {error ? null : <p>{t('options_loading')}</p>}
      </section>
    );
  }

  const setAction = (index: number, patch: Partial<CatalogAction>) =>
    setDraft({ ...draft, actions: draft.actions.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  const addAction = () => {
    let n = draft.actions.length + 1;
    while (draft.actions.some((a) => a.id === `custom-${n}`)) n++;
    setDraft({ ...draft, actions: [...draft.actions, { id: `custom-${n}`, name: '', short: '' }] });
  };
  const removeAction = (index: number) => setDraft({ ...draft, actions: draft.actions.filter((_, i) => i !== index) });
  const setMapping = (categoryId: string, action: string | null) =>
    setDraft({ ...draft, categories: draft.categories.map((c) => (c.id === categoryId ? { ...c, defaultAction: action } : c)) });
  const isNew = (id: string) => !saved.actions.some((a) => a.id === id);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  const save = async () => {
    setError('');
    setStatus('');
    const parsed = Catalog.safeParse(draft);
    if (!parsed.success) {
      setError(t('options_catalogInvalid', [firstIssue(parsed.error)]));
      return;
    }
    try {
      adopt(await send<Catalog>({ type: 'catalog/set', catalog: parsed.data }));
      setStatus(t('options_catalogSaved'));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    setError('');
    setStatus('');
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = await readCatalogFile(file);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    try {
      adopt(await send<Catalog>({ type: 'catalog/set', catalog: result.catalog }));
      setStatus(t('options_catalogImported', [file.name]));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const reset = async () => {
    setConfirmReset(false);
    setError('');
    try {
      adopt(await send<Catalog>({ type: 'catalog/reset' }));
      setStatus(t('options_catalogResetDone'));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const lockProps = locked ? { disabled: true, 'aria-describedby': LOCK_ID } : {};

  return (
    <section aria-labelledby="catalog-title">
      <h2 id="catalog-title">{t('options_sectionCatalog')}</h2>
      <p class="intro">{t('options_catalogIntro')}</p>
      {locked ? <LockedNote id={LOCK_ID} /> : null}
      <ErrorLine text={error} />
      {status ? <StatusLine text={status} /> : null}

      <div class="toolbar">
        <label class={`file-button${locked ? ' disabled' : ''}`}>
          {t('options_importCatalog')}
          <input type="file" accept=".json,application/json" class="visually-hidden-file" {...lockProps} onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)} />
        </label>
        <button type="button" onClick={() => downloadText(`${JSON.stringify(saved, null, 2)}\n`, 'ronghe-catalog.json', 'application/json')}>
          {t('options_exportCatalog')}
        </button>
        {confirmReset ? (
          <>
            <button type="button" class="danger" onClick={() => void reset()}>
              {t('options_confirmReset')}
            </button>
            <button type="button" onClick={() => setConfirmReset(false)}>
              {t('options_cancel')}
            </button>
          </>
        ) : (
          <button type="button" {...lockProps} onClick={() => setConfirmReset(true)}>
            {t('options_resetCatalog')}
          </button>
        )}
      </div>

      <h3 id="actions-title">{t('options_actionsTitle')}</h3>
      <table class="data-table" aria-labelledby="actions-title">
        <thead>
          <tr>
            <th scope="col">{t('options_colActionId')}</th>
            <th scope="col">{t('options_colActionName')}</th>
            <th scope="col">{t('options_colActionShort')}</th>
            <th scope="col">{t('options_colDelete')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.actions.map((action, index) => (
            <tr key={index}>
              <td>
                {isNew(action.id) && !locked ? (
                  <input type="text" size={14} aria-label={t('options_actionIdOf', [String(index + 1)])} value={action.id} onInput={(e) => setAction(index, { id: (e.currentTarget as HTMLInputElement).value })} />
                ) : (
                  <code>{action.id}</code>
                )}
              </td>
              <td>
                <input type="text" class="wide" maxLength={60} aria-label={t('options_actionNameOf', [action.id])} value={action.name} {...lockProps} onInput={(e) => setAction(index, { name: (e.currentTarget as HTMLInputElement).value })} />
              </td>
              <td>
                <input type="text" size={10} maxLength={12} aria-label={t('options_actionShortOf', [action.id])} value={action.short} {...lockProps} onInput={(e) => setAction(index, { short: (e.currentTarget as HTMLInputElement).value })} />
              </td>
              <td>
                <button type="button" class="danger" aria-label={t('options_deleteAction', [action.id])} {...lockProps} onClick={() => removeAction(index)}>
                  {t('options_delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="toolbar">
        <button type="button" {...lockProps} onClick={addAction}>
          {t('options_addAction')}
        </button>
      </div>

      <h3 id="mapping-title">{t('options_mappingTitle')}</h3>
      <table class="data-table" aria-labelledby="mapping-title">
        <thead>
          <tr>
            <th scope="col">{t('options_colCategory')}</th>
            <th scope="col">{t('options_colCategoryScope')}</th>
            <th scope="col">{t('options_colDefaultAction')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.categories.map((category) => (
            <tr key={category.id}>
              <th scope="row">{category.name}</th>
              <td class="muted">{category.description}</td>
              <td>
                <select
                  aria-label={t('options_defaultActionOf', [category.name])}
                  value={category.defaultAction ?? ''}
                  {...lockProps}
                  onChange={(e) => setMapping(category.id, (e.currentTarget as HTMLSelectElement).value || null)}
                >
                  <option value="">{t('options_noAction')}</option>
                  {draft.actions.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name || a.id}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="toolbar sticky-save">
        <button type="button" class="primary" disabled={locked || !dirty} aria-describedby={locked ? LOCK_ID : undefined} onClick={() => void save()}>
          {t('options_saveCatalog')}
        </button>
        <button type="button" disabled={locked || !dirty} onClick={() => setDraft(copyOf(saved))}>
          {t('options_discardChanges')}
        </button>
      </div>

      <h3 id="rules-title">{t('options_rulesTitle')}</h3>
      <p class="hint">{t('options_rulesIntro')}</p>
      <RulesList rules={rules} catalog={saved} onChanged={setRules} onError={setError} />
    </section>
  );
}
