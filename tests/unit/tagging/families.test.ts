// Corrections teach whole families (issue 10): after ONE correction, ≥ 90% of a family of similar
// titles follows it, and ≤ 2% of unrelated titles change. Families:
//   - series prefixes: the same 督办单, 12345 工单, 市长信箱转办件 or 信息专报 prefix with
//     different subjects (familyKey, rule-match.ts);
//   - periodic series: the same subject with other periods, numbers and dates (the Dice match).
// Subjects are real published titles (citizen-wenzheng-b, real-gov-titles-2); the rule is built
// exactly as the background's correct() builds it. Unrelated titles: every held-out title.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import { createMatcher, normalizeTitle, ruleSignature } from '../../../utils/tagging';
import type { CategoryId, Rule } from '../../../utils/model';
import { heldOutTitles } from './held-out-titles';
import { readLabelled } from '../../../scripts/bench/accuracy';

const root = resolve(__dirname, '../../..');
const citizen = readLabelled(resolve(root, 'tests/data/citizen-wenzheng-b.tsv')).map((r) => r.title);
const gov = readLabelled(resolve(root, 'tests/data/real-gov-titles-2.tsv')).map((r) => normalizeTitle(r.title).core).filter((s) => s.length >= 6);

function ruleFor(title: string, category: CategoryId, at = 1): Rule {
  const action = DEFAULT_CATALOG.categories.find((c) => c.id === category)!.defaultAction;
  return { id: `rule-${at}`, title, signature: ruleSignature(title), category, action, createdAt: at, source: 'user' };
}

const pick = <T,>(xs: T[], n: number, offset: number) => Array.from({ length: n }, (_, i) => xs[(offset + i * 7) % xs.length]!);

const FAMILIES: { name: string; target: CategoryId; members: string[] }[] = [
  {
    // An organisation that files its hotline orders as 办件 corrects one to 政务服务.
    name: '12345 热线工单 prefix',
    target: 'service',
    members: pick(citizen, 30, 0).map((s, i) => `12345热线工单（编号2024${String(1000 + i)}）：${s}`),
  },
  {
    // …or its mailbox referrals to 民生与基层.
    name: '市长信箱转办件 prefix',
    target: 'livelihood',
    members: pick(citizen, 30, 3).map((s) => `【市长信箱转办件】${s}`),
  },
  {
    name: '市政府督办单 prefix',
    target: 'supervision',
    members: pick(gov, 30, 1).map((s, i) => `市政府督办单〔2024〕第${i + 1}号：关于${s}的督办`),
  },
  {
    name: '政务信息专报 series',
    target: 'publicity',
    members: pick(gov, 30, 5).map((s, i) => `政务信息专报（第${i + 1}期）：${s}`),
  },
  {
    name: 'periodic report, same subject',
    target: 'finance',
    members: ['一', '二', '三', '四'].flatMap((q) => ['2023', '2024', '2025'].map((y) => `关于报送${y}年第${q}季度机关节能降耗台账的通知`)),
  },
];

describe('one correction teaches a family', () => {
  const unrelated = heldOutTitles(root);
  const plain = createMatcher(DEFAULT_CATALOG, []);
  const before = unrelated.map((title) => plain({ title }).category);

  it.each(FAMILIES)('$name: ≥ 90% of the family follows, ≤ 2% of unrelated titles change', ({ target, members }) => {
    const [first, ...rest] = members;
    const taught = createMatcher(DEFAULT_CATALOG, [ruleFor(first!, target)]);
    const followed = rest.filter((title) => taught({ title }).category === target).length;
    const alreadyThere = rest.filter((title) => plain({ title }).category === target).length;
    const changed = unrelated.filter((title, i) => taught({ title }).category !== before[i]).length;
    console.log(
      `family follows ${followed}/${rest.length} (without the correction ${alreadyThere}); unrelated changed ${changed}/${unrelated.length}`,
    );
    expect(alreadyThere / rest.length).toBeLessThan(0.9); // the correction, not the lexicon, does it
    expect(followed / rest.length).toBeGreaterThanOrEqual(0.9);
    expect(changed / unrelated.length).toBeLessThanOrEqual(0.02);
  });

  it('a prefix that names no series (收文登记, 请阅) is not a family', () => {
    const taught = createMatcher(DEFAULT_CATALOG, [ruleFor('收文登记：关于做好防汛工作的通知', 'admin')]);
    expect(taught({ title: '收文登记：关于编制2025年部门预算的通知' }).category).toBe('finance');
  });
});
