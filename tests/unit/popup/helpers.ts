// Shared set-up for the popup's component tests: Chinese messages, a scripted background, a tab.
import { vi } from 'vitest';
export { useChineseMessages } from '../ui-messages';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { DEFAULT_SETTINGS, emptyPhases, type Period, type Tag, type Task } from '@/utils/model';
import type { ToBackground } from '@/utils/messages/to-background';
import type { Progress } from '@/utils/store/progress';
import type { TabStatusData } from '@/components/popup/popup-state';

export function activeTab(id: number, url: string): void {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id, url, active: true, index: 0, highlighted: true, pinned: false, incognito: false, windowId: 1 }]);
}

export const progressOf = (tagged: number, integrated: number, extra: Partial<Progress> = {}): Progress => ({
  tagged,
  integrated,
  byPhase: { plan: integrated, deploy: integrated, implement: integrated, inspect: integrated },
  byCategory: tagged ? { emergency: tagged } : {},
  byAction: tagged ? { 'commando-team': tagged } : {},
  ...extra,
});

export const statusOf = (patch: Partial<TabStatusData> = {}): TabStatusData => ({
  origin: 'http://10.1.2.3:8080',
  site: null,
  hasAccess: false,
  product: null,
  tasks: 0,
  health: 'disabled',
  ...patch,
});

type Handler = (msg: ToBackground) => unknown;

/**
 * A scripted background for `send`: replies by message type; `calls` records every message in
 * order. Unknown types reject, as a real refusal would.
 */
export function scriptedBackground(replies: Partial<Record<ToBackground['type'], unknown | Handler>>) {
  const calls: ToBackground[] = [];
  const send = vi.fn(async (msg: ToBackground) => {
    calls.push(msg);
    const reply = replies[msg.type];
    if (reply === undefined) throw new Error(`unexpected message ${msg.type}`);
    return typeof reply === 'function' ? (reply as Handler)(msg) : reply;
  });
  return { send, calls };
}

/** The replies a popup needs to open, with `progress` answering per period. */
export function openingReplies(progress: (period: Period) => Progress, status: TabStatusData = statusOf()) {
  return {
    'settings/get': { ...DEFAULT_SETTINGS },
    'progress/get': (msg: ToBackground) => progress((msg as { period: Period }).period),
    'catalog/get': DEFAULT_CATALOG,
    'tab/status': status,
    'backup/status': { lastExportAt: null, changes: 0, due: false },
  } as const;
}

const NOW = Date.now();

export function task(key: string, title: string): Task {
  return { key, origin: 'http://oa.example.gov.cn', product: 'ecology9', nativeId: key, title, fields: { sender: '办公室' }, firstSeen: NOW, lastSeen: NOW };
}

export function tag(key: string, doneCount: number, category: Tag['category'] = 'emergency', action: string | null = 'commando-team'): Tag {
  const phases = emptyPhases();
  (['plan', 'deploy', 'implement', 'inspect'] as const).slice(0, doneCount).forEach((p) => {
    phases[p] = { done: true, at: NOW, note: '' };
  });
  return {
    taskKey: key,
    origin: 'http://oa.example.gov.cn',
    category,
    action,
    source: 'auto',
    confidence: 0.9,
    evidence: [],
    ruleId: null,
    phases,
    phaseCount: doneCount,
    integrated: doneCount === 4 ? 1 : 0,
    taggedAt: NOW - 1000,
    updatedAt: NOW,
  };
}
