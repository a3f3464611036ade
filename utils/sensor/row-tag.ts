// <ronghe-tag>: one per task row, rendered in a closed shadow root so the host's CSS can't reach
// it and ours can't leak out. All tags share one constructable stylesheet.
import type { TagView } from '../messages/to-content';
import { shadowHost } from './shadow-host';

export const TAG_NAME = 'ronghe-tag';

// (The button holds one text node: inline-block is all it needs for max-width and the ellipsis.)
const CSS =
  ':host{display:inline-block;margin-inline-start:6px;vertical-align:middle;line-height:1}' +
  'button{all:unset;box-sizing:border-box;display:inline-block;max-width:14em;padding:2px 6px;border-radius:9px;' +
  'cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font:12px/1.4 system-ui,"Microsoft YaHei",sans-serif;border:1px solid}' +
  'button:focus-visible{outline:2px solid #1d4ed8;outline-offset:1px}' +
  '.p0{color:#9a3412;background:#fff7ed}.p1,.p2,.p3{color:#854d0e;background:#fefce8}.p4{color:#166534;background:#f0fdf4}' +
  '.none{color:#525252;background:#f5f5f5}.unsure{border-style:dashed;outline:1px dashed;outline-offset:1px}';

let sharedSheet: CSSStyleSheet | null | undefined;
function styleSheet(): CSSStyleSheet | null {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(CSS);
    } catch {
      sharedSheet = null; // Chromium < 73 (old 360 builds): fall back to a <style> per tag.
    }
  }
  return sharedSheet;
}

/** Shares the one stylesheet; false where it can't be adopted. Firefox 140 refuses an array made in
 * the content script's world ("Accessing from Xray wrapper is not supported"): a <style> then. */
function adoptSheet(root: ShadowRoot): boolean {
  const sheet = styleSheet();
  if (!sheet || !('adoptedStyleSheets' in root)) return false;
  try {
    root.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    sharedSheet = null;
    return false;
  }
}

interface TagParts { button: HTMLButtonElement; text: Text; view: TagView; texts: TagTexts; onOpen: (key: string) => void }
const shadows = new WeakMap<Element, TagParts>();

export interface TagTexts {
  tooltip(view: TagView): string;
  /** The word for an unsure tag (待确认), said before its label to screen readers. */
  unsure: string;
}

/** The tag whose button this is (a closed root still names its host to whoever holds it). */
const hostOf = (button: HTMLButtonElement) => (button.getRootNode() as ShadowRoot).host;

// One set of listeners for every tag: thousands of rows, no closures per row.
function onClick(this: HTMLButtonElement, event: Event): void {
  // Our click must not also trigger the row's own handlers (open the request, select the row).
  event.stopPropagation();
  event.preventDefault();
  const tag = hostOf(this);
  const parts = shadows.get(tag);
  if (parts) parts.onOpen(tag.getAttribute('data-task-key') ?? '');
}

/** The tooltip (category, action, evidence) is built when someone looks, not for every row. */
function explain(this: HTMLButtonElement): void {
  const parts = shadows.get(hostOf(this));
  if (parts) this.title = parts.texts.tooltip(parts.view);
}

export function createRowTag(view: TagView, texts: TagTexts, onOpen: (key: string) => void): HTMLElement {
  const { host: tag, root } = shadowHost(TAG_NAME, 'closed', 'span');
  if (!adoptSheet(root)) root.append(Object.assign(document.createElement('style'), { textContent: CSS }));
  const button = document.createElement('button');
  button.type = 'button';
  const text = document.createTextNode('');
  button.append(text);
  button.addEventListener('click', onClick);
  button.addEventListener('pointerenter', explain);
  button.addEventListener('focus', explain);
  root.append(button);
  shadows.set(tag, { button, text, view, texts, onOpen });
  updateRowTag(tag, view, texts, true);
  return tag;
}

/** `fresh`: a tag just made, with none of the attributes yet. */
export function updateRowTag(tag: Element, view: TagView, texts: TagTexts, fresh?: boolean): void {
  const set = (name: string, value: string) => {
    if (fresh || tag.getAttribute(name) !== value) tag.setAttribute(name, value);
  };
  set('data-task-key', view.key);
  set('data-category', view.category);
  set('data-action', view.action ?? 'none');
  set('data-phases', String(view.phases));
  const parts = shadows.get(tag);
  if (!parts) return;
  parts.view = view;
  const label = `${view.unsure ? '? ' : ''}${view.label} · ${view.phases}/4`;
  if (parts.text.data !== label) parts.text.data = label;
  // 待确认: a dashed outline and "?" on screen, the word itself for screen readers.
  if (view.unsure) parts.button.setAttribute('aria-label', `${texts.unsure} ${view.label} · ${view.phases}/4`);
  else if (!fresh) parts.button.removeAttribute('aria-label');
  const className = `${view.action ? `p${view.phases}` : 'none'}${view.unsure ? ' unsure' : ''}`;
  if (parts.button.className !== className) parts.button.className = className;
  if (parts.button.title) parts.button.title = texts.tooltip(view);
}
