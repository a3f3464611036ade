// @vitest-environment happy-dom
// The row tag's 待确认 look: "?" on screen, the word in the accessible name, a dashed class; the
// contract attributes stay exactly the four of contract.md.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRowTag, updateRowTag } from '@/utils/sensor/row-tag';
import type { TagView } from '@/utils/messages/to-content';

const view: TagView = {
  key: 'k1', category: 'admin', action: null, categoryName: '日常事务', label: '日常事务', actionName: null,
  phases: 0, confidence: 0.28, source: 'auto', evidence: [],
};
const texts = { tooltip: (v: TagView) => (v.unsure ? '待确认\n' : '') + v.categoryName, unsure: '待确认' };

/** The closed shadow root is opened for the test only, to look at the button. */
function mountTag(v: TagView) {
  const original = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    return original.call(this, { ...init, mode: 'open' });
  });
  const tag = createRowTag(v, texts, () => {});
  spy.mockRestore();
  return { tag, button: tag.shadowRoot!.querySelector('button')! };
}

afterEach(() => vi.restoreAllMocks());

describe('row tag 待确认', () => {
  it('an unsure tag says so: "?" on screen, 待确认 in its name and tooltip, dashed class', () => {
    const { tag, button } = mountTag({ ...view, unsure: true });
    expect(button.textContent).toBe('? 日常事务 · 0/4');
    expect(button.getAttribute('aria-label')).toBe('待确认 日常事务 · 0/4');
    expect(button.className).toContain('unsure');
    button.dispatchEvent(new window.Event('focus'));
    expect(button.title.startsWith('待确认')).toBe(true);
    expect(tag.getAttributeNames().sort()).toEqual(['data-action', 'data-category', 'data-phases', 'data-task-key']);
  });

  it('confirming (a view without unsure) takes the look away', () => {
    const { tag, button } = mountTag({ ...view, unsure: true });
    updateRowTag(tag, view, texts);
    expect(button.textContent).toBe('日常事务 · 0/4');
    expect(button.hasAttribute('aria-label')).toBe(false);
    expect(button.className).not.toContain('unsure');
    expect(tag.getAttribute('data-category')).toBe('admin');
  });
});
