// @vitest-environment happy-dom
// <ronghe-tag>'s styles: the shared sheet where it can be adopted, a <style> where the browser
// refuses it (Firefox ESR 140 content scripts throw on adoptedStyleSheets set from their world).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TagView } from '@/utils/messages/to-content';

const view: TagView = { key: 'k1', category: 'emergency', action: 'commando-team', categoryName: '应急与安全', label: '党员突击队', actionName: '党员突击队（急难险重打头阵）', phases: 1, confidence: 0.9, source: 'auto', evidence: ['防汛'] };
const texts = { tooltip: () => '', unsure: '待确认' };

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('row tag styles', () => {
  it('renders with a <style> and keeps its markers when adopting the sheet throws', async () => {
    const original = Element.prototype.attachShadow;
    const roots: ShadowRoot[] = [];
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = original.call(this, init);
      Object.defineProperty(root, 'adoptedStyleSheets', {
        get: () => [],
        set: () => {
          throw new Error('Accessing from Xray wrapper is not supported.');
        },
      });
      roots.push(root);
      return root;
    });
    const { createRowTag } = await import('@/utils/sensor/row-tag');
    const first = createRowTag(view, texts, () => undefined);
    const second = createRowTag({ ...view, key: 'k2' }, texts, () => undefined);
    expect(first.getAttribute('data-task-key')).toBe('k1');
    expect(second.getAttribute('data-phases')).toBe('1');
    expect(roots).toHaveLength(2);
    for (const root of roots) {
      expect(root.querySelector('style')?.textContent).toContain(':host');
      expect(root.querySelector('button')?.textContent).toBe('党员突击队 · 1/4');
    }
  });
});
