// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { Site } from '@/utils/model';
import { resetPolicy, scriptBackground, site, typeInto, useChineseMessages } from './helpers';

vi.mock('@/utils/ui/client', async () => (await import('./mock-client')).clientModule);

beforeEach(() => {
  useChineseMessages();
  resetPolicy();
  location.hash = '';
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const OA = 'http://10.1.2.3';
const POLICY_OA = 'http://oa.example.gov.cn';

function setup(sites: Site[], extra: Parameters<typeof scriptBackground>[0] = {}) {
  const bg = scriptBackground({
    'sites/list': () => sites,
    'site/set': (msg: { origin: string; enabled?: boolean; adapterOverride?: string | null; selectors?: Site['selectors'] }) => {
      const current = sites.find((s) => s.origin === msg.origin)!;
      return { ...current, ...msg, type: undefined };
    },
    'site/remove': () => null,
    ...extra,
  });
  render(<OptionsApp />);
  return bg;
}

describe('options: sites', () => {
  it('lists sites with their source and sends site/set when a site is switched off', async () => {
    const bg = setup([site(OA)]);
    const toggle = await screen.findByRole('checkbox', { name: `在 ${OA} 上启用融合助手` });
    expect(toggle).toHaveProperty('checked', true);
    expect(screen.getByText('用户添加')).toBeTruthy();
    fireEvent.click(toggle);
    await waitFor(() => expect(bg.sent('site/set')).toEqual([{ type: 'site/set', origin: OA, enabled: false }]));
    await screen.findByText(`已保存 ${OA} 的设置`);
  });

  it('sends the adapter override, and 自动 as null', async () => {
    const bg = setup([site(OA)]);
    const select = (await screen.findByRole('combobox', { name: `${OA} 的 OA 产品识别方式` })) as HTMLSelectElement;
    expect(within(select).getByRole('option', { name: '自动识别' })).toBeTruthy();
    fireEvent.change(select, { target: { value: 'seeyon' } });
    await waitFor(() => expect(bg.sent('site/set')).toEqual([{ type: 'site/set', origin: OA, adapterOverride: 'seeyon' }]));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(bg.sent('site/set')[1]).toEqual({ type: 'site/set', origin: OA, adapterOverride: null }));
  });

  it('revokes a site: site/remove, then the host permission', async () => {
    const order: string[] = [];
    const remove = vi.fn(async () => {
      order.push('permissions.remove');
      return true;
    });
    (fakeBrowser.permissions as unknown as { remove: typeof remove }).remove = remove;
    setup([site('http://10.1.2.3')], {
      'site/remove': () => {
        order.push('site/remove');
        return null;
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: `撤销 ${OA} 的访问权限并移除站点` }));
    await waitFor(() => expect(order).toEqual(['site/remove', 'permissions.remove']));
    expect(remove).toHaveBeenCalledWith({ origins: ['http://10.1.2.3/*'] });
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: `在 ${OA} 上启用融合助手` })).toBeNull());
  });

  it('shows a refusal from the background verbatim', async () => {
    setup([site(OA)], {
      'site/set': () => {
        throw new Error('此项由管理员策略设定，不能修改 / Set by your administrator\'s policy');
      },
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: `在 ${OA} 上启用融合助手` }));
    expect((await screen.findByRole('alert')).textContent).toBe("此项由管理员策略设定，不能修改 / Set by your administrator's policy");
  });

  it('locks policy sites: no switch-off, no revoke, with the explanation', async () => {
    setup([site(POLICY_OA, { source: 'policy' }), site(OA)]);
    const toggle = await screen.findByRole('checkbox', { name: `在 ${POLICY_OA} 上启用融合助手` });
    const revoke = screen.getByRole('button', { name: `撤销 ${POLICY_OA} 的访问权限并移除站点` });
    expect(toggle).toHaveProperty('disabled', true);
    expect(revoke).toHaveProperty('disabled', true);
    const note = document.getElementById(toggle.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toContain('由管理员策略设定');
    expect(screen.getByText('管理员策略')).toBeTruthy();
    // The user's own site stays editable.
    expect(screen.getByRole('checkbox', { name: `在 ${OA} 上启用融合助手` })).toHaveProperty('disabled', false);
  });
});

const webTabs = () =>
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { id: 3, url: 'http://10.1.2.3/oa/todo.jsp', title: '待办', lastAccessed: 100, index: 0, highlighted: false, pinned: false, incognito: false, windowId: 1, active: false },
    { id: 9, url: 'chrome-extension://abc/options.html', title: '设置', lastAccessed: 300, index: 1, highlighted: true, pinned: false, incognito: false, windowId: 1, active: true },
    { id: 5, url: 'http://10.1.2.3/oa/done.jsp', title: '已办', lastAccessed: 200, index: 2, highlighted: false, pinned: false, incognito: false, windowId: 1, active: false },
  ]);

async function openEditor() {
  fireEvent.click(await screen.findByRole('button', { name: `编辑 ${OA} 的自定义选择器` }));
  return {
    root: screen.getByLabelText('列表根元素'),
    row: screen.getByLabelText(/^行/),
    title: screen.getByLabelText(/^标题/),
    nativeId: screen.getByLabelText('原生 ID'),
  };
}

describe('options: custom selectors', () => {
  it('shows Chinese errors for invalid selectors and sends nothing', async () => {
    webTabs();
    const bg = setup([site(OA)]);
    const fields = await openEditor();
    typeInto(fields.row, 'table.todo tr[');
    typeInto(fields.nativeId, 'a@@ bad');
    fireEvent.click(screen.getByRole('button', { name: '校验并保存' }));
    expect(await screen.findByText('选择器有误，未保存 / Invalid selectors, nothing was saved')).toBeTruthy();
    expect(fields.row.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('不是有效的 CSS 选择器')).toBeTruthy();
    expect(screen.getByText('必填')).toBeTruthy(); // the empty title
    expect(screen.getByText(/格式应为属性名/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '在当前页面测试' }));
    await Promise.resolve();
    expect(bg.sent('site/set')).toEqual([]);
    expect(bg.sent('selectors/test')).toEqual([]);
  });

  it('tests valid selectors on the most recently used web tab (not the options tab) and saves them', async () => {
    webTabs();
    const bg = setup([site(OA)], { 'selectors/test': () => ({ rows: 7 }) });
    const fields = await openEditor();
    typeInto(fields.root, '#todo');
    typeInto(fields.row, 'tbody tr');
    typeInto(fields.title, 'td.title a');
    typeInto(fields.nativeId, 'a@data-id');
    const tabSelect = screen.getByLabelText(/测试用的页面/) as HTMLSelectElement;
    await waitFor(() => expect(tabSelect.value).toBe('5'));
    fireEvent.click(screen.getByRole('button', { name: '在当前页面测试' }));
    await screen.findByText('在该页面找到 7 行');
    const selectors = { listRoot: '#todo', row: 'tbody tr', title: 'td.title a', nativeId: 'a@data-id' };
    expect(bg.sent('selectors/test')).toEqual([{ type: 'selectors/test', tabId: 5, selectors }]);
    fireEvent.click(screen.getByRole('button', { name: '校验并保存' }));
    await waitFor(() => expect(bg.sent('site/set')).toEqual([{ type: 'site/set', origin: OA, selectors }]));
  });
});
