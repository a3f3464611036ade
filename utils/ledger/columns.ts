// The ledger's columns, declared once: CSV and XLSX both read this list.
import type { LedgerRow } from './ledger-rows';

export interface LedgerColumn {
  id: keyof LedgerRow;
  /** Header shown in the exported files. */
  zh: string;
  en: string;
  /** XLSX column width, in characters. */
  width: number;
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { id: 'product', zh: 'OA 产品', en: 'OA product', width: 16 },
  { id: 'origin', zh: '站点', en: 'Site', width: 26 },
  { id: 'taskKey', zh: '任务编号', en: 'Task key', width: 30 },
  { id: 'title', zh: '标题', en: 'Title', width: 48 },
  { id: 'sender', zh: '发起人/来文单位', en: 'Sender', width: 16 },
  { id: 'category', zh: '业务类别', en: 'Business category', width: 14 },
  { id: 'action', zh: '党建动作', en: 'Party-building action', width: 32 },
  { id: 'urgency', zh: '紧急程度', en: 'Urgency', width: 10 },
  { id: 'receivedAt', zh: '接收时间', en: 'Received', width: 18 },
  { id: 'deadline', zh: '办理期限', en: 'Deadline', width: 18 },
  { id: 'planAt', zh: '同谋划完成时间', en: 'Plan done at', width: 18 },
  { id: 'planNote', zh: '同谋划备注', en: 'Plan note', width: 24 },
  { id: 'deployAt', zh: '同部署完成时间', en: 'Deploy done at', width: 18 },
  { id: 'deployNote', zh: '同部署备注', en: 'Deploy note', width: 24 },
  { id: 'implementAt', zh: '同落实完成时间', en: 'Implement done at', width: 18 },
  { id: 'implementNote', zh: '同落实备注', en: 'Implement note', width: 24 },
  { id: 'inspectAt', zh: '同检查完成时间', en: 'Inspect done at', width: 18 },
  { id: 'inspectNote', zh: '同检查备注', en: 'Inspect note', width: 24 },
  { id: 'integrated', zh: '是否融合完成', en: 'Integrated', width: 12 },
  { id: 'source', zh: '来源', en: 'Source', width: 8 },
  { id: 'taggedAt', zh: '标注时间', en: 'Tagged at', width: 18 },
  { id: 'updatedAt', zh: '最后更新', en: 'Last updated', width: 18 },
];

/** The cells of one row, in column order. */
export function rowCells(row: LedgerRow): string[] {
  return LEDGER_COLUMNS.map((c) => row[c.id]);
}
