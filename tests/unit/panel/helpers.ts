// Shared set-up for the panel's component tests: Chinese messages, a scripted background, tasks.
import { vi } from 'vitest';
export { EN, ZH, useChineseMessages } from '../ui-messages';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { DEFAULT_SETTINGS, PHASE_IDS, emptyPhases, type CategoryId, type Tag, type Task } from '@/utils/model';
import type { ToBackground } from '@/utils/messages/to-background';
import { panelItem, tagView } from '@/utils/background/tag-view';
import type { TagView } from '@/utils/messages/to-content';
import type { FrameStatus } from '@/components/panel/types';
import { packTaskList, type TaskList } from '@/utils/messages/task-list';

/** A task, its tag and view as stored; `panelItem` cuts it to what the background sends the panel. */
export interface StoredItem {
  task: Task;
  tag: Tag;
  view: TagView;
}

export function item(n: number, category: CategoryId, title: string, phasesDone = 0, fields: Task['fields'] = {}): StoredItem {
  const phases = emptyPhases();
  PHASE_IDS.slice(0, phasesDone).forEach((p, i) => (phases[p] = { done: true, at: Date.UTC(2025, 2, 1 + i, 1), note: '' }));
  const key = `http://oa.test|ecology9|${n}`;
  const task: Task = { key, origin: 'http://oa.test', product: 'ecology9', nativeId: String(n), title, fields, firstSeen: 1, lastSeen: 1 };
  const action = DEFAULT_CATALOG.categories.find((c) => c.id === category)!.defaultAction;
  const tag: Tag = {
    taskKey: key, origin: task.origin, category, action, source: 'auto', confidence: 0.8, evidence: ['防汛'], ruleId: null,
    phases, phaseCount: phasesDone, integrated: phasesDone === 4 ? 1 : 0, taggedAt: 1, updatedAt: 1,
  };
  return { task, tag, view: tagView(tag, DEFAULT_CATALOG) };
}

export const ITEMS: StoredItem[] = [
  item(1, 'emergency', '关于召开全市防汛抗旱工作视频会议的通知', 0, { sender: '陈晓东', receivedAt: '2024-05-01 10:12', urgency: 2 }),
  item(2, 'supervision', '市政府督办单：关于老旧小区改造进度滞后问题的督办', 2),
  item(3, 'emergency', '关于做好汛期地质灾害隐患排查工作的紧急通知', 4),
  item(4, 'finance', '关于编制2025年部门预算的通知', 1),
];

type Handler = (msg: ToBackground) => unknown;

/** A scripted background for `send`: replies by message type; `calls` records every message. */
export function scriptedBackground(replies: Partial<Record<ToBackground['type'], unknown | Handler>> = {}) {
  const calls: ToBackground[] = [];
  const defaults: Partial<Record<ToBackground['type'], unknown | Handler>> = {
    'catalog/get': DEFAULT_CATALOG,
    'settings/get': DEFAULT_SETTINGS,
    'tasks/for-tab': { items: ITEMS.map((i) => panelItem(i.task, i.tag, DEFAULT_CATALOG)), frames: [] as FrameStatus[] },
  };
  const send = vi.fn(async (msg: ToBackground) => {
    calls.push(msg);
    const reply = replies[msg.type] ?? defaults[msg.type];
    if (reply === undefined) throw new Error(`unexpected message ${msg.type}`);
    const data = typeof reply === 'function' ? await (reply as Handler)(msg) : reply;
    // Task lists travel packed, as the router sends them (utils/messages/task-list.ts).
    return msg.type === 'tasks/for-tab' || msg.type === 'tasks/list' ? packTaskList(data as TaskList) : data;
  });
  return { send, calls };
}
