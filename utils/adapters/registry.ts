// The product adapters, highest priority first. Adding a product = one file + one line here
// + fixtures under tests/fixtures/oa/<id>/ (the registry test insists).
import type { Adapter, CompiledList } from './adapter-spec';
import { nearestHeading } from './dom-text';
import { ecology8 } from './ecology8';
import { ecology9 } from './ecology9';
import { genericAdapter } from './generic';
import { landrayEkp } from './landray-ekp';
import { seeyon } from './seeyon';
import { tongda } from './tongda';
import { whirEzoffice } from './whir-ezoffice';

const byPriority = (a: Adapter, b: Adapter) => b.priority - a.priority;
// A fresh literal sorted in place (toSorted needs Chromium 110; government browsers run 86–102).
// oxlint-disable-next-line unicorn/no-array-sort
export const PRODUCT_ADAPTERS: readonly Adapter[] = [ecology9, ecology8, seeyon, landrayEkp, tongda, whirEzoffice].sort(byPriority);

export function adapterById(id: string): Adapter | undefined {
  return id === genericAdapter.id ? genericAdapter : PRODUCT_ADAPTERS.find((a) => a.id === id);
}

/** The URL signature (unanchored, over path+query+hash) or a distinctive DOM signature. */
export function claims(adapter: Adapter, doc: Document, path: string): boolean {
  return adapter.urlRes.some((re) => re.test(path)) || adapter.dom.some((sel) => doc.querySelector(sel) !== null);
}

/** Every list root of the adapter in the document, in declaration then document order. */
export function findRoots(adapter: Adapter, doc: Document): Array<{ root: Element; list: CompiledList }> {
  const found: Array<{ root: Element; list: CompiledList }> = [];
  const seen = new Set<Element>();
  for (const list of adapter.lists) {
    for (const hit of doc.querySelectorAll(list.root)) {
      const root = list.rootClosest ? hit.closest(list.rootClosest) : hit;
      if (!root || seen.has(root) || root.closest('ronghe-panel')) continue;
      seen.add(root);
      // Lists are declared most specific first: a later root overlapping an earlier one is the same list.
      if (found.some((f) => f.root.contains(root) || root.contains(f.root))) continue;
      if (list.headingRe || list.notHeadingRe || list.has) {
        const heading = nearestHeading(root);
        if (list.notHeadingRe?.test(heading)) continue;
        // A shared template (portal sections) is a task list by its heading or by its links.
        const byHeading = list.headingRe?.test(heading) ?? false;
        const byContent = list.has ? root.querySelector(list.has) !== null : false;
        if ((list.headingRe || list.has) && !byHeading && !byContent) continue;
      }
      found.push({ root, list });
    }
  }
  return found;
}
