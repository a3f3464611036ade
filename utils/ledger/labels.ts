// Chinese labels for the ids the ledger exports.
import type { Catalog, CategoryId, Event, PhaseId, TagSource } from '../model';

type EventType = Event['type'];

export const PRODUCT_NAMES: Readonly<Record<string, string>> = {
  ecology9: '泛微 e-cology 9',
  ecology8: '泛微 e-cology 8',
  seeyon: '致远 A8/G6',
  'landray-ekp': '蓝凌 EKP',
  tongda: '通达 OA',
  'whir-ezoffice': '万户 ezOFFICE',
  generic: '未知 OA（通用识别）',
  custom: '自定义',
};

export const URGENCY_NAMES = ['一般', '加急', '急件', '特急', '特提'] as const;

export const SOURCE_NAMES: Readonly<Record<TagSource, string>> = { auto: '自动', user: '人工', policy: '策略' };

export const EVENT_TYPE_NAMES: Readonly<Record<EventType, string>> = {
  tagged: '标注',
  retagged: '改标',
  'phase-done': '完成环节',
  'phase-undone': '撤销环节',
  note: '备注',
  imported: '导入',
};

export const PHASE_NAMES: Readonly<Record<PhaseId, string>> = {
  plan: '同谋划',
  deploy: '同部署',
  implement: '同落实',
  inspect: '同检查',
};

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A product id as a Chinese name; unknown ids are shown as they are. */
export function productName(product: string): string {
  return has(PRODUCT_NAMES, product) ? PRODUCT_NAMES[product]! : product;
}

export function urgencyName(urgency: number | undefined): string {
  return urgency === undefined ? '' : (URGENCY_NAMES[urgency] ?? '');
}

export function categoryName(catalog: Catalog, id: CategoryId | undefined): string {
  if (!id) return '';
  return catalog.categories.find((c) => c.id === id)?.name ?? id;
}

export function actionName(catalog: Catalog, id: string | null | undefined): string {
  if (!id) return '';
  return catalog.actions.find((a) => a.id === id)?.name ?? id;
}

export function phaseName(catalog: Catalog, id: PhaseId | undefined): string {
  if (!id) return '';
  return catalog.phases.find((p) => p.id === id)?.name || PHASE_NAMES[id];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local time as `YYYY-MM-DD HH:mm`; '' for null/undefined. */
export function formatLocalTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
