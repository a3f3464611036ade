// @vitest-environment happy-dom
// The panel app with a scripted background: grouping, filters, search, phases, corrections,
// diagnostics and broadcasts.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { tagView } from '@/utils/background/tag-view';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { PanelApp } from '@/components/panel/PanelApp';
import { createPanelStore, type Send } from '@/components/panel/store';
import { ITEMS, scriptedBackground, useChineseMessages } from './helpers';

beforeEach(() => useChineseMessages());
afterEach(() => cleanup());

async function mount(bg = scriptedBackground(), mode: 'frame' | 'tab' | 'side' = 'frame') {
  const store = createPanelStore({ send: bg.send as unknown as Send, mode, noActionName: '无党建动作' });
  render(<PanelApp store={store} version="0.1.0" />);
  await store.load();
  await screen.findAllByRole('group', { name: ITEMS[0]!.task.title });
  return { store, bg };
}

const card = (title: string) => screen.getByRole('group', { name: title });
const groups = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent ?? '').filter((t) => t.endsWith('项'));
const titles = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('panel', () => {
  it('groups the tasks by 党建动作, or by category on request', async () => {
    await mount();
    expect(groups()).toEqual([
      '党建与业务同督查同考核 1 项',
      '廉政教育与风险防控 1 项',
      '党员突击队（急难险重打头阵） 2 项',
    ]);
    fireEvent.click(screen.getByRole('button', { name: '按业务类别' }));
    await waitFor(() => expect(groups()).toEqual(['督查督办 1 项', '财务预算 1 项', '应急与安全 2 项']));
    expect(screen.getByRole('button', { name: '按业务类别' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows the summary, OA fields, evidence and confidence', async () => {
    await mount();
    expect(screen.getByText('任务').nextElementSibling?.textContent).toBe('4');
    expect(screen.getByText('已融合').nextElementSibling?.textContent).toContain('1');
    const first = card(ITEMS[0]!.task.title);
    expect(within(first).getByText('陈晓东')).toBeTruthy();
    expect(within(first).getByText('2024-05-01 10:12')).toBeTruthy();
    expect(within(first).getByText('急件')).toBeTruthy();
    expect(within(first).getByText('依据：防汛')).toBeTruthy();
    expect(within(first).getByText('置信度 80%')).toBeTruthy();
    // 同谋划: 3 of 4 tasks have it (2, 3 and 4 phases done → plan ticked).
    const plan = screen.getAllByText('同谋划').find((el) => el.classList.contains('bar-name'))!;
    expect(plan.parentElement?.textContent).toContain('75%');
  });

  it('filters by progress and searches titles', async () => {
    const { store } = await mount();
    fireEvent.click(screen.getByRole('button', { name: '未融合' }));
    await waitFor(() => expect(titles()).toEqual([ITEMS[0]!.task.title]));
    fireEvent.click(screen.getByRole('button', { name: '进行中' }));
    await waitFor(() => expect(titles().toSorted()).toEqual([ITEMS[1]!.task.title, ITEMS[3]!.task.title].toSorted()));
    fireEvent.click(screen.getByRole('button', { name: '已完成' }));
    await waitFor(() => expect(titles()).toEqual([ITEMS[2]!.task.title]));
    fireEvent.click(screen.getByRole('button', { name: '全部' }));
    fireEvent.input(screen.getByRole('searchbox', { name: '搜索任务标题' }), { target: { value: '预算' } });
    await waitFor(() => expect(titles()).toEqual([ITEMS[3]!.task.title]));
    expect(store.visible.value.length).toBe(1);
    fireEvent.input(screen.getByRole('searchbox', { name: '搜索任务标题' }), { target: { value: '没有这个' } });
    await waitFor(() => expect(screen.getByText('没有符合条件的任务。')).toBeTruthy());
  });

  it('a phase checkbox sends task/set-phase and shows its time', async () => {
    const view = tagView({ ...ITEMS[0]!.tag, phaseCount: 1 }, DEFAULT_CATALOG);
    const bg = scriptedBackground({ 'task/set-phase': view });
    const { store } = await mount(bg);
    const first = card(ITEMS[0]!.task.title);
    const plan = within(first).getByRole('checkbox', { name: '同谋划' });
    expect((plan as HTMLInputElement).checked).toBe(false);
    fireEvent.click(plan);
    await waitFor(() => expect(bg.calls.at(-1)).toEqual({ type: 'task/set-phase', taskKey: ITEMS[0]!.task.key, phase: 'plan', done: true }));
    expect((within(first).getByRole('checkbox', { name: '同谋划' }) as HTMLInputElement).checked).toBe(true);
    expect(store.summary.value.byPhase.plan).toBe(4);
    // The note, in the details, goes with the same message.
    fireEvent.click(within(first).getByRole('button', { name: '备注与时间' }));
    expect(within(first).getByText(/^完成于 \d{4}-\d\d-\d\d \d\d:\d\d$/)).toBeTruthy();
    const note = within(first).getByRole('textbox', { name: '同谋划备注' });
    fireEvent.change(note, { target: { value: '支部会议已研究' } });
    await waitFor(() =>
      expect(bg.calls.at(-1)).toEqual({ type: 'task/set-phase', taskKey: ITEMS[0]!.task.key, phase: 'plan', done: true, note: '支部会议已研究' }),
    );
  });

  it('puts a refused phase back and says why', async () => {
    const bg = scriptedBackground({ 'task/set-phase': () => Promise.reject(new Error('拒绝 / Refused')) });
    await mount(bg);
    const plan = within(card(ITEMS[0]!.task.title)).getByRole('checkbox', { name: '同谋划' }) as HTMLInputElement;
    fireEvent.click(plan);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('拒绝 / Refused'));
    expect((within(card(ITEMS[0]!.task.title)).getByRole('checkbox', { name: '同谋划' }) as HTMLInputElement).checked).toBe(false);
  });

  it('the 业务类别 combobox sends task/correct with the default action; 党建动作 keeps the category; undo sends task/uncorrect', async () => {
    const corrected = tagView({ ...ITEMS[0]!.tag, category: 'research', action: 'joint-planning', source: 'user', confidence: 1 }, DEFAULT_CATALOG);
    const bg = scriptedBackground({ 'task/correct': [corrected], 'task/uncorrect': [ITEMS[0]!.view] });
    await mount(bg);
    const first = card(ITEMS[0]!.task.title);
    const category = within(first).getByRole('combobox', { name: '业务类别' }) as HTMLSelectElement;
    expect(category.value).toBe('emergency');
    fireEvent.change(category, { target: { value: 'research' } });
    await waitFor(() => expect(bg.calls.at(-1)).toEqual({ type: 'task/correct', taskKey: ITEMS[0]!.task.key, category: 'research', action: 'joint-planning' }));
    await waitFor(() => expect(within(card(ITEMS[0]!.task.title)).getByText('已人工校正')).toBeTruthy());
    const action = within(card(ITEMS[0]!.task.title)).getByRole('combobox', { name: '党建动作' }) as HTMLSelectElement;
    expect(action.value).toBe('joint-planning');
    fireEvent.change(action, { target: { value: '' } });
    await waitFor(() => expect(bg.calls.at(-1)).toEqual({ type: 'task/correct', taskKey: ITEMS[0]!.task.key, category: 'research', action: null }));
    fireEvent.click(within(card(ITEMS[0]!.task.title)).getByRole('button', { name: '撤销校正' }));
    await waitFor(() => expect(bg.calls.at(-1)).toEqual({ type: 'task/uncorrect', taskKey: ITEMS[0]!.task.key }));
    await waitFor(() => expect((within(card(ITEMS[0]!.task.title)).getByRole('combobox', { name: '业务类别' }) as HTMLSelectElement).value).toBe('emergency'));
  });

  it('follows broadcasts: new views re-render, a changed phase count refetches', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { store, bg } = await mount();
      store.applyViews([{ ...ITEMS[1]!.view, category: 'meeting', categoryName: '会议活动', action: 'branch-meeting', actionName: '三会一课（业务议题纳入支部会议）', label: '三会一课' }]);
      await waitFor(() => expect((within(card(ITEMS[1]!.task.title)).getByRole('combobox', { name: '业务类别' }) as HTMLSelectElement).value).toBe('meeting'));
      const before = bg.calls.filter((c) => c.type === 'tasks/for-tab').length;
      store.applyViews([{ ...ITEMS[0]!.view, phases: 3 }]);
      await vi.advanceTimersByTimeAsync(300);
      expect(bg.calls.filter((c) => c.type === 'tasks/for-tab').length).toBe(before + 1);
      store.tabChanged(7);
      await vi.advanceTimersByTimeAsync(300);
      expect(bg.calls.filter((c) => c.type === 'tasks/for-tab').length).toBe(before + 2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('selects the #task from the URL', async () => {
    const bg = scriptedBackground();
    const store = createPanelStore({ send: bg.send as unknown as Send, mode: 'frame' });
    store.selectedKey.value = ITEMS[2]!.task.key;
    render(<PanelApp store={store} version="0.1.0" />);
    await store.load();
    await waitFor(() => expect(document.querySelector('li.task.selected')?.getAttribute('data-task-key')).toBe(ITEMS[2]!.task.key));
    expect(within(card(ITEMS[2]!.task.title)).getByRole('button', { name: '收起' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('lists all tasks of a period in a full tab', async () => {
    const bg = scriptedBackground({ 'tasks/list': { items: ITEMS, frames: [] }, 'settings/set': DEFAULT_SETTINGS });
    await mount(bg, 'tab');
    expect(bg.calls.find((c) => c.type === 'tasks/list')).toEqual({ type: 'tasks/list', period: 'year' });
    expect(within(card(ITEMS[0]!.task.title)).getByText('http://oa.test')).toBeTruthy();
  });
});
