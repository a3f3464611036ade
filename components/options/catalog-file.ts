// Reading a catalog JSON file: parsed and validated completely before anything is sent.
import { Catalog } from '@/utils/model';
import { t } from '@/utils/i18n';

export const MAX_CATALOG_FILE_BYTES = 5 * 1024 * 1024;

export type CatalogFileResult = { ok: true; catalog: Catalog } | { ok: false; error: string };

/** The first problem, as `path: message` (zod's words; the frame around it is bilingual). */
export function firstIssue(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

const fail = (detail: string): CatalogFileResult => ({ ok: false, error: t('options_catalogFileInvalid', [detail]) });

export function parseCatalogText(text: string): CatalogFileResult {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail(t('options_fileEmpty'));
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return fail(t('options_fileNotJson'));
  }
  const parsed = Catalog.safeParse(raw);
  return parsed.success ? { ok: true, catalog: parsed.data } : fail(firstIssue(parsed.error));
}

export async function readCatalogFile(file: File): Promise<CatalogFileResult> {
  if (file.size > MAX_CATALOG_FILE_BYTES) return { ok: false, error: t('options_catalogFileInvalid', [t('options_fileTooLarge', ['5 MB'])]) };
  return parseCatalogText(await file.text());
}
