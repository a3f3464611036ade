// fast-check arbitraries: small store dumps that share keys, so merges really collide.
import fc from 'fast-check';
import { countPhases, type Event, type Phase, type Rule, type Tag, type Task, type TaskDetail } from '../../../utils/model';
import type { StoreDump } from '../../../utils/store/transfer';

const KEYS = ['k1', 'k2', 'k3'];
const time = fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_009 });
const noteArb = fc.constantFrom('', '', 'x', 'y', 'x / y', '同步部署', ' / ');

const taskArb: fc.Arbitrary<Task> = fc
  .record({ key: fc.constantFrom(...KEYS), title: fc.constantFrom('防汛', '预算', '会议'), a: time, b: time, urgency: fc.integer({ min: 0, max: 4 }) })
  .map(({ key, title, a, b, urgency }) => ({
    key,
    origin: 'http://oa.example.gov.cn',
    product: 'seeyon',
    nativeId: null,
    title,
    fields: { urgency },
    firstSeen: Math.min(a, b),
    lastSeen: Math.max(a, b),
  }));

const phaseArb: fc.Arbitrary<Phase> = fc.record({ done: fc.boolean(), at: time, note: noteArb }).map((p) => ({ done: p.done, at: p.done ? p.at : null, note: p.note }));

const tagArb: fc.Arbitrary<Tag> = fc
  .record({
    taskKey: fc.constantFrom(...KEYS),
    cls: fc.constantFrom(['emergency', 'commando-team'] as const, ['meeting', 'branch-meeting'] as const, ['admin', null] as const),
    source: fc.constantFrom('auto', 'user', 'policy') as fc.Arbitrary<Tag['source']>,
    confidence: fc.constantFrom(0.5, 1),
    plan: phaseArb,
    deploy: phaseArb,
    implement: phaseArb,
    inspect: phaseArb,
    taggedAt: time,
    updatedAt: time,
  })
  .map(({ taskKey, cls, source, confidence, plan, deploy, implement, inspect, taggedAt, updatedAt }) => {
    const phases = { plan, deploy, implement, inspect };
    const phaseCount = countPhases(phases);
    return {
      taskKey,
      origin: 'http://oa.example.gov.cn',
      category: cls[0],
      action: cls[1],
      source,
      confidence,
      evidence: [],
      ruleId: null,
      phases,
      phaseCount,
      integrated: phaseCount === 4 ? 1 : 0,
      taggedAt,
      updatedAt,
    };
  });

const eventArb: fc.Arbitrary<Event> = fc
  .record({ taskKey: fc.constantFrom(...KEYS), at: time, eventNote: fc.constantFrom(undefined, 'n1', 'n2') })
  .map(({ taskKey, at, eventNote }) => ({
    id: `${taskKey}|note|${at}`,
    taskKey,
    origin: 'http://oa.example.gov.cn',
    type: 'note' as const,
    at,
    ...(eventNote !== undefined ? { note: eventNote } : {}),
  }));

const ruleArb: fc.Arbitrary<Rule> = fc
  .record({ id: fc.constantFrom('r1', 'r2'), createdAt: time, category: fc.constantFrom('emergency', 'finance') as fc.Arbitrary<Rule['category']> })
  .map(({ id, createdAt, category }) => ({ id, title: '标题', signature: '标题', category, action: null, createdAt, source: 'user' as const }));

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const detailArb: fc.Arbitrary<TaskDetail> = fc
  .record({
    taskKey: fc.constantFrom(...KEYS),
    updatedAt: time,
    owner: optional(fc.constantFrom('张三', '李四', '张三 / 李四')),
    branch: optional(fc.constantFrom('第一支部', '第二支部')),
    deadline: optional(fc.constantFrom('2026-06-30', '2026-07-15')),
    completedAt: optional(fc.constantFrom('2026-06-01', '2026-06-20')),
    outcome: optional(noteArb),
    evidence: optional(fc.uniqueArray(fc.constantFrom({ name: '会议纪要', number: '1', place: '档案室' }, { name: '照片', number: '', place: '' }), { selector: (e) => e.name, maxLength: 2 })),
  })
  .map((r) => Object.fromEntries(Object.entries({ ...r, origin: 'http://oa.example.gov.cn' }).filter(([, v]) => v !== undefined && v !== '')) as TaskDetail);

const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (t: T) => string) => fc.uniqueArray(arb, { selector: key, maxLength: 3 });

/** A dump as one store could hold it (unique keys). */
export const dumpArb: fc.Arbitrary<StoreDump> = fc.record({
  tasks: uniqueBy(taskArb, (t) => t.key),
  tags: uniqueBy(tagArb, (t) => t.taskKey),
  events: uniqueBy(eventArb, (e) => e.id),
  rules: uniqueBy(ruleArb, (r) => r.id),
  details: uniqueBy(detailArb, (d) => d.taskKey),
});
