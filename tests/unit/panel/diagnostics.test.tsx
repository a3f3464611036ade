// @vitest-environment happy-dom
// A page that matched an OA product but found no rows: the panel says so and copies a report
// without any task data.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '@/components/panel/PanelApp';
import { createPanelStore, type Send } from '@/components/panel/store';
import { diagnosticsJson } from '@/components/panel/Diagnostics';
import { scriptedBackground, useChineseMessages } from './helpers';

const FRAMES = [{ product: 'ecology9', rows: 0, lists: 1, path: '/spa/workflow/static4form/index.html', adapterIds: ['ecology9', 'generic'] }];

beforeEach(() => useChineseMessages());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('diagnostics', () => {
  it('offers 复制诊断信息 and copies product, path, counts and adapter ids only', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const bg = scriptedBackground({ 'tasks/for-tab': { items: [], frames: FRAMES } });
    const store = createPanelStore({ send: bg.send as unknown as Send, mode: 'frame' });
    render(<PanelApp store={store} version="0.1.0" />);
    await store.load();
    const button = await screen.findByRole('button', { name: '复制诊断信息' });
    expect(screen.getByText(/ecology9/)).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = JSON.parse(writeText.mock.calls[0]![0]);
    expect(copied).toEqual({ ronghe: '0.1.0', frames: [{ product: 'ecology9', path: '/spa/workflow/static4form/index.html', rows: 0, lists: 1, adapterIds: ['ecology9', 'generic'] }] });
    await waitFor(() => expect(screen.getByText('诊断信息已复制。')).toBeTruthy());
  });

  it('falls back to the copy command, then to a text to copy by hand', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    (document as unknown as { execCommand: () => boolean }).execCommand = () => false;
    const bg = scriptedBackground({ 'tasks/for-tab': { items: [], frames: FRAMES } });
    const store = createPanelStore({ send: bg.send as unknown as Send, mode: 'frame' });
    render(<PanelApp store={store} version="0.1.0" />);
    await store.load();
    fireEvent.click(await screen.findByRole('button', { name: '复制诊断信息' }));
    await waitFor(() => expect(screen.getByText('无法自动复制，请手动复制下面的内容。')).toBeTruthy());
    expect((screen.getByRole('textbox', { name: '诊断信息' }) as HTMLTextAreaElement).value).toContain('"ecology9"');
  });

  it('strips the query from paths and shows nothing when rows were found', async () => {
    expect(JSON.parse(diagnosticsJson([{ ...FRAMES[0]!, path: '/a/b.jsp?user=1' }], '1')).frames[0].path).toBe('/a/b.jsp');
    const bg = scriptedBackground({ 'tasks/for-tab': { items: [], frames: [{ ...FRAMES[0]!, rows: 3 }] } });
    const store = createPanelStore({ send: bg.send as unknown as Send, mode: 'frame' });
    render(<PanelApp store={store} version="0.1.0" />);
    await store.load();
    await screen.findByText('本页还没有识别到业务任务。');
    expect(screen.queryByRole('button', { name: '复制诊断信息' })).toBeNull();
  });
});
