// Validates a site's custom selectors the way the content script will read them
// (utils/adapters/index.ts adapterFromSelectors), so nothing broken is ever saved.
import { ListSpec } from '@/utils/adapters/adapter-schema';
import { SelectorOverride } from '@/utils/model';
import { t } from '@/utils/i18n';

export const SELECTOR_FIELDS = ['listRoot', 'row', 'title', 'nativeId'] as const;
export type SelectorField = (typeof SELECTOR_FIELDS)[number];
export type SelectorDraft = Record<SelectorField, string>;
export type SelectorErrors = Partial<Record<SelectorField, string>>;

export type SelectorValidation = { ok: true; value: SelectorOverride } | { ok: false; errors: SelectorErrors };

export function draftOf(selectors: SelectorOverride | null): SelectorDraft {
  return { listRoot: selectors?.listRoot ?? '', row: selectors?.row ?? '', title: selectors?.title ?? '', nativeId: selectors?.nativeId ?? '' };
}

/** `attr`, or `selector@attr`, or `@attr`: the same forms the content script understands. */
function idSources(nativeId: string): Array<{ sel?: string; attr: string }> | null {
  if (!nativeId) return [];
  const at = nativeId.lastIndexOf('@');
  if (at < 0) return /^\w{1,40}$/.test(nativeId) ? [{ attr: nativeId }] : null;
  const attr = nativeId.slice(at + 1);
  if (!/^[\w:-]{1,40}$/.test(attr)) return null;
  return [{ ...(at > 0 ? { sel: nativeId.slice(0, at) } : {}), attr }];
}

const FIELD_OF_LIST_KEY: Record<string, SelectorField> = { root: 'listRoot', row: 'row', title: 'title', ids: 'nativeId' };

export function validateSelectors(draft: SelectorDraft): SelectorValidation {
  const value = {
    ...(draft.listRoot.trim() ? { listRoot: draft.listRoot.trim() } : {}),
    row: draft.row.trim(),
    title: draft.title.trim(),
    ...(draft.nativeId.trim() ? { nativeId: draft.nativeId.trim() } : {}),
  };
  const errors: SelectorErrors = {};
  if (!value.row) errors.row = t('options_selectorRequired');
  if (!value.title) errors.title = t('options_selectorRequired');

  const shape = SelectorOverride.safeParse(value);
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const field = issue.path[0] as SelectorField;
      errors[field] ??= issue.code === 'too_big' ? t('options_selectorTooLong', ['300']) : t('options_selectorInvalid');
    }
  }
  const ids = idSources(value.nativeId ?? '');
  if (ids === null) errors.nativeId ??= t('options_nativeIdInvalid');

  const list = ListSpec.safeParse({ root: value.listRoot ?? 'body', row: value.row || '*', title: value.title || '*', strictTitle: true, ids: ids ?? [] });
  if (!list.success) {
    for (const issue of list.error.issues) {
      const field = FIELD_OF_LIST_KEY[String(issue.path[0])];
      if (field) errors[field] ??= t('options_selectorInvalid');
    }
  }
  if (!shape.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: shape.data };
}
