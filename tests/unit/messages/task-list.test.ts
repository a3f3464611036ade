import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { panelItem } from '@/utils/background/tag-view';
import { packTaskList, unpackTaskList } from '@/utils/messages/task-list';
import type { FrameStatus } from '@/utils/messages/to-background';
import { item } from '../panel/helpers';

const frames: FrameStatus[] = [{ product: 'ecology9', rows: 3, lists: 1, path: '/wui/index.html', adapterIds: ['ecology9'] }];

describe('the panel task list on the wire', () => {
  it('unpacks to exactly the items that were packed: phases touched or not, 待确认, other origins', () => {
    const a = item(1, 'emergency', '关于召开全市防汛抗旱工作视频会议的通知', 0, { sender: '陈晓东', urgency: 2 });
    const b = item(2, 'supervision', '市政府督办单：关于老旧小区改造进度滞后问题的督办', 2);
    const c = item(3, 'finance', '关于编制2025年部门预算的通知');
    c.tag = { ...c.tag, unsure: true, origin: 'http://oa2.test' };
    c.task = { ...c.task, origin: 'http://oa2.test' };
    // A phase unticked again keeps its note: not "untouched".
    const d = item(4, 'emergency', '关于做好汛期地质灾害隐患排查工作的紧急通知');
    d.tag = { ...d.tag, phases: { ...d.tag.phases, plan: { done: false, at: null, note: '已研究' } } };
    const items = [a, b, c, d].map((i) => panelItem(i.task, i.tag, DEFAULT_CATALOG));
    const wire = structuredClone(packTaskList({ items, frames }));
    expect(unpackTaskList(wire)).toEqual({ items, frames });
    expect(wire.origins).toEqual(['http://oa.test', 'http://oa2.test']);
  });

  it('a large list travels in well under half the size of its objects', () => {
    const items = Array.from({ length: 1000 }, (_, n) => {
      const i = item(n, n % 2 ? 'emergency' : 'finance', `关于做好第${n}批防汛物资储备工作的通知`, 0, { sender: '王五', receivedAt: '2024-04-30 15:22', workflow: '收文办理' });
      return panelItem(i.task, i.tag, DEFAULT_CATALOG);
    });
    const plain = JSON.stringify({ items, frames }).length;
    const packed = JSON.stringify(packTaskList({ items, frames })).length;
    expect(packed / plain).toBeLessThan(0.5);
    expect(unpackTaskList(packTaskList({ items, frames })).items).toEqual(items);
  });
});
