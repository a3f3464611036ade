// Titles are cut at 500 UTF-16 units (extract-rows.ts, with clip): never inside a surrogate pair (a lone half becomes U+FFFD in
// a CSV and is dropped from an XLSX).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clip } from '../../../utils/adapters/dom-text';

const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('clip', () => {
  it('never splits a surrogate pair', () => {
    // 499 BMP characters and then an astral one: a plain cut at 500 keeps only its first half.
    const title = `${'关'.repeat(499)}😀${'通知'.repeat(5)}`;
    const cut = clip(title, 500);
    expect(cut).toBe('关'.repeat(499));
    expect(hasLoneSurrogate(cut)).toBe(false);
    expect(clip('短标题', 500)).toBe('短标题');
  });

  it('property: a prefix of the input, at most max long, with no lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (s, max) => {
        const cut = clip(s, max);
        expect(s.startsWith(cut)).toBe(true);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.length).toBeGreaterThanOrEqual(Math.min(s.length, max) - 1);
        if (!hasLoneSurrogate(s)) expect(hasLoneSurrogate(cut)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
