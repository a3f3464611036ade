// File names and MIME types for the downloads (the popup makes a Blob URL of the content).
export const LEDGER_MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `融合台账-20240601-0930.csv`, local time. */
export function ledgerFileName(kind: keyof typeof LEDGER_MIME, at: number = Date.now()): string {
  const d = new Date(at);
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
  return `融合台账-${stamp}.${kind}`;
}
