// The 台账 fields through merges and exports: three colleagues' files show three people; edits
// that differ are joined or chosen by rule and listed as conflicts, never silently dropped.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';
import { ledgerRows, mergeAll, mergeDumps, parseBackup, stampIdentity, toBackup } from '../../../utils/ledger';
import type { Profile, TaskDetail } from '../../../utils/model';
import { dump, tag, task, T0 } from './fixtures';

const ORIGIN = 'http://oa.example.gov.cn';
const person = (personName: string, branch: string): Profile => ({ personName, department: '办公室', branch, unit: '某某局' });
const detail = (taskKey: string, over: Partial<TaskDetail> = {}): TaskDetail => ({ taskKey, origin: ORIGIN, updatedAt: T0, ...over });

async function colleagueFile(profile: Profile, keys: string[], details: TaskDetail[] = []): Promise<string> {
  const tags = keys.map((k) => tag(k));
  return toBackup({ ...dump({ tasks: keys.map((k) => task(k)), tags }), details: stampIdentity(tags, details, profile, T0) }, { exportedAt: T0, profile });
}

describe('台账 fields in merges', () => {
  it('merging three colleagues\' exports shows three people, each on their own rows', async () => {
    const files = await Promise.all([
      colleagueFile(person('张三', '第一支部'), ['a1', 'a2']),
      colleagueFile(person('李四', '第一支部'), ['b1']),
      colleagueFile(person('王五', '第二支部'), ['c1', 'c2', 'c3'], [detail('c1', { owner: '赵六', deadline: '2026-06-30' })]),
    ]);
    const dumps = [];
    for (const f of files) {
      const parsed = await parseBackup(f);
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(parsed.meta.profile?.personName).toBeTruthy();
      dumps.push(parsed.dump);
    }
    const merged = mergeAll(dumps);
    const rows = ledgerRows(merged, DEFAULT_CATALOG, {}, { profile: person('书记', '第一支部') });
    const owners = new Map(rows.map((r) => [r.taskKey, r.owner]));
    expect(Object.fromEntries(owners)).toEqual({ a1: '张三', a2: '张三', b1: '李四', c1: '赵六', c2: '王五', c3: '王五' });
    expect(new Set(rows.map((r) => r.branch))).toEqual(new Set(['第一支部', '第二支部']));
    // The person's own entry is kept over the exporter's name; the branch still comes from the file.
    expect(rows.find((r) => r.taskKey === 'c1')).toMatchObject({ owner: '赵六', branch: '第二支部', dueDate: '2026-06-30' });
  });

  it('lists differing edits as conflicts and keeps both texts', () => {
    const mine = dump({ tasks: [task('a')], tags: [tag('a')] });
    const cur = { ...mine, details: [detail('a', { owner: '张三', outcome: '已召开支委会', deadline: '2026-06-30', completedAt: '2026-06-10', evidence: [{ name: '会议纪要', number: '1', place: '档案室' }] })] };
    const inc = { ...mine, details: [detail('a', { owner: '李四', outcome: '已部署', deadline: '2026-06-20', completedAt: '2026-06-12', evidence: [{ name: '照片', number: '', place: '' }], updatedAt: T0 + 5 })] };
    const { preview, merged } = mergeDumps(cur, inc);
    const d = merged.details![0]!;
    expect(d).toMatchObject({ owner: '张三 / 李四', outcome: '已召开支委会 / 已部署', deadline: '2026-06-20', completedAt: '2026-06-12', updatedAt: T0 + 5 });
    expect(d.evidence!.map((e) => e.name).toSorted()).toEqual(['照片', '会议纪要'].toSorted());
    expect(preview.tasks.conflicting).toBe(1);
    expect(preview.conflicts.map((c) => c.field).toSorted()).toEqual(['detail.completedAt', 'detail.deadline', 'detail.outcome', 'detail.owner']);
    const deadline = preview.conflicts.find((c) => c.field === 'detail.deadline')!;
    expect(deadline).toMatchObject({ current: '2026-06-30', incoming: '2026-06-20', result: '2026-06-20' });
    // The same file again changes nothing and reports nothing.
    const again = mergeDumps(merged, inc);
    expect(again.preview.writes).toBe(0);
    expect(again.preview.conflicts).toEqual([]);
  });

  it('a version-1 backup (before the 台账 fields) is still read', async () => {
    const text = await toBackup(dump({ tasks: [task('a')], tags: [tag('a')] }));
    const root = JSON.parse(text) as { version: number; counts: Record<string, number>; data: Record<string, unknown>; checksum: string };
    root.version = 1;
    delete root.counts.details;
    delete root.data.details;
    const { canonicalJson, sha256Hex } = await import('../../../utils/ledger/canonical');
    root.checksum = await sha256Hex(canonicalJson(root.data));
    const parsed = await parseBackup(JSON.stringify(root));
    expect(parsed.ok && parsed.dump.details).toEqual([]);
    expect(parsed.ok && parsed.dump.tags).toHaveLength(1);
  });

  it('stampIdentity fills whose row it is without overwriting what a person entered', () => {
    const tags = [tag('a'), tag('b')];
    const out = stampIdentity(tags, [detail('a', { owner: '赵六', remark: '备注' })], person('张三', '第一支部'), T0 + 1);
    expect(out).toEqual([
      { owner: '赵六', ownerDept: '办公室', branch: '第一支部', unit: '某某局', remark: '备注', taskKey: 'a', origin: ORIGIN, updatedAt: T0 },
      { owner: '张三', ownerDept: '办公室', branch: '第一支部', unit: '某某局', taskKey: 'b', origin: ORIGIN, updatedAt: T0 + 1 },
    ]);
    // No profile: nothing is invented.
    expect(stampIdentity(tags, [], { personName: '', department: '', branch: '', unit: '' }, T0)).toEqual([]);
  });
});
