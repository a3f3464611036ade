// The versioned JSON backup: the whole ledger (tasks, tags, events, rules) with a checksum, so
// a colleague's file can be checked before anything is merged into the store.
//
// File layout (version 2; version 1 had no profile and no details, and is still read):
//   { format: 'ronghe-ledger', version: 2, exportedAt: ISO-8601, origin: 'ronghe', appVersion?,
//     profile?: {personName, department, branch, unit},
//     counts: {tasks, tags, events, rules, details}, checksum: 'sha256-<hex>', data: {tasks, tags, events, rules, details} }
// checksum = SHA-256 of canonicalJson(data) (keys sorted, no whitespace), so re-indenting the
// file keeps it valid while any change to a record, or a truncated array, does not.
import { z } from 'zod';
import type { StoreDump } from '../store/transfer';
import { Profile } from '../model';
import { ImportData } from '../store/transfer';
import { canonicalJson, sha256Hex } from './canonical';
import { ledgerError, type LedgerError } from './errors';
import { scanJson } from './json-scan';

export const BACKUP_FORMAT = 'ronghe-ledger';
export const BACKUP_VERSION = 2;
/** Versions this program reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];
/** Limits checked before any deep validation. The UI should also check File.size first. */
export const MAX_BACKUP_CHARS = 50 * 1024 * 1024;
export const MAX_BACKUP_RECORDS = 200_000;
/** Longer than any string the model allows (the longest is a 2000-char URL or note). */
export const MAX_STRING_CHARS = 10_000;

const KINDS = ['tasks', 'tags', 'events', 'rules', 'details'] as const;
type Kind = (typeof KINDS)[number];
const KIND_ZH: Record<Kind, string> = { tasks: '任务', tags: '标注', events: '事件', rules: '规则', details: '台账信息' };
const KIND_KEY: Record<Kind, string> = { tasks: 'key', tags: 'taskKey', events: 'id', rules: 'id', details: 'taskKey' };

export type BackupCounts = Record<Kind, number>;

export interface BackupMeta {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  appVersion?: string;
  /** Whose ledger this is (version 2). */
  profile?: Profile;
  counts: BackupCounts;
  checksum: string;
}

export type ParseBackupResult = { ok: true; dump: StoreDump; meta: BackupMeta } | { ok: false; error: LedgerError };

const count = z.number().int().nonnegative();
const Envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string().max(40),
  origin: z.literal('ronghe').optional(),
  appVersion: z.string().max(40).optional(),
  profile: Profile.optional(),
  counts: z.object({ tasks: count, tags: count, events: count, rules: count, details: count.optional() }),
  checksum: z.string().regex(/^sha256-[0-9a-f]{64}$/),
  data: z.object({
    tasks: z.array(z.unknown()),
    tags: z.array(z.unknown()),
    events: z.array(z.unknown()),
    rules: z.array(z.unknown()),
    details: z.array(z.unknown()).optional(),
  }),
});

/** The five record lists, as plain JSON (undefined fields dropped). */
function dataOf(dump: StoreDump): Record<Kind, unknown[]> {
  return JSON.parse(JSON.stringify({ tasks: dump.tasks, tags: dump.tags, events: dump.events, rules: dump.rules, details: dump.details ?? [] })) as Record<Kind, unknown[]>;
}

/**
 * The backup file's text. One record a line, so a file stays diffable and readable.
 * `exportedAt` defaults to now.
 */
export async function toBackup(dump: StoreDump, meta: { exportedAt?: number; appVersion?: string; profile?: Profile } = {}): Promise<string> {
  const data = dataOf(dump);
  const checksum = await sha256Hex(canonicalJson(data));
  const head: Record<string, unknown> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(meta.exportedAt ?? Date.now()).toISOString(),
    origin: 'ronghe',
    ...(meta.appVersion !== undefined ? { appVersion: meta.appVersion } : {}),
    ...(meta.profile !== undefined ? { profile: meta.profile } : {}),
    counts: { tasks: data.tasks.length, tags: data.tags.length, events: data.events.length, rules: data.rules.length, details: data.details.length },
    checksum,
  };
  const headLines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const lists = KINDS.map((kind) => {
    const records = data[kind].map((r) => `      ${JSON.stringify(r)}`);
    return records.length === 0 ? `    ${JSON.stringify(kind)}: []` : `    ${JSON.stringify(kind)}: [\n${records.join(',\n')}\n    ]`;
  });
  return `{\n${headLines.join('\n')}\n  "data": {\n${lists.join(',\n')}\n  }\n}\n`;
}

const fail = (error: LedgerError): ParseBackupResult => ({ ok: false, error });
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Validates a backup file's text completely; nothing is trusted before this returns ok. */
export async function parseBackup(text: string): Promise<ParseBackupResult> {
  if (text.length > MAX_BACKUP_CHARS) {
    return fail(ledgerError('too-large', '文件过大（超过 50 MB）', 'The file is too large (over 50 MB)'));
  }
  if (typeof text !== 'string' || text.replace(/^\uFEFF/, '').trim() === '') {
    return fail(ledgerError('empty', '文件为空', 'The file is empty'));
  }
  const body = text.replace(/^\uFEFF/, '');
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    const looksOurs = body.trimStart().startsWith('{') && body.slice(0, 400).includes(BACKUP_FORMAT);
    return fail(
      looksOurs
        ? ledgerError('not-json', '文件不是有效的 JSON，可能已被截断或损坏', 'The file is not valid JSON; it may be truncated or damaged')
        : ledgerError('not-json', '文件不是有效的 JSON', 'The file is not valid JSON'),
    );
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root) || !own(root, 'format') || (root as { format: unknown }).format !== BACKUP_FORMAT) {
    return fail(ledgerError('wrong-format', '不是融合台账备份文件（format 应为 ronghe-ledger）', 'Not a Ronghe ledger backup (format must be "ronghe-ledger")'));
  }
  const version = own(root, 'version') ? (root as { version: unknown }).version : undefined;
  if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    const shown = typeof version === 'number' || typeof version === 'string' ? String(version).slice(0, 20) : '缺失';
    return fail(
      ledgerError(
        'wrong-version',
        `不支持的备份版本 ${shown}（本程序支持版本 ${BACKUP_VERSION}），请升级融合助手后再导入`,
        `Unsupported backup version ${shown === '缺失' ? 'missing' : shown} (this version reads ${BACKUP_VERSION}); update Ronghe and try again`,
      ),
    );
  }
  const problem = scanJson(body, MAX_STRING_CHARS);
  if (problem) {
    switch (problem.kind) {
      case 'unsafe-key':
        return fail(ledgerError('invalid', `文件包含不安全的键名 "${problem.key}"（位置 ${problem.offset}）`, `The file contains an unsafe key "${problem.key}" (at ${problem.offset})`));
      case 'duplicate-key':
        return fail(ledgerError('invalid', `文件中同一对象含重复的键 "${problem.key.slice(0, 60)}"（位置 ${problem.offset}）`, `The file repeats the key "${problem.key.slice(0, 60)}" in one object (at ${problem.offset})`));
      case 'long-string':
        return fail(ledgerError('invalid', `文件包含过长的文本（${problem.length} 字符，位置 ${problem.offset}）`, `The file contains an over-long string (${problem.length} characters, at ${problem.offset})`));
    }
  }
  const envelope = Envelope.safeParse(root);
  if (!envelope.success) {
    const where = envelope.error.issues[0]?.path.join('.') || '?';
    return fail(ledgerError('wrong-format', `备份文件头不完整或有误（${where}）`, `The backup header is incomplete or wrong (${where})`));
  }
  const { counts: rawCounts, checksum } = envelope.data;
  // Version 1 has no details: its checksum covers the four lists only.
  const v1 = envelope.data.version === 1;
  if (v1 && (envelope.data.data.details !== undefined || rawCounts.details !== undefined)) {
    return fail(ledgerError('wrong-format', '备份文件头不完整或有误（version）', 'The backup header is incomplete or wrong (version)'));
  }
  if (!v1 && (envelope.data.data.details === undefined || rawCounts.details === undefined)) {
    return fail(ledgerError('wrong-format', '备份文件头不完整或有误（data.details）', 'The backup header is incomplete or wrong (data.details)'));
  }
  const data: Record<Kind, unknown[]> = { ...envelope.data.data, details: envelope.data.data.details ?? [] };
  const counts: BackupCounts = { ...rawCounts, details: rawCounts.details ?? 0 };
  const total = KINDS.reduce((n, k) => n + data[k].length, 0);
  if (total > MAX_BACKUP_RECORDS) {
    return fail(ledgerError('too-large', `记录过多（${total} 条，上限 ${MAX_BACKUP_RECORDS} 条）`, `Too many records (${total}, the limit is ${MAX_BACKUP_RECORDS})`));
  }
  for (const kind of KINDS) {
    if (counts[kind] !== data[kind].length) {
      return fail(
        ledgerError(
          'bad-checksum',
          `${KIND_ZH[kind]}记录数与文件头不符（应为 ${counts[kind]}，实为 ${data[kind].length}），文件可能被截断或修改`,
          `The number of ${kind} (${data[kind].length}) differs from the header (${counts[kind]}); the file may be truncated or altered`,
        ),
      );
    }
  }
  const summed = v1 ? { tasks: data.tasks, tags: data.tags, events: data.events, rules: data.rules } : data;
  if ((await sha256Hex(canonicalJson(summed))) !== checksum) {
    return fail(ledgerError('bad-checksum', '校验和不匹配，文件可能被截断或修改', 'Checksum mismatch: the file may be truncated or altered'));
  }
  const parsed = ImportData.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [kind, index, ...field] = issue.path;
    const k = (KINDS as readonly unknown[]).includes(kind) ? (kind as Kind) : null;
    const fieldPath = field.map(String).join('.') || '(记录本身 / the record)';
    const extra = parsed.error.issues.length > 1 ? `（另有 ${parsed.error.issues.length - 1} 处）` : '';
    const extraEn = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    return fail(
      k && typeof index === 'number'
        ? ledgerError(
            'invalid',
            `第 ${index + 1} 条${KIND_ZH[k]}记录无效：${fieldPath}（${issue.message}）${extra}`,
            `Invalid ${k} record #${index + 1} (${k}[${index}].${fieldPath}: ${issue.message})${extraEn}`,
          )
        : ledgerError('invalid', `备份数据无效：${issue.message}`, `Invalid backup data: ${issue.message}`),
    );
  }
  const dump: StoreDump = parsed.data;
  for (const kind of KINDS) {
    const keyField = KIND_KEY[kind];
    const seen = new Map<string, number>();
    const records = dump[kind] as readonly Record<string, unknown>[];
    for (let i = 0; i < records.length; i++) {
      const key = String(records[i]![keyField]);
      const first = seen.get(key);
      if (first !== undefined) {
        return fail(
          ledgerError(
            'invalid',
            `第 ${i + 1} 条${KIND_ZH[kind]}记录与第 ${first + 1} 条重复（${keyField} 相同）`,
            `${kind} record #${i + 1} duplicates #${first + 1} (same ${keyField})`,
          ),
        );
      }
      seen.set(key, i);
    }
  }
  const exportedAt = Date.parse(envelope.data.exportedAt);
  return {
    ok: true,
    dump,
    meta: {
      format: BACKUP_FORMAT,
      version: envelope.data.version,
      exportedAt: Number.isNaN(exportedAt) ? 0 : exportedAt,
      ...(envelope.data.appVersion !== undefined ? { appVersion: envelope.data.appVersion } : {}),
      ...(envelope.data.profile !== undefined ? { profile: envelope.data.profile } : {}),
      counts,
      checksum,
    },
  };
}
