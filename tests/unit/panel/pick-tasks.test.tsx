// @vitest-environment happy-dom
// 标注本页任务 in the panel: the in-page panel asks for its own tab (the router knows which), the
// side panel names the tab it shows; the full-tab view of all sites has no such button.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '@/components/panel/PanelApp';
import { createPanelStore, type Send } from '@/components/panel/store';
import { ITEMS, scriptedBackground, useChineseMessages } from './helpers';

beforeEach(() => useChineseMessages());
afterEach(() => cleanup());

async function mount(mode: 'frame' | 'side' | 'tab', reply: unknown, tabId?: number) {
  const bg = scriptedBackground({ 'picker/start': reply, 'tasks/list': { items: [], frames: [] } });
  const store = createPanelStore({ send: bg.send as unknown as Send, mode, noActionName: '无党建动作', ...(tabId !== undefined ? { tabId } : {}) });
  render(<PanelApp store={store} version="0.1.0" />);
  await store.load();
  if (mode !== 'tab') await screen.findAllByRole('group', { name: ITEMS[0]!.task.title });
  return bg;
}

describe('标注本页任务 in the panel', () => {
  it('the in-page panel starts the picker in its own tab', async () => {
    const bg = await mount('frame', { started: true });
    fireEvent.click(screen.getByRole('button', { name: '标注本页任务' }));
    await vi.waitFor(() => expect(bg.calls).toContainEqual({ type: 'picker/start' }));
    expect(await screen.findByText('请在页面上点击一个任务的标题（Esc 取消）')).toBeTruthy();
  });

  it('the side panel names its tab, and says why when the picker cannot start', async () => {
    const bg = await mount('side', { started: false, reason: 'no-access' }, 12);
    fireEvent.click(screen.getByRole('button', { name: '标注本页任务' }));
    await vi.waitFor(() => expect(bg.calls).toContainEqual({ type: 'picker/start', tabId: 12 }));
    expect(await screen.findByText('融合助手无法读取此页面，请先授予访问权限')).toBeTruthy();
  });

  it('the all-sites view has no picker', async () => {
    await mount('tab', { started: true });
    expect(screen.queryByRole('button', { name: '标注本页任务' })).toBeNull();
  });
});
