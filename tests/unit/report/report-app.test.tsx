// @vitest-environment happy-dom
// The report page from one ledger/query answer: the period changes the numbers (Shanghai
// calendar), the branch filter narrows them, an invalid custom range says so, and the printable
// ledger follows the same rows.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReportApp } from '@/components/report/ReportApp';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { emptyPhases, type Tag, type Task, type TaskDetail } from '@/utils/model';
import { useChineseMessages } from '../ui-messages';

const ORIGIN = 'http://oa.test';
/** 2026-05-20 11:00 in Shanghai. */
const NOW = Date.UTC(2026, 4, 20, 3);
const task = (k: string): Task => ({ key: k, origin: ORIGIN, product: 'seeyon', nativeId: k, title: `任务${k}`, fields: {}, firstSeen: 1, lastSeen: 1 });
const tag = (k: string, taggedAt: number, done = 0): Tag => {
  const phases = emptyPhases();
  (['plan', 'deploy', 'implement', 'inspect'] as const).slice(0, done).forEach((p) => (phases[p] = { done: true, at: taggedAt, note: '' }));
  return { taskKey: k, origin: ORIGIN, category: 'meeting', action: 'branch-meeting', source: 'auto', confidence: 1, evidence: [], ruleId: null, phases, phaseCount: done, integrated: done === 4 ? 1 : 0, taggedAt, updatedAt: taggedAt };
};

beforeEach(() => {
  useChineseMessages();
  const details: TaskDetail[] = [{ taskKey: 'c', origin: ORIGIN, updatedAt: 1, owner: '李四', branch: '第二支部' }];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({
    ok: true,
    data: {
      // a: January; b: this month (4 phases); c: this month, another branch; d: 16:30 UTC on 30 April = 1 May in Shanghai.
      tasks: ['a', 'b', 'c', 'd'].map(task),
      tags: [tag('a', Date.UTC(2026, 0, 10)), tag('b', Date.UTC(2026, 4, 10), 4), tag('c', Date.UTC(2026, 4, 11), 1), tag('d', Date.UTC(2026, 3, 30, 16, 30))],
      events: [], rules: [], details, catalog: DEFAULT_CATALOG,
      profile: { personName: '张三', department: '办公室', branch: '第一支部', unit: '某局' },
    },
  })) as never);
});
afterEach(() => cleanup());

describe('the report page', () => {
  it('counts the chosen period in Shanghai days and filters by branch', async () => {
    render(<ReportApp now={NOW} />);
    await waitFor(() => expect(screen.getByTestId('report-tasks').textContent).toBe('4'));
    expect(screen.getByTestId('report-integrated').textContent).toBe('1');
    expect(screen.getByTestId('report-rate').textContent).toBe('25%');
    fireEvent.change(screen.getByRole('combobox', { name: '期间' }), { target: { value: 'month' } });
    await waitFor(() => expect(screen.getByTestId('report-tasks').textContent).toBe('3')); // b, c and d (1 May in Shanghai)
    fireEvent.change(screen.getByRole('combobox', { name: '支部' }), { target: { value: '第二支部' } });
    await waitFor(() => expect(screen.getByTestId('report-tasks').textContent).toBe('1'));
    // The printable ledger holds the same rows, numbered from 1, with the cover naming the branch.
    const rows = document.querySelectorAll('.ledger-table tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('李四');
    expect(document.querySelector('.cover')!.textContent).toContain('第二支部');
    expect(document.querySelector('.cover')!.textContent).toContain('2026-05-01 至 2026-05-31');
  });

  it('an invalid custom range says so; 打印 calls the browser\'s print', async () => {
    // happy-dom has no print(): stand one in.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    render(<ReportApp now={NOW} />);
    await waitFor(() => expect(screen.getByTestId('report-tasks').textContent).toBe('4'));
    fireEvent.click(screen.getByRole('button', { name: '打印 / 导出 PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByRole('combobox', { name: '期间' }), { target: { value: 'custom' } });
    fireEvent.input(screen.getByLabelText('起'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('日期无效，请选择起止日期'));
  });
});
