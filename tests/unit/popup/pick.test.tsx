// @vitest-environment happy-dom
// 标注本页任务 in the popup: offered on an enabled site we can read, it asks the background to start the
// picker in the active tab and says what happens next (or why it can't).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Popup } from '@/components/popup/Popup';
import type { Site } from '@/utils/model';
import { background } from './mock-client';
import { activeTab, openingReplies, progressOf, scriptedBackground, statusOf, useChineseMessages } from './helpers';

vi.mock('@/utils/ui/client', async () => (await import('./mock-client')).clientModule);

beforeEach(() => useChineseMessages());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const site: Site = { origin: 'http://10.1.2.3', enabled: true, source: 'user', adapterOverride: null, selectors: null, addedAt: 1 };

describe('标注本页任务 in the popup', () => {
  it('starts the picker in the active tab of an enabled site with no rows found', async () => {
    activeTab(7, 'http://10.1.2.3:8080/oa/flows.html');
    const { send, calls } = scriptedBackground({
      ...openingReplies(() => progressOf(0, 0)),
      'tab/status': () => statusOf({ site, hasAccess: true, product: null, tasks: 0, health: 'no-oa' }),
      'picker/start': () => ({ started: true }),
    });
    background.send = send;
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: '标注本页任务' }));
    await vi.waitFor(() => expect(calls).toContainEqual({ type: 'picker/start', tabId: 7 }));
    expect(await screen.findByText('请在页面上点击一个任务的标题（Esc 取消）')).toBeTruthy();
  });

  it('says why when the picker cannot start', async () => {
    activeTab(7, 'http://10.1.2.3:8080/oa/flows.html');
    background.send = scriptedBackground({
      ...openingReplies(() => progressOf(0, 0)),
      'tab/status': () => statusOf({ site, hasAccess: true, product: null, tasks: 0, health: 'no-oa' }),
      'picker/start': () => ({ started: false, reason: 'disabled' }),
    }).send;
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: '标注本页任务' }));
    expect(await screen.findByText('请先在此站点启用融合助手，再标注任务')).toBeTruthy();
  });

  it('is not offered on a site that is not enabled', async () => {
    activeTab(7, 'http://10.1.2.3:8080/oa/flows.html');
    background.send = scriptedBackground({ ...openingReplies(() => progressOf(0, 0)), 'tab/status': () => statusOf() }).send;
    render(<Popup />);
    await screen.findByRole('button', { name: '在此站点启用' });
    expect(screen.queryByRole('button', { name: '标注本页任务' })).toBeNull();
  });
});
