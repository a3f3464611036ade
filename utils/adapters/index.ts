// What the content script calls: which OA this document is, where its task lists are, and
// what each row says. Everything here reads the DOM; nothing writes to it.
import type { SelectorOverride } from '../model';
import { compileList, type Adapter, type CompiledList, type ListSpec } from './adapter-spec';
import { extractList, type ExtractedRow } from './extract-rows';
import { findGenericLists, genericAdapter } from './generic';
import { newScan } from './grid';
import { PRODUCT_ADAPTERS, adapterById, claims, findRoots } from './registry';

export type { ExtractedRow } from './extract-rows';
export type { Adapter } from './adapter-spec';
export { taskKey } from './task-key';
export { normalizeUrgency } from './urgency';
export { headerField } from './header-map';
export { PRODUCT_ADAPTERS } from './registry';

export interface ListMatch {
  adapterId: string;
  product: string;
  confidence: 'product' | 'generic';
  root: Element;
  /** The generic rule that found the list (grid:table, grid:split, list:todo…); none for products. */
  rule?: string;
}

/** Per-site choices from options/policy: a forced adapter id, or selectors for an unknown OA. */
export interface DetectOptions {
  adapterOverride?: string | null;
  selectors?: SelectorOverride | null;
}

const CUSTOM_ID = 'custom';
const matchInfo = new WeakMap<ListMatch, { adapter: Adapter; list: CompiledList }>();

function toMatches(
  adapter: Adapter,
  roots: Array<{ root: Element; list: CompiledList; rule?: string }>,
  confidence: ListMatch['confidence'],
  product = adapter.product,
): ListMatch[] {
  return roots.map(({ root, list, rule }) => {
    const m: ListMatch = { adapterId: adapter.id, product, confidence, root, rule };
    matchInfo.set(m, { adapter, list });
    return m;
  });
}

const pathOf = (url: URL) => url.pathname + url.search + url.hash;

/** An adapter from a site's custom selectors; null when they don't parse (never throws). */
export function adapterFromSelectors(sel: SelectorOverride): Adapter | null {
  const id = sel.nativeId?.trim();
  const at = id ? id.lastIndexOf('@') : -1;
  const ids = !id
    ? []
    : at >= 0
      ? [{ ...(at > 0 ? { sel: id.slice(0, at) } : {}), attr: id.slice(at + 1) }]
      : /^\w+$/.test(id)
        ? [{ attr: id }, { sel: 'a[href]', attr: 'href', param: id }, { sel: 'a[onclick]', attr: 'onclick', param: id }]
        : [];
  const list: ListSpec = { root: sel.listRoot || 'body', row: sel.row, title: sel.title, strictTitle: true, ids };
  // Options validate custom selectors with the zod schema; here a bad one must only fail softly.
  const probe = document.createDocumentFragment();
  try {
    for (const selector of [list.root, list.row, list.title ?? '*', ...ids.map((i) => i.sel ?? '*')]) probe.querySelector(selector);
  } catch {
    return null;
  }
  return {
    spec: null,
    id: CUSTOM_ID,
    product: '自定义',
    priority: 100,
    urlRes: [],
    dom: [sel.row],
    urgency: undefined,
    lists: [compileList(list)],
  };
}

/** The lists a site's custom selectors find in this document (none when they don't parse). */
export function customLists(doc: Document, selectors: SelectorOverride): ListMatch[] {
  newScan();
  const custom = adapterFromSelectors(selectors);
  return custom ? toMatches(custom, findRoots(custom, doc), 'product') : [];
}

export function detectLists(doc: Document, url: URL, options?: DetectOptions): ListMatch[] {
  // The site's own rule where it finds its list; its other pages are read as usual (a rule taught
  // on one list page must not blank the rest of the site).
  // (No optional chaining: for Chromium 88 esbuild writes each one out in full.)
  const custom = options && options.selectors ? customLists(doc, options.selectors) : [];
  if (custom.length) return custom;
  newScan();
  const forced = options?.adapterOverride ? adapterById(options.adapterOverride) : undefined;
  if (forced && forced !== genericAdapter) return toMatches(forced, findRoots(forced, doc), 'product');
  const path = pathOf(url);
  let product: Adapter | undefined;
  if (!forced) {
    for (const adapter of PRODUCT_ADAPTERS) {
      if (!claims(adapter, doc, path)) continue;
      const roots = findRoots(adapter, doc);
      if (roots.length) return toMatches(adapter, roots, 'product');
      product ??= adapter;
    }
  }
  // A known product whose list we don't recognise (a reskinned tenant) still gets the fallback.
  return toMatches(genericAdapter, findGenericLists(doc), 'generic', product?.product ?? genericAdapter.product);
}

function infoOf(match: ListMatch): { adapter: Adapter; list: CompiledList } | undefined {
  const info = matchInfo.get(match);
  if (info) return info;
  // A match rebuilt by the caller: find its list spec again from the root.
  const adapter = adapterById(match.adapterId);
  const list = adapter?.lists.find((l) => match.root.matches(l.root)) ?? adapter?.lists[0];
  return adapter && list ? { adapter, list } : undefined;
}

/** The rows of a list; `from`/`to` index its candidate rows (see rowCount) to read it in slices. */
export function extractRows(match: ListMatch, from?: number, to?: number): ExtractedRow[] {
  const info = infoOf(match);
  return info ? extractList(info.adapter, info.list, match.root, from, to) : [];
}

/** How many candidate rows the list has (extractRows' `to` for all of them). */
export function rowCount(match: ListMatch): number {
  const info = infoOf(match);
  if (!info) return 0;
  const grid = info.list.grid?.(match.root);
  return grid ? grid.rows.length : match.root.querySelectorAll(info.list.row).length;
}

export function detectProduct(doc: Document, url: URL): { adapterId: string; product: string } | null {
  const path = pathOf(url);
  const adapter = PRODUCT_ADAPTERS.find((a) => claims(a, doc, path));
  if (adapter) return { adapterId: adapter.id, product: adapter.product };
  return findGenericLists(doc).length ? { adapterId: genericAdapter.id, product: genericAdapter.product } : null;
}
