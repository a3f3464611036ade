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

/**
 * The columns of the 融合台账 as real templates have them (the printed ledger shows these, and
 * they come first in CSV and XLSX; the XLSX print area is exactly these).
 */
export const TEMPLATE_COLUMNS: readonly LedgerColumn[] = [
  { id: 'seq', zh: '序号', en: 'No.', width: 6 },
  { id: 'task', zh: '业务工作任务', en: 'Business task', width: 40 },
  { id: 'sender', zh: '任务来源/来文单位', en: 'Source', width: 16 },
  { id: 'leadDept', zh: '牵头处室', en: 'Lead department', width: 14 },
  { id: 'owner', zh: '责任人', en: 'Responsible', width: 10 },
  { id: 'action', zh: '党建动作', en: 'Party-building action', width: 24 },
  { id: 'members', zh: '参与党员', en: 'Party members', width: 16 },
  { id: 'plan', zh: '同谋划', en: 'Plan together', width: 18 },
  { id: 'deploy', zh: '同部署', en: 'Deploy together', width: 18 },
  { id: 'implement', zh: '同落实', en: 'Implement together', width: 18 },
  { id: 'inspect', zh: '同检查', en: 'Inspect together', width: 18 },
  { id: 'dueDate', zh: '完成时限', en: 'Due', width: 12 },
  { id: 'completedAt', zh: '实际完成时间', en: 'Completed', width: 12 },
  { id: 'outcome', zh: '完成情况', en: 'Outcome', width: 24 },
  { id: 'status', zh: '状态', en: 'Status', width: 8 },
  { id: 'evidence', zh: '佐证材料', en: 'Evidence', width: 24 },
  { id: 'remark', zh: '备注', en: 'Remarks', width: 16 },
];

/** Beyond the template: whose row it is, and the data behind it (for sorting and merging). */
export const EXTRA_COLUMNS: readonly LedgerColumn[] = [
  { id: 'branch', zh: '所属支部', en: 'Party branch', width: 14 },
  { id: 'unit', zh: '单位', en: 'Unit', width: 16 },
  { id: 'ownerDept', zh: '责任人处室', en: 'Responsible\'s department', width: 14 },
  { id: 'docMark', zh: '文号', en: 'Document number', width: 16 },
  { id: 'product', zh: 'OA 产品', en: 'OA product', width: 16 },
  { id: 'origin', zh: '站点', en: 'Site', width: 26 },
  { id: 'taskKey', zh: '任务编号', en: 'Task key', width: 30 },
  { id: 'title', zh: '标题', en: 'Title', width: 48 },
  { id: 'category', zh: '业务类别', en: 'Business category', width: 14 },
  { id: 'urgency', zh: '紧急程度', en: 'Urgency', width: 10 },
  { id: 'receivedAt', zh: '接收时间', en: 'Received', width: 18 },
  { id: 'deadline', zh: 'OA 办理期限', en: 'OA deadline', width: 18 },
  { id: 'planAt', zh: '同谋划完成时间', en: 'Plan done at', width: 18 },
  { id: 'planNote', zh: '同谋划备注', en: 'Plan note', width: 24 },
  { id: 'deployAt', zh: '同部署完成时间', en: 'Deploy done at', width: 18 },
  { id: 'deployNote', zh: '同部署备注', en: 'Deploy note', width: 24 },
  { id: 'implementAt', zh: '同落实完成时间', en: 'Implement done at', width: 18 },
  { id: 'implementNote', zh: '同落实备注', en: 'Implement note', width: 24 },
  { id: 'inspectAt', zh: '同检查完成时间', en: 'Inspect done at', width: 18 },
  { id: 'inspectNote', zh: '同检查备注', en: 'Inspect note', width: 24 },
  { id: 'integrated', zh: '是否融合完成', en: 'Integrated', width: 12 },
  { id: 'source', zh: '标注来源', en: 'Tag source', width: 8 },
  { id: 'taggedAt', zh: '标注时间', en: 'Tagged at', width: 18 },
  { id: 'updatedAt', zh: '最后更新', en: 'Last updated', width: 18 },
];

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [...TEMPLATE_COLUMNS, ...EXTRA_COLUMNS];

/** The cells of one row, in column order. */
export function rowCells(row: LedgerRow): string[] {
  return LEDGER_COLUMNS.map((c) => row[c.id]);
}
