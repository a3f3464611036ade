// @vitest-environment happy-dom
// 台账信息 in a task card: collapsed by default, keyboard-reachable, loads the fields with their
// defaults, and says 已保存 only after the background acknowledged the write.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LedgerInfo } from '@/components/panel/LedgerInfo';
import type { ToBackground } from '@/utils/messages/to-background';
import { setTransport } from '@/utils/ui/client';
import { useChineseMessages } from './helpers';

const KEY = 'http://oa.test|ecology9|1';

function background(setReply: () => unknown) {
  const calls: ToBackground[] = [];
  let stored: Record<string, unknown> = {};
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: ToBackground) => {
    calls.push(msg);
    if (msg.type === 'task/detail') return { ok: true, data: { fields: stored, updatedAt: null, defaults: { owner: '张三', leadDept: '应急管理处', deadline: '2026-07-01' } } };
    if (msg.type === 'task/set-detail') {
      const reply = setReply();
      if ((reply as { ok: boolean }).ok) stored = Object.fromEntries(Object.entries(msg.detail).filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0)));
      return reply;
    }
    throw new Error(`unexpected ${msg.type}`);
  }) as never);
  return calls;
}

beforeEach(() => useChineseMessages());
afterEach(() => cleanup());

describe('台账信息', () => {
  it('opens, shows defaults, saves 责任人 and one 佐证材料, and confirms after the ack', async () => {
    const calls = background(() => ({ ok: true, data: {} }));
    render(<LedgerInfo taskKey={KEY} domId="task-1" />);
    const toggle = screen.getByRole('button', { name: '台账信息' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const owner = (await screen.findByLabelText('责任人')) as HTMLInputElement;
    expect(owner.placeholder).toBe('张三');
    expect((screen.getByLabelText('牵头处室') as HTMLInputElement).placeholder).toBe('应急管理处');
    expect(screen.getByText('未填写时为 OA 中的 2026-07-01')).toBeTruthy();
    fireEvent.input(owner, { target: { value: '李四' } });
    fireEvent.click(screen.getByRole('button', { name: '添加佐证材料' }));
    fireEvent.input(screen.getByRole('textbox', { name: '名称' }), { target: { value: '支委会会议纪要' } });
    fireEvent.input(screen.getByRole('textbox', { name: '编号' }), { target: { value: '〔2026〕3号' } });
    fireEvent.click(screen.getByRole('button', { name: '保存台账信息' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已保存'));
    const set = calls.find((c) => c.type === 'task/set-detail');
    expect(set).toMatchObject({ taskKey: KEY, detail: { owner: '李四', evidence: [{ name: '支委会会议纪要', number: '〔2026〕3号', place: '' }] } });
    await waitFor(() => expect((screen.getByLabelText('责任人') as HTMLInputElement).value).toBe('李四'));
  });

  it('a refused write shows its error, never 已保存, and keeps what was typed', async () => {
    background(() => ({ ok: false, code: 'failed', error: '内部错误 / Internal error' }));
    render(<LedgerInfo taskKey={KEY} domId="task-1" />);
    fireEvent.click(screen.getByRole('button', { name: '台账信息' }));
    fireEvent.input(await screen.findByLabelText('完成情况'), { target: { value: '已完成部署' } });
    fireEvent.click(screen.getByRole('button', { name: '保存台账信息' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('内部错误'));
    expect(screen.getByRole('status').textContent).toBe('');
    expect((screen.getByLabelText('完成情况') as HTMLTextAreaElement).value).toBe('已完成部署');
  });

  it('a write whose answer was lost but which the store holds is shown as saved', async () => {
    let stored: Record<string, unknown> = {};
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: ToBackground) => {
      if (msg.type === 'task/detail') return { ok: true, data: { fields: stored, updatedAt: null, defaults: { owner: '', leadDept: '', deadline: '' } } };
      if (msg.type === 'task/set-detail') {
        stored = { remark: msg.detail.remark };
        throw new Error('The message port closed before a response was received.');
      }
      throw new Error(`unexpected ${msg.type}`);
    }) as never);
    // Every attempt loses its answer (send asks again, without waiting here), then the store decides.
    setTransport(null, [0, 0, 0]);
    onTestFinished(() => setTransport(null));
    render(<LedgerInfo taskKey={KEY} domId="task-1" />);
    fireEvent.click(screen.getByRole('button', { name: '台账信息' }));
    fireEvent.input(await screen.findByLabelText('备注'), { target: { value: '见会议纪要' } });
    fireEvent.click(screen.getByRole('button', { name: '保存台账信息' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已保存'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
