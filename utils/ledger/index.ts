// The ledger: export (CSV, XLSX, JSON backup) and import (parse, preview, merge).
// XLSX lives in './xlsx' and is not re-exported here, so that importing this module never pulls
// the workbook writer into a bundle: extension pages import it from 'utils/ledger/xlsx' lazily.
export { EXTRA_COLUMNS, LEDGER_COLUMNS, TEMPLATE_COLUMNS, rowCells, type LedgerColumn } from './columns';
export { ledgerRows, matchesFilter, type LedgerFilter, type LedgerOptions, type LedgerRow, type LedgerSource, type PhaseState } from './ledger-rows';
export { EMPTY_PROFILE, evidenceText, normalizeDate, resolveDetail, stampIdentity, type ResolvedDetail } from './detail';
export { DEFAULT_WARNING_RULES, STATUS_NAMES, taskStatus, taskWarnings, type TaskStatus, type Warning, type WarningRules } from './status';
export { CSV_BOM, csvField, neutralizeCell, toCsv, toCsvTable } from './csv';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_CHARS,
  MAX_BACKUP_RECORDS,
  MAX_STRING_CHARS,
  parseBackup,
  toBackup,
  type BackupCounts,
  type BackupMeta,
  type ParseBackupResult,
} from './json-backup';
export { ledgerError, type LedgerError, type LedgerErrorCode } from './errors';
export { mergeAll, mergeDumps, previewMerge, type MergeConflict, type MergeCounts, type MergePreview, type MergeResult } from './merge';
export { joinNotes, noteParts } from './notes';
export { EVENT_TYPE_NAMES, formatLocalTime, PRODUCT_NAMES, productName, SOURCE_NAMES, URGENCY_NAMES } from './labels';
export { ledgerFileName, LEDGER_MIME } from './files';
