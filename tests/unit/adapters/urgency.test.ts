// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { normalizeUrgency, titleUrgency } from '../../../utils/adapters/urgency';

describe('normalizeUrgency', () => {
  it.each([
    ['一般', 0], ['普通', 0], ['正常', 0], ['平件', 0], ['加急', 1], ['平急', 1], ['重要', 1],
    ['急件', 2], ['急', 2], ['非常重要', 2], ['特急', 3], ['紧急', 3], ['特提', 4], [' 特急 ', 3],
  ] as const)('text %s → %d', (raw, v) => expect(normalizeUrgency(raw)).toBe(v));

  it('reads e-cology requestlevel: 0 正常, 1 重要 → 加急, 2 紧急 → 特急', () => {
    expect([0, 1, 2].map((n) => normalizeUrgency(String(n), 'ecology'))).toEqual([0, 1, 3]);
    expect(normalizeUrgency('3', 'ecology')).toBeUndefined();
  });

  it('reads Seeyon importance 1–5 (普通 … 特提), also from an icon class', () => {
    expect([1, 2, 3, 4, 5].map((n) => normalizeUrgency(String(n), 'seeyon'))).toEqual([0, 1, 2, 3, 4]);
    expect(normalizeUrgency('ico16 importance_4', 'seeyon')).toBe(3);
  });

  it('reads ezOFFICE _huanji_str 0–4 as is', () => {
    expect([0, 1, 2, 3, 4].map((n) => normalizeUrgency(String(n), 'whir'))).toEqual([0, 1, 2, 3, 4]);
  });

  it('returns undefined for nothing or noise', () => {
    expect(normalizeUrgency('')).toBeUndefined();
    expect(normalizeUrgency(null)).toBeUndefined();
    expect(normalizeUrgency('机密')).toBeUndefined();
    expect(normalizeUrgency('9')).toBeUndefined();
  });
});

describe('titleUrgency', () => {
  it('reads system prefixes', () => {
    expect(titleUrgency('【特急】关于森林防火的通知')).toBe(3);
    expect(titleUrgency('[急]关于报送材料的通知')).toBe(2);
    expect(titleUrgency('（加急）请示')).toBe(1);
    expect(titleUrgency('关于特急事项处理的通知')).toBeUndefined();
  });
});
