// Corrections teach whole families (issue 10): after ONE correction, ≥ 90% of a family of similar
// titles follows it, and ≤ 2% of unrelated titles change. Families:
//   - series prefixes: the same 督办单, 12345 工单, 市长信箱转办件 or 信息专报 prefix with
//     different subjects (familyKey, rule-match.ts);
//   - periodic series: the same subject with other periods, numbers and dates (the Dice match);
//   - workflow families: tasks of the same workflow (fields.workflow, as e-cology's workflowname or
//     Seeyon's 模板 column carries it) with different titles (workflowKey, rule-match.ts).
// Subjects are real published titles (citizen-wenzheng-b, real-gov-titles-2); the rule is built
// exactly as the background's correct() builds it. Unrelated titles: every held-out title.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import { createMatcher, normalizeTitle, ruleSignature, workflowKey } from '../../../utils/tagging';
import type { CategoryId, Rule } from '../../../utils/model';
import { heldOutTitles } from './held-out-titles';
import { readLabelled } from '../../../scripts/bench/accuracy';

const root = resolve(__dirname, '../../..');
const citizen = readLabelled(resolve(root, 'tests/data/citizen-wenzheng-b.tsv')).map((r) => r.title);
const gov = readLabelled(resolve(root, 'tests/data/real-gov-titles-2.tsv')).map((r) => normalizeTitle(r.title).core).filter((s) => s.length >= 6);

/** The rule exactly as the background's correct() builds it (task-services.ts). */
function ruleFor(title: string, category: CategoryId, at = 1, workflow?: string): Rule {
  const action = DEFAULT_CATALOG.categories.find((c) => c.id === category)!.defaultAction;
  return { id: `rule-${at}`, title, signature: ruleSignature(title), ...(workflowKey(workflow) ? { workflow } : {}), category, action, createdAt: at, source: 'user' };
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

// Workflow families: one OA workflow carries tasks of many subjects, and an organisation files the
// workflow's tasks under one category. Titles are real published titles and citizen messages
// (tests/data), each given the workflow name an OA list row would carry.
const oaRows = readLabelled(resolve(root, 'tests/data/oa-titles-2.tsv'));
const labelledOa = readLabelled(resolve(root, 'tests/data/labelled-oa.tsv')).map((r) => normalizeTitle(r.title).core).filter((s) => s.length >= 6);
const rawGov = readLabelled(resolve(root, 'tests/data/real-gov-titles.tsv')).map((r) => r.title);

const WORKFLOW_FAMILIES: { name: string; workflow: string; target: CategoryId; members: string[] }[] = [
  // A 政务信息 workflow: every report, whatever its subject, is 信息报送 for the office that files it.
  { name: '政务信息报送', workflow: '政务信息报送', target: 'publicity', members: pick(gov, 30, 2).map((s) => `关于报送${s}有关情况的信息`) },
  // A hotline workflow in an office that files its orders as 政务服务.
  { name: '12345工单办理', workflow: '12345热线工单办理', target: 'service', members: pick(citizen, 30, 11) },
  // The 企业服务 desk's workflow: enterprises' requests are economy (企业服务与帮扶) for it.
  { name: '企业服务直通车', workflow: '企业服务直通车', target: 'economy', members: pick(citizen, 30, 17) },
  // Documents an office handles in its 督办事项 workflow, whatever they are about.
  { name: '督办事项办理', workflow: '督办事项办理', target: 'supervision', members: pick(rawGov, 30, 4) },
  // A 党建 workflow: the branch's tasks (its OA titles are the office's business) are party work.
  { name: '党建工作', workflow: '党建工作', target: 'party', members: pick(labelledOa, 30, 6) },
];

describe('one correction teaches a workflow family', () => {
  // Unrelated: every held-out title without a workflow, the OA rows that carry their own workflow
  // (oa-titles-2), and the members of the other workflow families under their own workflows.
  const unrelatedBase = [
    ...heldOutTitles(root).map((title) => ({ title })),
    ...oaRows.filter((r) => r.workflow).map((r) => ({ title: r.title, fields: { workflow: r.workflow! } })),
  ];
  const plain = createMatcher(DEFAULT_CATALOG, []);

  it.each(WORKFLOW_FAMILIES)('$name: ≥ 90% of the workflow follows, ≤ 2% of unrelated tasks change', ({ name, workflow, target, members }) => {
    const unrelated = [
      ...unrelatedBase,
      ...WORKFLOW_FAMILIES.filter((f) => f.name !== name).flatMap((f) => f.members.map((title) => ({ title, fields: { workflow: f.workflow } }))),
    ];
    const before = unrelated.map((input) => plain(input).category);
    const [first, ...rest] = members;
    const taught = createMatcher(DEFAULT_CATALOG, [ruleFor(first!, target, 1, workflow)]);
    const input = (title: string) => ({ title, fields: { workflow } });
    const followed = rest.filter((title) => taught(input(title)).category === target).length;
    const alreadyThere = rest.filter((title) => plain(input(title)).category === target).length;
    const changed = unrelated.filter((x, i) => taught(x).category !== before[i]).length;
    console.log(`${name}: family follows ${followed}/${rest.length} (without the correction ${alreadyThere}); unrelated changed ${changed}/${unrelated.length}`);
    expect(alreadyThere / rest.length).toBeLessThan(0.9); // the correction, not the lexicon, does it
    expect(followed / rest.length).toBeGreaterThanOrEqual(0.9);
    expect(changed / unrelated.length).toBeLessThanOrEqual(0.02);
  });

  it('the same titles under no workflow, or another, do not follow', () => {
    const family = WORKFLOW_FAMILIES[0]!;
    const taught = createMatcher(DEFAULT_CATALOG, [ruleFor(family.members[0]!, family.target, 1, family.workflow)]);
    const rest = family.members.slice(1);
    const moved = (fields?: { workflow: string }) => rest.filter((title) => taught(fields ? { title, fields } : { title }).category !== plain(fields ? { title, fields } : { title }).category).length;
    expect(moved()).toBe(0);
    expect(moved({ workflow: '新闻发布审核' })).toBe(0);
  });

  it('a generic document workflow (公文处理-收文, 发文, 签报) is not a family', () => {
    for (const workflow of ['公文处理-收文', '收文', '发文审批', '签报', '通用审批流程']) {
      expect(workflowKey(workflow), workflow).toBe('');
      const taught = createMatcher(DEFAULT_CATALOG, [ruleFor('关于做好防汛工作的通知', 'admin', 1, workflow)]);
      expect(taught({ title: '关于编制2025年部门预算的通知', fields: { workflow } }).category).toBe('finance');
    }
  });

  it('a similar title beats the workflow: the rule learned from this subject wins', () => {
    const byWorkflow = ruleFor('关于报送防汛工作情况的信息', 'publicity', 1, '政务信息报送');
    const bySubject = ruleFor('关于编制2025年部门预算的通知', 'admin', 2);
    const taught = createMatcher(DEFAULT_CATALOG, [byWorkflow, bySubject]);
    expect(taught({ title: '关于编制2026年部门预算的通知', fields: { workflow: '政务信息报送' } }).ruleId).toBe(bySubject.id);
    expect(taught({ title: '关于报送乡村振兴工作进展的信息', fields: { workflow: '政务信息报送' } }).ruleId).toBe(byWorkflow.id);
  });
});
