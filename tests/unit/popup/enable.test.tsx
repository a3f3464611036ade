// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
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

function setup(granted: boolean) {
  const order: string[] = [];
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => {
    order.push('permissions.request');
    return granted;
  });
  activeTab(7, 'http://10.1.2.3:8080/wui/index.html#/main/workflow/listDoing');
  let enabled = false;
  const { send, calls } = scriptedBackground({
    ...openingReplies(() => progressOf(0, 0)),
    'tab/status': () =>
      enabled ? statusOf({ site, hasAccess: true, product: 'ecology9', tasks: 12, health: 'ok' }) : statusOf(),
    'site/enable': () => {
      order.push('site/enable');
      enabled = true;
      return site;
    },
  });
  background.send = send;
  return { request, calls, order };
}

describe('在此站点启用', () => {
  it('asks for the site permission in the click, then enables the site in this tab', async () => {
    const { request, calls, order } = setup(true);
    render(<Popup />);
    expect((await screen.findByTestId('site-health')).textContent).toBe('此站点尚未启用融合助手');
    expect(screen.getByTestId('site-enabled').textContent).toBe('未启用');
    expect(calls.find((c) => c.type === 'tab/status')).toEqual({ type: 'tab/status', tabId: 7, url: 'http://10.1.2.3:8080/wui/index.html#/main/workflow/listDoing' });
    fireEvent.click(screen.getByRole('button', { name: '在此站点启用' }));
    // Synchronously inside the click: the browser prompts only during the user gesture.
    expect(request).toHaveBeenCalledWith({ origins: ['http://10.1.2.3/*'] });
    await vi.waitFor(() => expect(calls).toContainEqual({ type: 'site/enable', origin: 'http://10.1.2.3:8080', tabId: 7 }));
    expect(order).toEqual(['permissions.request', 'site/enable']);
    await vi.waitFor(() => expect(screen.getByTestId('site-health').textContent).toBe('运行正常'));
    expect(screen.getByTestId('site-product').textContent).toBe('OA 产品：泛微 e-cology 9');
    expect(screen.getByTestId('site-tasks').textContent).toBe('本页任务：12 项');
    expect(screen.queryByRole('button', { name: '在此站点启用' })).toBeNull();
  });

  it('enables nothing when the permission is refused', async () => {
    const { calls } = setup(false);
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: '在此站点启用' }));
    expect(await screen.findByText('未获得访问此站点的权限，未启用')).toBeTruthy();
    expect(calls.map((c) => c.type)).not.toContain('site/enable');
  });

  it('offers no button where it cannot help (not a web page, already working)', async () => {
    activeTab(3, 'chrome://newtab/');
    background.send = scriptedBackground({ ...openingReplies(() => progressOf(1, 0)), 'tab/status': statusOf({ origin: null, health: 'not-web' }) }).send;
    render(<Popup />);
    expect((await screen.findByTestId('site-health')).textContent).toBe('此页面不是网页，不能启用');
    expect(screen.queryByRole('button', { name: '在此站点启用' })).toBeNull();
    cleanup();
    background.send = scriptedBackground({ ...openingReplies(() => progressOf(1, 0)), 'tab/status': statusOf({ site, hasAccess: true, product: 'seeyon', tasks: 0, health: 'no-rows' }) }).send;
    render(<Popup />);
    expect((await screen.findByTestId('site-health')).textContent).toBe('识别到 OA 页面，但没有找到待办行');
    expect(screen.queryByRole('button', { name: '在此站点启用' })).toBeNull();
  });

  it('re-asks for access when the site is enabled but its permission is gone', async () => {
    const { request } = setup(true);
    background.send = scriptedBackground({ ...openingReplies(() => progressOf(1, 0)), 'tab/status': statusOf({ site, health: 'no-access' }), 'site/enable': site }).send;
    render(<Popup />);
    fireEvent.click(await screen.findByRole('button', { name: '在此站点启用' }));
    expect(request).toHaveBeenCalledWith({ origins: ['http://10.1.2.3/*'] });
  });
});
