// @vitest-environment happy-dom
// 台账归属 (whose ledger: saved, locked by policy) and several colleagues' files merged one by one,
// each preview naming whose file it is and the 台账 field of a conflict.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { policyState } from '@/components/options/policy-state';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model';
import type { MergePreview } from '@/utils/ledger/merge';
import { resetPolicy, scriptBackground, useChineseMessages } from './helpers';

vi.mock('@/utils/ui/client', async () => (await import('./mock-client')).clientModule);

beforeEach(() => {
  useChineseMessages();
  resetPolicy();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('options: 台账归属', () => {
  it('loads and saves 姓名, 处室/部门, 所属支部 and 单位; a locked 单位 is not sent', async () => {
    location.hash = '#profile';
    const policy = { policy: { settings: { unit: '某市发展改革委' }, lockedSettings: ['unit'] }, error: null };
    policyState.value = policy as typeof policyState.value;
    let stored: Settings = { ...DEFAULT_SETTINGS, unit: '某市发展改革委' };
    const bg = scriptBackground({
      'policy/get': () => policy,
      'settings/get': () => stored,
      'settings/set': (m: { settings: Partial<Settings> }) => (stored = { ...stored, ...m.settings }),
    });
    render(<OptionsApp />);
    const name = (await screen.findByLabelText('姓名')) as HTMLInputElement;
    await waitFor(() => expect(name.disabled).toBe(false));
    expect((screen.getByLabelText('单位') as HTMLInputElement).disabled).toBe(true);
    fireEvent.input(name, { target: { value: ' 王晓明 ' } });
    fireEvent.input(screen.getByLabelText('所属支部'), { target: { value: '机关第一党支部' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存');
    expect(bg.sent('settings/set')).toEqual([{ type: 'settings/set', settings: { personName: '王晓明', department: '', branch: '机关第一党支部' } }]);
  });
});

describe('options: several colleagues\' files', () => {
  const preview = (who: string): MergePreview => ({
    tasks: { new: 2, updated: 0, unchanged: 0, conflicting: who === '李四' ? 1 : 0 },
    events: { new: 0, updated: 0, unchanged: 0 },
    rules: { new: 0, updated: 0, unchanged: 0 },
    conflicts: who === '李四' ? [{ taskKey: 'k', title: '关于防汛的通知', field: 'detail.deadline', current: '2026-06-30', incoming: '2026-06-20', result: '2026-06-20' }] : [],
    writes: 2,
    from: { personName: who, department: '', branch: '机关第二党支部', unit: '' },
  });

  it('previews each file in turn and merges it only on confirmation', async () => {
    location.hash = '#data';
    const bg = scriptBackground({ 'ledger/import': (m: { text: string; apply: boolean }) => ({ ok: true, applied: m.apply, preview: preview(m.text) }) });
    render(<OptionsApp />);
    const input = await screen.findByLabelText('选择备份文件（JSON）');
    const files = [new File(['张三'], 'zhang.json'), new File(['李四'], 'li.json')];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    fireEvent.change(input);
    await screen.findByText('来自：张三 · 机关第二党支部');
    expect(screen.getByText('之后还有 1 个文件待预览')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await screen.findByText('来自：李四 · 机关第二党支部');
    expect(screen.getByText(/台账信息「完成时限」/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(bg.sent('ledger/import').filter((m) => (m as { apply: boolean }).apply)).toHaveLength(2));
    expect(bg.sent('ledger/import').map((m) => [(m as { text: string }).text, (m as { apply: boolean }).apply])).toEqual([
      ['张三', false], ['张三', true], ['李四', false], ['李四', true],
    ]);
  });
});
