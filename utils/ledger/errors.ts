// Errors the ledger import reports to the user: Chinese first, then English.
export type LedgerErrorCode = 'not-json' | 'wrong-format' | 'wrong-version' | 'bad-checksum' | 'invalid' | 'too-large' | 'empty';

export interface LedgerError {
  code: LedgerErrorCode;
  /** `中文说明 / English explanation`, ready to show. */
  message: string;
}

export function ledgerError(code: LedgerErrorCode, zh: string, en: string): LedgerError {
  return { code, message: `${zh} / ${en}` };
}
