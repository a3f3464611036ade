// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { ProgressRing } from '@/components/popup/ProgressRing';
import { Popup } from '@/components/popup/Popup';
import { background } from './mock-client';
import { openingReplies, progressOf, scriptedBackground, useChineseMessages } from './helpers';

vi.mock('@/utils/ui/client', async () => (await import('./mock-client')).clientModule);

beforeEach(() => useChineseMessages());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  delete document.documentElement.dataset.ready;
});

describe('the progress ring', () => {
  it('shows integrated ÷ tagged as a rounded percent, as the badge does', () => {
    render(<ProgressRing tagged={8} integrated={3} periodName="本年" />);
    expect(screen.getByTestId('ring-percent').textContent).toBe('38%');
    const ring = screen.getByRole('img');
    expect(ring.getAttribute('aria-label')).toBe('融合进度 38%：8 项已标注任务中 3 项完成同谋划、同部署、同落实、同检查');
    expect(screen.getByText(/3 \/ 8 项融合完成/)).toBeTruthy();
  });

  it('draws the share of the circle that is integrated', () => {
    const { container } = render(<ProgressRing tagged={4} integrated={1} periodName="本年" />);
    const value = container.querySelector('.ring-value')!;
    const [filled, whole] = value.getAttribute('stroke-dasharray')!.split(' ').map(Number);
    expect(filled! / whole!).toBeCloseTo(0.25, 5);
  });

  it('says so when nothing is tagged (no 0 ÷ 0)', () => {
    render(<ProgressRing tagged={0} integrated={0} periodName="本周" />);
    expect(screen.getByTestId('ring-percent').textContent).toBe('—');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('融合进度：暂无已标注任务');
  });

  it('opens with progress/get numbers (never ledger/query) and marks itself ready', async () => {
    const { send, calls } = scriptedBackground(openingReplies(() => progressOf(200, 67, {
      byPhase: { plan: 150, deploy: 120, implement: 90, inspect: 67 },
      byCategory: { emergency: 120, meeting: 80 },
      byAction: { 'commando-team': 120, 'branch-meeting': 60 },
    })));
    background.send = send;
    render(<Popup />);
    expect((await screen.findByTestId('ring-percent')).textContent).toBe('34%');
    expect(calls.map((c) => c.type)).not.toContain('ledger/query');
    expect(calls.find((c) => c.type === 'progress/get')).toEqual({ type: 'progress/get', period: 'year' });
    await vi.waitFor(() => expect(document.documentElement.dataset.ready).toBe('1'));
    // Breakdowns by phase, action and category, with Chinese names from the catalog.
    const phases = screen.getByRole('region', { name: '按融合环节' });
    expect(phases.textContent).toContain('谋划');
    expect(phases.textContent).toContain('150 项');
    const actions = screen.getByRole('region', { name: '按党建动作' });
    expect(actions.textContent).toContain('党员突击队');
    expect(actions.textContent).toContain('无党建动作'); // 200 − 180 tags without an action
    expect(actions.textContent).toContain('20 项');
    const categories = screen.getByRole('region', { name: '按业务类别' });
    expect(categories.textContent).toContain('应急与安全');
    expect(categories.textContent).toContain('会议活动');
  });

  it('shows the backup reminder only when backup/status says it is due', async () => {
    const replies = { ...openingReplies(() => progressOf(3, 1)), 'backup/status': { lastExportAt: 1, changes: 612, due: true } };
    background.send = scriptedBackground(replies).send;
    render(<Popup />);
    expect((await screen.findByTestId('backup-reminder')).textContent).toBe('已有 612 项改动尚未备份，建议导出 JSON 备份。');
    cleanup();
    background.send = scriptedBackground(openingReplies(() => progressOf(3, 1))).send;
    render(<Popup />);
    await screen.findByTestId('ring-percent');
    expect(screen.queryByTestId('backup-reminder')).toBeNull();
  });
});
