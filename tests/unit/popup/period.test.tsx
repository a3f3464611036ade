// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Popup } from '@/components/popup/Popup';
import type { Period } from '@/utils/model';
import type { ToBackground } from '@/utils/messages/to-background';
import { background } from './mock-client';
import { openingReplies, progressOf, scriptedBackground, useChineseMessages } from './helpers';

vi.mock('@/utils/ui/client', async () => (await import('./mock-client')).clientModule);

beforeEach(() => useChineseMessages());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const BY_PERIOD: Record<Period, [number, number]> = { week: [4, 1], month: [10, 5], quarter: [30, 6], year: [100, 25], all: [120, 30] };

describe('the period switch', () => {
  it('offers 本周/本月/本季度/本年/全部 with the saved period checked', async () => {
    background.send = scriptedBackground({ ...openingReplies((p) => progressOf(...BY_PERIOD[p])), 'settings/set': {} }).send;
    render(<Popup />);
    await screen.findByTestId('ring-percent');
    const group = screen.getByRole('group', { name: '统计周期' });
    const radios = [...group.querySelectorAll('input[type=radio]')] as HTMLInputElement[];
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual(['本周', '本月', '本季度', '本年', '全部']);
    expect((screen.getByRole('radio', { name: '本年' }) as HTMLInputElement).checked).toBe(true);
  });

  it('saves the period with settings/set (the badge follows it) and shows that period', async () => {
    const { send, calls } = scriptedBackground({ ...openingReplies((p) => progressOf(...BY_PERIOD[p])), 'settings/set': {} });
    background.send = send;
    render(<Popup />);
    expect((await screen.findByTestId('ring-percent')).textContent).toBe('25%');
    fireEvent.click(screen.getByRole('radio', { name: '本月' }));
    await vi.waitFor(() => expect(screen.getByTestId('ring-percent').textContent).toBe('50%'));
    expect(calls).toContainEqual({ type: 'settings/set', settings: { period: 'month' } });
    expect(calls.filter((c) => c.type === 'progress/get').at(-1)).toEqual({ type: 'progress/get', period: 'month' });
    expect((screen.getByRole('radio', { name: '本月' }) as HTMLInputElement).checked).toBe(true);
    // The export filter follows the switch.
    expect((screen.getByLabelText('时间范围') as HTMLSelectElement).value).toBe('month');
  });

  it('shows only the latest period when answers arrive out of order', async () => {
    let releaseWeek: (() => void) | undefined;
    const weekGate = new Promise<void>((resolve) => {
      releaseWeek = resolve;
    });
    const { send } = scriptedBackground({
      ...openingReplies((p) => progressOf(...BY_PERIOD[p])),
      'progress/get': async (msg: ToBackground) => {
        const period = (msg as { period: Period }).period;
        if (period === 'week') await weekGate;
        return progressOf(...BY_PERIOD[period]);
      },
      'settings/set': {},
    });
    background.send = send;
    render(<Popup />);
    await screen.findByTestId('ring-percent');
    fireEvent.click(screen.getByRole('radio', { name: '本周' }));
    fireEvent.click(screen.getByRole('radio', { name: '全部' }));
    await vi.waitFor(() => expect(screen.getByTestId('ring-percent').textContent).toBe('25%'));
    releaseWeek?.();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByTestId('ring-percent').textContent).toBe('25%'); // all: 30/120, not week's 1/4
  });
});
