// Custom selectors for an OA product Ronghe doesn't know: validated before saving, and tried
// live on an open tab of the site.
import { useEffect, useState } from 'preact/hooks';
import type { Site } from '@/utils/model';
import { send } from '@/utils/ui/client';
import { t } from '@/utils/i18n';
import { draftOf, SELECTOR_FIELDS, validateSelectors, type SelectorDraft, type SelectorErrors, type SelectorField } from './custom-selectors';
import { ErrorLine, StatusLine, errorText } from './feedback';
import { listWebTabs, type OaTab } from './oa-tabs';

const LABEL: Record<SelectorField, string> = {
  listRoot: 'options_selListRoot',
  row: 'options_selRow',
  title: 'options_selTitle',
  nativeId: 'options_selNativeId',
};
const HINT: Record<SelectorField, string> = {
  listRoot: 'options_selListRootHint',
  row: 'options_selRowHint',
  title: 'options_selTitleHint',
  nativeId: 'options_selNativeIdHint',
};

export function SelectorEditor({ site, onSaved }: { site: Site; onSaved(site: Site): void }) {
  const [draft, setDraft] = useState<SelectorDraft>(draftOf(site.selectors));
  const [errors, setErrors] = useState<SelectorErrors>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const [tabs, setTabs] = useState<OaTab[]>([]);
  const [tabId, setTabId] = useState<number | null>(null);
  const base = `sel-${site.origin.replace(/[^a-z0-9]+/gi, '-')}`;

  const refreshTabs = async () => {
    try {
      const found = await listWebTabs();
      // Prefer this site's tabs; the most recently used comes first.
      const own = found.filter((tab) => tab.url.startsWith(site.origin));
      const list = own.length ? [...own, ...found.filter((tab) => !own.includes(tab))] : found;
      setTabs(list);
      setTabId((current) => (current !== null && list.some((tab) => tab.id === current) ? current : (list[0]?.id ?? null)));
    } catch (error) {
      setFailure(errorText(error));
    }
  };
  useEffect(() => void refreshTabs(), []);

  const checked = () => {
    const result = validateSelectors(draft);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) setStatus('');
    return result;
  };

  const save = async () => {
    setFailure('');
    const result = checked();
    if (!result.ok) return;
    try {
      const saved = await send<Site>({ type: 'site/set', origin: site.origin, selectors: result.value });
      setStatus(t('options_selectorsSaved'));
      onSaved(saved);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const clear = async () => {
    setFailure('');
    try {
      const saved = await send<Site>({ type: 'site/set', origin: site.origin, selectors: null });
      setDraft(draftOf(null));
      setErrors({});
      setStatus(t('options_selectorsCleared'));
      onSaved(saved);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const test = async () => {
    setFailure('');
    const result = checked();
    if (!result.ok) return;
    if (tabId === null) {
      setFailure(t('options_noWebTab'));
      return;
    }
    setStatus(t('options_testing'));
    try {
      const { rows } = await send<{ rows: number }>({ type: 'selectors/test', tabId, selectors: result.value });
      setStatus(t('options_testResult', [String(rows)]));
    } catch (error) {
      setStatus('');
      setFailure(errorText(error));
    }
  };

  const invalid = Object.keys(errors).length > 0;
  return (
    <fieldset class="selector-editor">
      <legend>{t('options_customSelectorsFor', [site.origin])}</legend>
      <p class="hint">{t('options_customSelectorsIntro')}</p>
      <div class="form-grid">
        {SELECTOR_FIELDS.map((field) => (
          <div class="field" key={field}>
            <label for={`${base}-${field}`}>
              {t(LABEL[field])}
              {field === 'row' || field === 'title' ? <span class="required"> *</span> : null}
            </label>
            <input
              id={`${base}-${field}`}
              type="text"
              spellcheck={false}
              autocomplete="off"
              value={draft[field]}
              aria-invalid={errors[field] ? 'true' : undefined}
              aria-describedby={`${base}-${field}-hint${errors[field] ? ` ${base}-${field}-error` : ''}`}
              onInput={(e) => setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value })}
            />
            <small id={`${base}-${field}-hint`} class="hint">
              {t(HINT[field])}
            </small>
            {errors[field] ? (
              <small id={`${base}-${field}-error`} class="field-error">
                {errors[field]}
              </small>
            ) : null}
          </div>
        ))}
      </div>
      {invalid ? <ErrorLine text={t('options_selectorsNotSaved')} /> : null}
      <div class="field">
        <label for={`${base}-tab`}>{t('options_testTab')}</label>
        <div class="row-controls">
          <select id={`${base}-tab`} value={tabId === null ? '' : String(tabId)} onChange={(e) => setTabId(Number((e.currentTarget as HTMLSelectElement).value))}>
            {tabs.length === 0 ? <option value="">{t('options_noWebTab')}</option> : null}
            {tabs.map((tab) => (
              <option key={tab.id} value={String(tab.id)}>
                {`${tab.title || tab.url} — ${tab.url.slice(0, 80)}`}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void refreshTabs()}>
            {t('options_refreshTabs')}
          </button>
        </div>
      </div>
      <div class="actions">
        <button type="button" onClick={() => void test()}>
          {t('options_testOnPage')}
        </button>
        <button type="button" class="primary" onClick={() => void save()}>
          {t('options_saveSelectors')}
        </button>
        <button type="button" onClick={() => void clear()} disabled={!site.selectors}>
          {t('options_clearSelectors')}
        </button>
      </div>
      {status ? <StatusLine text={status} /> : null}
      <ErrorLine text={failure} />
    </fieldset>
  );
}
