// The content script's check of what the background pushes to it. Same contract as the zod schema
// in to-content.ts (a property test holds them equal), without shipping zod into every OA frame.
// zod's numbers are finite: Number.isFinite, not typeof.
import type { TagView, ToContent, ToPages } from './to-content';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown, max = Infinity): x is string => typeof x === 'string' && x.length <= max;

function isTagView(x: unknown): x is TagView {
  return (
    isObject(x) &&
    isString(x.key, 200) &&
    isString(x.category, 20) &&
    (x.action === null || isString(x.action, 64)) &&
    isString(x.categoryName) &&
    isString(x.label) &&
    (x.actionName === null || isString(x.actionName)) &&
    Number.isInteger(x.phases) &&
    (x.phases as number) >= 0 &&
    (x.phases as number) <= 4 &&
    Number.isFinite(x.confidence) &&
    (x.unsure === undefined || typeof x.unsure === 'boolean') &&
    isString(x.source) &&
    Array.isArray(x.evidence) &&
    x.evidence.every((e) => isString(e))
  );
}

export function isToContent(x: unknown): x is ToContent {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'tags/updated':
      return Array.isArray(x.tags) && x.tags.every(isTagView);
    case 'panel/open':
      return x.taskKey === undefined || isString(x.taskKey);
    case 'page/has-tasks':
      return Number.isFinite(x.count);
    case 'page/report':
      return true;
    case 'site/selectors':
    case 'selectors/test': {
      const sel = x.selectors;
      return (
        isObject(sel) &&
        isString(sel.row) &&
        isString(sel.title) &&
        (sel.listRoot === undefined || isString(sel.listRoot)) &&
        (sel.nativeId === undefined || isString(sel.nativeId))
      );
    }
    default:
      return false;
  }
}

/** The same check for what the background broadcasts to extension pages (panel, popup). */
export function isToPages(x: unknown): x is ToPages {
  if (!isObject(x)) return false;
  if (x.type === 'tags/updated') return Array.isArray(x.tags) && x.tags.every(isTagView);
  if (x.type === 'tab/changed') return Number.isFinite(x.tabId);
  return false;
}
