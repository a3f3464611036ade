// @vitest-environment happy-dom
// 待确认 (unsure) tags in the panel: marked, listed first, filterable, and cleared by 确认.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { panelItem, tagView } from '@/utils/background/tag-view';
import { PanelApp } from '@/components/panel/PanelApp';
import { createPanelStore, type Send } from '@/components/panel/store';
import type { FrameStatus } from '@/components/panel/types';
import { ITEMS, scriptedBackground, useChineseMessages } from './helpers';

beforeEach(() => useChineseMessages());
afterEach(() => cleanup());

// The last task is unsure; the others are not.
const UNSURE = ITEMS[3]!;
const unsureTag = { ...UNSURE.tag, unsure: true };
const listed = ITEMS.map((i) => (i === UNSURE ? panelItem(i.task, unsureTag, DEFAULT_CATALOG) : panelItem(i.task, i.tag, DEFAULT_CATALOG)));

async function mount(replies: Parameters<typeof scriptedBackground>[0] = {}) {
  const bg = scriptedBackground({ 'tasks/for-tab': { items: listed, frames: [] as FrameStatus[] }, ...replies });
  const store = createPanelStore({ send: bg.send as unknown as Send, mode: 'frame', noActionName: '无党建动作' });
  render(<PanelApp store={store} version="0.1.0" />);
  await store.load();
  await screen.findAllByRole('group', { name: ITEMS[0]!.task.title });
  return { store, bg };
}

const titles = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('panel: 待确认', () => {
  it('the view carries unsure only for automatic tags', () => {
    expect(tagView(unsureTag, DEFAULT_CATALOG).unsure).toBe(true);
    expect(tagView(UNSURE.tag, DEFAULT_CATALOG).unsure).toBeUndefined();
    expect(tagView({ ...unsureTag, source: 'user' }, DEFAULT_CATALOG).unsure).toBeUndefined();
  });

  it('marks the unsure task, lists it first, and filters to unsure tasks', async () => {
    const { store } = await mount();
    const card = screen.getByRole('group', { name: UNSURE.task.title });
    expect(within(card).getByText('? 待确认')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: ITEMS[0]!.task.title })).queryByText('? 待确认')).toBeNull();
    expect(store.visible.value[0]!.task.key).toBe(UNSURE.task.key);
    const toggle = screen.getByRole('button', { name: '? 待确认 1' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(titles()).toEqual([UNSURE.task.title]));
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => expect(titles()).toHaveLength(ITEMS.length));
  });

  it('确认 sends task/confirm and the mark goes with the answer', async () => {
    const confirmed = tagView(UNSURE.tag, DEFAULT_CATALOG);
    const { bg, store } = await mount({ 'task/confirm': confirmed });
    const card = screen.getByRole('group', { name: UNSURE.task.title });
    fireEvent.click(within(card).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(bg.calls.at(-1)).toEqual({ type: 'task/confirm', taskKey: UNSURE.task.key }));
    await waitFor(() => expect(within(card).queryByText('? 待确认')).toBeNull());
    expect(within(card).queryByRole('button', { name: '确认' })).toBeNull();
    expect(store.unsureCount.value).toBe(0);
    // Nothing unsure left: the filter toggle goes too.
    expect(screen.queryByRole('button', { name: /待确认/ })).toBeNull();
  });

  it('a task with no unsure tag shows no 确认 button', async () => {
    await mount();
    expect(within(screen.getByRole('group', { name: ITEMS[0]!.task.title })).queryByRole('button', { name: '确认' })).toBeNull();
  });
});
