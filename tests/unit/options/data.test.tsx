// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { MergePreview } from '@/utils/ledger/merge';
import { chooseFile, resetPolicy, scriptBackground, typeInto, useChineseMessages } from './helpers';

vi.mock('@/utils/ui/client', async () => (await import('./mock-client')).clientModule);

beforeEach(() => {
  useChineseMessages();
  resetPolicy();
  location.hash = '#data';
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const preview: MergePreview = {
  tasks: { new: 3, updated: 1, unchanged: 5, conflicting: 1 },
  events: { new: 7, updated: 0, unchanged: 2 },
  rules: { new: 1, updated: 0, unchanged: 0 },
  conflicts: [{ taskKey: 'k1', title: '关于开展安全生产大检查的通知', field: 'plan', current: '甲', incoming: '乙', result: '甲 / 乙' }],
  writes: 12,
};

describe('options: clear all', () => {
  it('requires typing 清空 exactly before anything is sent', async () => {
    const bg = scriptBackground({ 'data/clear': () => null });
    render(<OptionsApp />);
    const button = await screen.findByRole('button', { name: '清空全部数据' });
    const input = screen.getByLabelText('输入“清空”以确认');
    expect(button).toHaveProperty('disabled', true);
    fireEvent.click(button);
    typeInto(input, '清 空');
    expect(button).toHaveProperty('disabled', true);
    typeInto(input, 'clear');
    expect(button).toHaveProperty('disabled', true);
    expect(bg.sent('data/clear')).toEqual([]);
    typeInto(input, '清空');
    expect(button).toHaveProperty('disabled', false);
    fireEvent.click(button);
    await screen.findByText('已清空全部数据');
    expect(bg.sent('data/clear')).toEqual([{ type: 'data/clear', confirm: '清空' }]);
  });
});

describe('options: backup reminder', () => {
  it('warns when a backup is due', async () => {
    scriptBackground({ 'backup/status': () => ({ lastExportAt: null, changes: 512, due: true }) });
    render(<OptionsApp />);
    expect(await screen.findByText('上次导出备份：从未；此后有 512 项更改未备份。')).toBeTruthy();
    expect(screen.getByText(/建议现在导出 JSON 备份/)).toBeTruthy();
  });
});

const file = () => new File(['{"format":"ronghe-ledger"}'], '张三-台账.json', { type: 'application/json' });

describe('options: ledger import', () => {
  it('previews first (apply:false), then applies on confirmation', async () => {
    const bg = scriptBackground({
      'ledger/import': (msg: { apply: boolean }) => ({ ok: true, applied: msg.apply, preview }),
    });
    render(<OptionsApp />);
    chooseFile(await screen.findByLabelText('选择备份文件（JSON）'), file());
    await screen.findByText('导入预览：张三-台账.json');
    expect(bg.sent('ledger/import')).toEqual([{ type: 'ledger/import', text: '{"format":"ronghe-ledger"}', apply: false }]);
    expect(screen.getByText('关于开展安全生产大检查的通知')).toBeTruthy();
    expect(screen.getByText('冲突（1 项，按下列结果合并）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await screen.findByText('已导入 张三-台账.json（写入 12 条记录）');
    expect(bg.sent('ledger/import').map((m) => (m as { apply: boolean }).apply)).toEqual([false, true]);
  });

  it('shows the background error verbatim and offers nothing to apply', async () => {
    const message = '校验和不匹配，文件可能被截断或修改 / Checksum mismatch: the file may be truncated or altered';
    const bg = scriptBackground({ 'ledger/import': () => ({ ok: false, error: { code: 'bad-checksum', message } }) });
    render(<OptionsApp />);
    chooseFile(await screen.findByLabelText('选择备份文件（JSON）'), file());
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByRole('button', { name: '确认导入' })).toBeNull();
    await waitFor(() => expect(bg.sent('ledger/import')).toHaveLength(1));
  });

  it('refuses a file over 50 MB without reading or sending it', async () => {
    const bg = scriptBackground({});
    render(<OptionsApp />);
    const big = file();
    Object.defineProperty(big, 'size', { value: 50 * 1024 * 1024 + 1 });
    chooseFile(await screen.findByLabelText('选择备份文件（JSON）'), big);
    expect((await screen.findByRole('alert')).textContent).toBe('文件过大（超过 50 MB） / The file is too large (over 50 MB)');
    expect(bg.sent('ledger/import')).toEqual([]);
  });
});
