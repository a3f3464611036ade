// @vitest-environment happy-dom
// A long task list is windowed: a few cards in the DOM, every group counted in full, positions
// announced, a selected task far down brought in with its real controls.
import { cleanup, render, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { panelItem } from '@/utils/background/tag-view';
import { PanelApp } from '@/components/panel/PanelApp';
import { createPanelStore, type Send } from '@/components/panel/store';
import { WINDOW_FROM } from '@/components/panel/list-window';
import type { CategoryId } from '@/utils/model';
import { item, scriptedBackground, useChineseMessages } from './helpers';

beforeEach(() => useChineseMessages());
afterEach(() => cleanup());

const CATEGORIES: CategoryId[] = ['emergency', 'finance', 'supervision'];
const MANY = Array.from({ length: 3000 }, (_, i) => item(i + 1, CATEGORIES[i % 3]!, `第${i + 1}号事项：关于做好相关工作的通知`));

async function mount(selected?: string) {
  const bg = scriptedBackground({ 'tasks/for-tab': { items: MANY.map((i) => panelItem(i.task, i.tag, DEFAULT_CATALOG)), frames: [] } });
  const store = createPanelStore({ send: bg.send as unknown as Send, mode: 'frame', noActionName: '无党建动作' });
  if (selected) store.selectedKey.value = selected;
  render(<PanelApp store={store} version="0.1.0" />);
  await store.load();
  await waitFor(() => expect(document.documentElement.dataset.complete).toBe('1'));
  return store;
}

describe('the windowed task list', () => {
  it('renders a window of cards, yet counts every task in its group and marks positions', async () => {
    expect(MANY.length).toBeGreaterThan(WINDOW_FROM);
    await mount();
    const cards = document.querySelectorAll('li.task');
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThan(100);
    const counts = [...document.querySelectorAll('section.group h2')].map((h) => Number(/(\d+) 项/.exec(h.textContent ?? '')?.[1] ?? 0));
    expect(counts[0]).toBe(1000);
    const first = cards[0]!;
    expect(first.getAttribute('aria-posinset')).toBe('1');
    expect(first.getAttribute('aria-setsize')).toBe('1000');
    // Each shown card keeps its controls under their contract names.
    expect(within(first as HTMLElement).getByRole('checkbox', { name: '同谋划' })).toBeTruthy();
    expect(within(first as HTMLElement).getByRole('combobox', { name: '业务类别' })).toBeTruthy();
  });

  it('brings a selected task from far down into the window', async () => {
    const far = MANY[2900]!;
    await mount(far.task.key);
    await waitFor(() => expect(document.querySelector('li.task.selected')?.getAttribute('data-task-key')).toBe(far.task.key));
    expect(document.querySelectorAll('li.task').length).toBeLessThan(100);
  });
});
