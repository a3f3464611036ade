import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATEGORY_IDS, type Rule } from '../../../utils/model';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import { DEFAULT_LEXICON } from '../../../utils/catalog/lexicon';
import { classify, createMatcher, ruleSignature } from '../../../utils/tagging';

const match = createMatcher(DEFAULT_CATALOG, []);

function rule(title: string, category: Rule['category'], id = 'r1', createdAt = 1): Rule {
  return { id, title, signature: ruleSignature(title), category, action: 'joint-inspection', createdAt, source: 'user' };
}

describe('lexicon', () => {
  it('covers every category with many terms', () => {
    expect(DEFAULT_LEXICON.length).toBeGreaterThan(1500);
    for (const id of CATEGORY_IDS) {
      expect(DEFAULT_LEXICON.filter(([, c, w]) => c === id && w > 0).length, id).toBeGreaterThan(30);
    }
  });
});

describe('classification by content', () => {
  it('a flood meeting is emergency first, meeting second', () => {
    const r = match({ title: '关于召开防汛工作会议的通知' });
    expect(r.category).toBe('emergency');
    expect(r.secondary).toBe('meeting');
    expect(r.action).toBe('commando-team');
    expect(r.evidence).toContain('防汛');
    expect(r.ruleId).toBeNull();
  });

  it('general-purpose meetings stay meetings', () => {
    for (const t of ['2024年第三季度局务会议纪要', '关于召开工作会议的通知', '邀请您参加会议：周例会', '关于召开年度总结大会的通知']) {
      expect(match({ title: t }).category, t).toBe('meeting');
    }
  });

  it('uses the workflow field', () => {
    const r = match({ title: '请假申请-张三-2024-05-01', fields: { workflow: '请假申请' } });
    expect(r.category).toBe('admin');
    expect(r.action).toBeNull();
    expect(r.evidence.some((e) => e.startsWith('流程:'))).toBe(true);
    const s = match({ title: '张三提交的待办-2024-05-01', fields: { workflow: '督办事项' } });
    expect(s.category).toBe('supervision');
    expect(s.evidence).toContain('流程:督办事项');
  });

  it('confidence is within 0..1 and higher with clear evidence', () => {
    const clear = match({ title: '关于做好2024年防汛抗旱工作的通知' });
    const vague = match({ title: '关于有关事项的通知' });
    expect(clear.confidence).toBeGreaterThan(0.5);
    expect(vague.confidence).toBeLessThan(0.3);
  });

  it('classify() agrees with createMatcher()', () => {
    const t = '关于收缴2024年第二季度党费的通知';
    expect(classify({ title: t }, DEFAULT_CATALOG, [])).toEqual(match({ title: t }));
  });
});

describe('garbage input', () => {
  it.each(['', '   ', 'hello world', 'asdkjh qweoiu', '\u0000\u0001\u0002', '����', '🙂🙂🙂', 'x'.repeat(100000), '的的的的']) (
    'never throws and is low confidence: %#',
    (title) => {
      const r = match({ title });
      expect(CATEGORY_IDS).toContain(r.category);
      expect(r.confidence).toBeLessThan(0.3);
    },
  );

  it('arbitrary strings never throw (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.option(fc.string({ maxLength: 50 })), (title, workflow) => {
        const r = match({ title, fields: workflow === null ? undefined : { workflow } });
        return CATEGORY_IDS.includes(r.category) && r.confidence >= 0 && r.confidence <= 1;
      }),
      { numRuns: 300 },
    );
  });
});

describe('determinism', () => {
  const titles = ['关于召开防汛工作会议的通知', '12345热线工单：市民反映小区噪音扰民', '公务用车申请', '关于开展政府采购专项检查的通知', '随便'];

  it('same input gives identical output, regardless of call order and matcher instance', () => {
    const forward = titles.map((title) => match({ title }));
    const other = createMatcher(DEFAULT_CATALOG, []);
    const backward = titles.slice().reverse().map((title) => other({ title })).reverse();
    expect(backward).toEqual(forward);
    expect(titles.map((title) => match({ title }))).toEqual(forward);
  });

  it('does not depend on lexicon order', () => {
    const reversed = { ...DEFAULT_CATALOG, lexicon: DEFAULT_LEXICON.slice().reverse() };
    const m2 = createMatcher(reversed, []);
    for (const title of titles) expect(m2({ title })).toEqual(match({ title }));
  });
});

describe('learned rules', () => {
  const r = rule('关于报送第三季度安全台账的通知', 'supervision');
  const withRule = createMatcher(DEFAULT_CATALOG, [r]);

  it('wins over the catalog on the same and similar titles', () => {
    for (const t of ['关于报送第三季度安全台账的通知', '关于报送第四季度安全台账的通知', '【急】关于报送2025年第一季度安全台账的通知']) {
      const c = withRule({ title: t });
      expect(c.category, t).toBe('supervision');
      expect(c.ruleId).toBe('r1');
      expect(c.action).toBe('joint-inspection');
      expect(c.evidence.join(' ')).toContain('规则');
    }
  });

  it('does not apply to unrelated titles', () => {
    for (const t of ['关于报送第三季度财务报表的通知', '关于做好防汛工作的通知', '公务用车申请']) {
      expect(withRule({ title: t }).ruleId, t).toBeNull();
    }
  });

  it('prefers the most similar rule, deterministically', () => {
    const a = rule('关于报送安全台账的通知', 'supervision', 'a', 1);
    const b = rule('关于报送财务台账的通知', 'finance', 'b', 2);
    const m = createMatcher(DEFAULT_CATALOG, [a, b]);
    expect(m({ title: '关于报送2024年财务台账的通知' }).ruleId).toBe('b');
    expect(m({ title: '关于报送2024年安全台账的通知' }).ruleId).toBe('a');
    expect(createMatcher(DEFAULT_CATALOG, [b, a])({ title: '关于报送安全台账的通知' }).ruleId).toBe('a');
  });

  it('recomputes a missing signature', () => {
    const m = createMatcher(DEFAULT_CATALOG, [{ ...r, signature: '' }]);
    expect(m({ title: '关于报送第四季度安全台账的通知' }).ruleId).toBe('r1');
  });
});
