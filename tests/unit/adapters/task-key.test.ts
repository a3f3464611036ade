// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fnv1a53, taskKey } from '../../../utils/adapters/task-key';
import type { RowReport } from '../../../utils/model';

const row = (over: Partial<RowReport> = {}): RowReport => ({
  nativeId: null,
  title: '关于开展安全生产大检查的通知',
  fields: { receivedAt: '2024-05-06 09:12' },
  ...over,
});

describe('taskKey', () => {
  it("uses the product's own id when the row has one", () => {
    expect(taskKey('http://oa.example.cn', 'ecology9', row({ nativeId: '13198747' }))).toBe('ecology9:13198747@oa.example.cn');
  });

  it('is stable across calls and independent of other fields', () => {
    const a = taskKey('http://oa.example.cn', 'generic', row());
    const b = taskKey('http://oa.example.cn', 'generic', row({ fields: { receivedAt: '2024-05-06 09:12', sender: '张三' } }));
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-z]{1,11}$/);
    // Pinned: a change here would re-key every stored task without a native id.
    expect(fnv1a53('http://oa.example.cn\n关于开展安全生产大检查的通知\n2024-05-06 09:12')).toBe('178jojszop1');
    expect(fnv1a53('')).toBe('y9l73hr4qt');
    expect(taskKey('http://oa.example.cn', 'generic', row())).toBe(a);
  });

  it('differs by origin, title and received time', () => {
    const base = taskKey('http://oa.example.cn', 'generic', row());
    expect(taskKey('http://oa2.example.cn', 'generic', row())).not.toBe(base);
    expect(taskKey('http://oa.example.cn', 'generic', row({ title: '关于开展安全生产大检查的通知 ' }))).not.toBe(base);
    expect(taskKey('http://oa.example.cn', 'generic', row({ fields: { receivedAt: '2024-05-07 09:12' } }))).not.toBe(base);
  });

  it('spreads 20,000 similar titles without collisions', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20000; i++) keys.add(fnv1a53(`http://oa\n关于第${i}项工作的通知\n2024-05-06`));
    expect(keys.size).toBe(20000);
  });
});
