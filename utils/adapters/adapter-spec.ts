// An adapter is data: where a product's task lists are and how to read a row (its schema is in
// adapter-schema.ts). This module only compiles specs; it ships in the content script.
import type { RowReport } from '../model';
import type { AdapterSpec, ListSpec } from './adapter-schema';
import type { GridRows } from './grid';
import type { FieldName } from './header-map';
import type { UrgencyScale } from './urgency';

export type { AdapterSpec, ListSpec };


export interface CompiledList extends ListSpec {
  idRes: Array<RegExp | null>;
  headingRe: RegExp | null;
  notHeadingRe: RegExp | null;
  /** A grid read from its structure (generic fallback): header and rows joined across parts. */
  grid?: (root: Element) => GridRows | null;
}

/** Product knowledge that data can't say (e.g. parsing a sender out of an EKP subject). */
export interface AdapterHooks {
  refine?(report: RowReport, row: Element): void;
}

export interface Adapter extends AdapterHooks {
  spec: AdapterSpec | null;
  id: string;
  product: string;
  priority: number;
  urlRes: RegExp[];
  dom: string[];
  urgency: UrgencyScale | undefined;
  lists: CompiledList[];
}

const paramRe = (p: string) => new RegExp(`(?:^|\\W)${p}\\s*=\\s*['"]?(-?[\\w.-]+)`, 'i');

export function compileList(list: ListSpec): CompiledList {
  return {
    ...list,
    idRes: (list.ids ?? []).map((s) => (s.param ? paramRe(s.param) : s.re ? new RegExp(s.re, 'i') : null)),
    headingRe: list.heading ? new RegExp(list.heading) : null,
    notHeadingRe: list.notHeading ? new RegExp(list.notHeading) : null,
  };
}

/** Compiles a spec's patterns once. Specs are validated by the registry test, not at runtime. */
export function defineAdapter(spec: AdapterSpec, hooks: AdapterHooks = {}): Adapter {
  return {
    ...hooks,
    spec,
    id: spec.id,
    product: spec.product,
    priority: spec.priority,
    urlRes: spec.url.map((u) => new RegExp(u, 'i')),
    dom: spec.dom,
    urgency: spec.urgency,
    lists: spec.lists.map(compileList),
  };
}

export type { FieldName };
