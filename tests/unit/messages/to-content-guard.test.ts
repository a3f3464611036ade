import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ToContent, ToPages, ToPicker } from '@/utils/messages/to-content';
import { isToPicker } from '@/utils/messages/to-picker-guard';
import { isToContent, isToPages } from '@/utils/messages/to-content-guard';

const tagView = fc.record({
  key: fc.oneof(fc.string({ maxLength: 10 }), fc.string({ minLength: 195, maxLength: 205 })),
  category: fc.oneof(fc.constantFrom('emergency', 'admin'), fc.string({ maxLength: 25 })),
  action: fc.oneof(fc.constant(null), fc.constantFrom('commando-team'), fc.string({ maxLength: 70 })),
  categoryName: fc.oneof(fc.string(), fc.integer()),
  label: fc.string(),
  actionName: fc.oneof(fc.constant(null), fc.string()),
  phases: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.double()),
  confidence: fc.oneof(fc.double(), fc.constant(Number.NaN)),
  source: fc.oneof(fc.constantFrom('auto', 'user'), fc.integer()),
  evidence: fc.oneof(fc.array(fc.string()), fc.array(fc.oneof(fc.string(), fc.integer()))),
});

const message = fc.oneof(
  fc.record({ type: fc.constant('tags/updated'), tags: fc.array(tagView, { maxLength: 3 }) }),
  fc.record({ type: fc.constant('panel/open'), taskKey: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('page/has-tasks'), count: fc.oneof(fc.integer(), fc.double(), fc.string()) }),
  fc.record({ type: fc.constant('page/report') }),
  fc.record({
    type: fc.constantFrom('selectors/test', 'site/selectors'),
    selectors: fc.oneof(
      fc.record({ listRoot: fc.oneof(fc.string(), fc.integer()), row: fc.string(), title: fc.oneof(fc.string(), fc.constant(null)), nativeId: fc.string() }, { requiredKeys: ['row'] }),
      fc.anything(),
    ),
  }),
  fc.record({ type: fc.string() }),
  fc.anything(),
);

describe('the content script guard', () => {
  it('accepts exactly what the zod contract accepts', () => {
    fc.assert(
      fc.property(message, (m) => {
        expect(isToContent(m)).toBe(ToContent.safeParse(m).success);
      }),
      { numRuns: 20000 },
    );
  });

  it('accepts exactly the broadcasts to extension pages that the zod contract accepts', () => {
    const pages = fc.oneof(
      fc.record({ type: fc.constant('tags/updated'), tags: fc.array(tagView, { maxLength: 3 }) }),
      fc.record({ type: fc.constant('tab/changed'), tabId: fc.oneof(fc.integer(), fc.double(), fc.string()) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(pages, (m) => {
        expect(isToPages(m)).toBe(ToPages.safeParse(m).success);
      }),
      { numRuns: 20000 },
    );
  });

  it('the picker accepts exactly what the ToPicker contract accepts', () => {
    const count = fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double(), fc.string(), fc.constant(null));
    const picker = fc.oneof(
      fc.record({
        type: fc.constant('picker/status'),
        pick: fc.oneof(fc.constant(null), fc.string({ maxLength: 45 }), fc.integer()),
        rows: count,
        problem: fc.oneof(fc.constant(null), fc.constantFrom('header', 'nav', 'single', 'few', 'empty', 'menu'), fc.integer()),
      }, { requiredKeys: ['type'] }),
      fc.record({ type: fc.constant('picker/confirm') }),
      fc.record({ type: fc.constant('picker/end'), saved: count }, { requiredKeys: ['type'] }),
      fc.record({ type: fc.string() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(picker, (m) => {
        expect(isToPicker(m)).toBe(ToPicker.safeParse(m).success);
      }),
      { numRuns: 20000 },
    );
  });
});
