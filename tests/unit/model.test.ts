// The data model's schemas: what they accept, what they refuse, and the default catalog.
// A copy of ../shared/taxonomy.md (the tagging contract) and of its examples live in tests/data, so a
// clean clone tests on its own.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATEGORY_IDS, Catalog, Event, Rule, Settings, Site, Tag, Task, DEFAULT_SETTINGS, emptyPhases, countPhases } from '@/utils/model';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';

const task: Task = {
  key: 'ecology9:13198747',
  origin: 'http://oa.example.gov.cn',
  product: 'ecology9',
  nativeId: '13198747',
  title: '关于做好2024年防汛抗旱工作的通知',
  fields: { workflow: '收文办理', sender: '张三', receivedAt: '2024-05-01 10:00', urgency: 3 },
  firstSeen: 1,
  lastSeen: 2,
};

const tag: Tag = {
  taskKey: task.key,
  origin: task.origin,
  category: 'emergency',
  action: 'commando-team',
  source: 'auto',
  confidence: 0.9,
  evidence: ['防汛'],
  ruleId: null,
  phases: emptyPhases(),
  phaseCount: 0,
  integrated: 0,
  taggedAt: 1,
  updatedAt: 1,
};

describe('schemas', () => {
  it('accept well-formed records', () => {
    expect(Task.safeParse(task).success).toBe(true);
    expect(Tag.safeParse(tag).success).toBe(true);
    expect(Settings.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(Rule.safeParse({ id: 'r1', title: 'x', signature: 'x', category: 'party', action: null, createdAt: 1, source: 'user' }).success).toBe(true);
    expect(Site.safeParse({ origin: 'http://10.0.0.1', enabled: true, source: 'policy', adapterOverride: null, selectors: null, addedAt: 0 }).success).toBe(true);
    expect(Event.safeParse({ id: 'k|tagged|1|', taskKey: 'k', origin: 'http://a', type: 'tagged', at: 1 }).success).toBe(true);
  });

  it.each([
    ['a task without a title', () => Task.safeParse({ ...task, title: '' })],
    ['a task title over 500 characters', () => Task.safeParse({ ...task, title: '长'.repeat(501) })],
    ['an urgency outside 0–4', () => Task.safeParse({ ...task, fields: { urgency: 7 } })],
    ['a negative time', () => Task.safeParse({ ...task, firstSeen: -1 })],
    ['an unknown category', () => Tag.safeParse({ ...tag, category: 'cooking' })],
    ['a confidence above 1', () => Tag.safeParse({ ...tag, confidence: 1.5 })],
    ['a phase count of 5', () => Tag.safeParse({ ...tag, phaseCount: 5 })],
    ['a missing phase', () => Tag.safeParse({ ...tag, phases: { plan: tag.phases.plan } })],
    ['an unknown source', () => Tag.safeParse({ ...tag, source: 'magic' })],
    ['an action id with spaces', () => Tag.safeParse({ ...tag, action: 'drop table' })],
    ['a panel too wide', () => Settings.safeParse({ ...DEFAULT_SETTINGS, panelWidth: 5000 })],
    ['an unknown period', () => Settings.safeParse({ ...DEFAULT_SETTINGS, period: 'decade' })],
    ['an unknown event type', () => Event.safeParse({ id: 'x', taskKey: 'k', origin: 'o', type: 'deleted', at: 1 })],
  ])('refuse %s', (_, parse) => {
    expect(parse().success).toBe(false);
  });

  it('counts phases', () => {
    const phases = emptyPhases();
    phases.plan.done = true;
    phases.inspect.done = true;
    expect(countPhases(phases)).toBe(2);
  });
});

describe('the default catalog', () => {
  it('has the 16 categories of taxonomy.md with their default actions', () => {
    const taxonomy = readFileSync('tests/data/taxonomy.md', 'utf8');
    const rows = [...taxonomy.matchAll(/^\| ([a-z]+) \| ([^|]+) \|[^|]+\| (?:`([a-z-]+)`|\(none)/gm)].map((m) => [m[1], m[2]!.trim(), m[3] ?? null]);
    expect(rows).toHaveLength(16);
    expect(DEFAULT_CATALOG.categories.map((c) => [c.id, c.name, c.defaultAction])).toEqual(rows);
    expect([...CATEGORY_IDS].sort()).toEqual(rows.map((r) => r[0]).sort());
  });

  it('is valid, and the schema refuses a mapping to an unknown action or a duplicate category', () => {
    // As is: the constant is not parsed when the worker starts, so parsing must change nothing.
    expect(Catalog.parse(DEFAULT_CATALOG)).toEqual(DEFAULT_CATALOG);
    const broken = structuredClone(DEFAULT_CATALOG);
    broken.categories[0]!.defaultAction = 'no-such-action';
    expect(Catalog.safeParse(broken).success).toBe(false);
    const duplicate = structuredClone(DEFAULT_CATALOG);
    duplicate.categories[1] = { ...duplicate.categories[0]! };
    expect(Catalog.safeParse(duplicate).success).toBe(false);
  });

  it('names the four phases in order', () => {
    expect(DEFAULT_CATALOG.phases.map((p) => p.name)).toEqual(['同谋划', '同部署', '同落实', '同检查']);
  });
});
