// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import type { Catalog, Rule } from '@/utils/model';
import { chooseFile, resetPolicy, scriptBackground, typeInto, useChineseMessages } from './helpers';

vi.mock('@/utils/ui/client', async () => (await import('./mock-client')).clientModule);

beforeEach(() => {
  useChineseMessages();
  resetPolicy();
  location.hash = '#catalog';
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const rule: Rule = {
  id: 'rule-1',
  title: '关于做好防汛值班的通知',
  signature: '防汛值班',
  category: 'emergency',
  action: 'commando-team',
  createdAt: 1_700_000_000_000,
  source: 'user',
};

function setup(extra: Parameters<typeof scriptBackground>[0] = {}) {
  const bg = scriptBackground({
    'rules/list': () => [rule],
    'catalog/set': (msg: { catalog: Catalog }) => msg.catalog,
    'rules/put': () => null,
    'rules/delete': () => null,
    ...extra,
  });
  render(<OptionsApp />);
  return bg;
}

const importInput = () => screen.findByLabelText('导入目录 JSON');
const json = (value: unknown, name = 'catalog.json') => new File([JSON.stringify(value)], name, { type: 'application/json' });

describe('options: catalog import', () => {
  it.each([
    ['not JSON', new File(['{"version": 1, categories: ['], 'broken.json'), '不是有效的 JSON'],
    ['empty', new File([''], 'empty.json'), '文件为空'],
    ['wrong shape', json({ version: 1, categories: [], actions: [] }), 'categories'],
    ['mapping to an unknown action', json({ ...DEFAULT_CATALOG, categories: DEFAULT_CATALOG.categories.map((c) => (c.id === 'meeting' ? { ...c, defaultAction: 'nope' } : c)) }), 'unknown action nope'],
  ])('a bad file (%s) shows a bilingual error and changes nothing', async (_kind, file, detail) => {
    const bg = setup();
    chooseFile(await importInput(), file);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('目录文件无效，未做任何更改');
    expect(alert.textContent).toContain('Invalid catalog file, nothing was changed');
    expect(alert.textContent).toContain(detail);
    expect(bg.sent('catalog/set')).toEqual([]);
  });

  it('a valid file is sent as catalog/set', async () => {
    const bg = setup();
    const edited = { ...DEFAULT_CATALOG, actions: DEFAULT_CATALOG.actions.map((a) => (a.id === 'commando-team' ? { ...a, short: '突击队' } : a)) };
    chooseFile(await importInput(), json(edited, 'org.json'));
    await screen.findByText('已导入目录：org.json');
    expect(bg.sent('catalog/set')).toEqual([{ type: 'catalog/set', catalog: edited }]);
  });
});

describe('options: catalog editing', () => {
  it('edits an action short name and the category mapping, then saves', async () => {
    const bg = setup();
    const short = await screen.findByLabelText('动作 commando-team 的简称');
    typeInto(short, '突击');
    const mapping = screen.getByLabelText('“会议活动”的默认党建动作');
    fireEvent.change(mapping, { target: { value: 'study-session' } });
    fireEvent.click(screen.getByRole('button', { name: '保存目录' }));
    await screen.findByText('目录已保存');
    const saved = (bg.sent('catalog/set')[0] as { catalog: Catalog }).catalog;
    expect(saved.actions.find((a) => a.id === 'commando-team')?.short).toBe('突击');
    expect(saved.categories.find((c) => c.id === 'meeting')?.defaultAction).toBe('study-session');
  });

  it('an invalid edit (empty name) is not saved', async () => {
    const bg = setup();
    typeInto(await screen.findByLabelText('动作 commando-team 的名称'), '');
    fireEvent.click(screen.getByRole('button', { name: '保存目录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('目录有误，未保存');
    expect(bg.sent('catalog/set')).toEqual([]);
  });

  it('reset asks for confirmation, then sends catalog/reset', async () => {
    const bg = setup({ 'catalog/reset': () => DEFAULT_CATALOG });
    fireEvent.click(await screen.findByRole('button', { name: '恢复默认目录' }));
    expect(bg.sent('catalog/reset')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '确认恢复默认目录' }));
    await screen.findByText('已恢复默认目录');
    expect(bg.sent('catalog/reset')).toHaveLength(1);
  });

  it('lists learned rules; editing sends rules/put, deleting sends rules/delete', async () => {
    const bg = setup();
    const category = await screen.findByLabelText(`规则“${rule.title}”的业务类别`);
    fireEvent.change(category, { target: { value: 'meeting' } });
    await waitFor(() => expect(bg.sent('rules/put')).toEqual([{ type: 'rules/put', rule: { ...rule, category: 'meeting', action: 'branch-meeting' } }]));
    fireEvent.click(screen.getByRole('button', { name: `删除规则“${rule.title}”` }));
    await waitFor(() => expect(bg.sent('rules/delete')).toEqual([{ type: 'rules/delete', id: 'rule-1' }]));
    await screen.findByText('还没有学习到的规则。');
  });

  it('a policy catalog locks every catalog control, with the explanation', async () => {
    setup({ 'policy/get': () => ({ policy: { catalog: DEFAULT_CATALOG }, error: null }) });
    const short = await screen.findByLabelText('动作 commando-team 的简称');
    expect(short).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('“会议活动”的默认党建动作')).toHaveProperty('disabled', true);
    expect(await importInput()).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: '恢复默认目录' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: '添加党建动作' })).toHaveProperty('disabled', true);
    expect(document.getElementById(short.getAttribute('aria-describedby')!)!.textContent).toContain('由管理员策略设定');
    // Export stays available.
    expect(screen.getByRole('button', { name: '导出目录 JSON' })).toHaveProperty('disabled', false);
  });
});
