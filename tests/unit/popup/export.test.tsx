// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Popup } from '@/components/popup/Popup';
import { buildLedgerFile, type LedgerDump } from '@/components/popup/export-ledger';
import { DEFAULT_CATALOG } from '@/utils/catalog/default-catalog';
import { parseBackup } from '@/utils/ledger';
import { background } from './mock-client';
import { openingReplies, progressOf, scriptedBackground, tag, task, useChineseMessages } from './helpers';

vi.mock('@/utils/ui/client', async () => (await import('./mock-client')).clientModule);

const DUMP: LedgerDump = {
  tasks: [task('a', '关于做好防汛工作的通知'), task('b', "=cmd|' /C calc'!A0"), task('c', '召开局务会')],
  tags: [tag('a', 4), tag('b', 1), tag('c', 0, 'meeting', 'branch-meeting')],
  events: [],
  rules: [],
  catalog: DEFAULT_CATALOG,
};

interface Download { name: string; blob: Blob }
let downloads: Download[];

beforeEach(() => {
  useChineseMessages();
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:popup/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.getAttribute('href')!)! });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const utf8 = async (blob: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytes(blob));

async function openPopup() {
  const script = scriptedBackground({ ...openingReplies(() => progressOf(3, 1)), 'ledger/query': DUMP, 'ledger/exported': {} });
  background.send = script.send;
  render(<Popup />);
  await screen.findByTestId('ring-percent');
  return script.calls;
}

describe('export', () => {
  it('导出 CSV downloads 融合台账-….csv: BOM, Chinese, formulas neutralised', async () => {
    const calls = await openPopup();
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const [file] = downloads;
    expect(file!.name).toMatch(/^融合台账-\d{8}-\d{4}\.csv$/);
    expect(file!.blob.type).toBe('text/csv;charset=utf-8');
    const raw = await bytes(file!.blob);
    expect(Array.from(raw.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = await utf8(file!.blob);
    expect(text).toContain('关于做好防汛工作的通知');
    expect(text).toContain("'=cmd|' /C calc'!A0");
    expect(text).not.toMatch(/(^|,)=cmd/m);
    expect(text.trimEnd().split('\r\n')).toHaveLength(4); // header + 3 tasks
    expect(calls.map((c) => c.type)).toContain('ledger/query');
    expect(await screen.findByText(/^已导出 融合台账-.*\.csv（3 项任务）$/)).toBeTruthy();
  });

  it('applies the filters: 融合状态 已完成 keeps only integrated tasks', async () => {
    await openPopup();
    fireEvent.change(screen.getByLabelText('融合状态'), { target: { value: 'integrated' } });
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const lines = (await utf8(downloads[0]!.blob)).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('关于做好防汛工作的通知');
  });

  it('filters by 党建动作 and 业务类别 with the catalog names as options', async () => {
    await openPopup();
    const action = screen.getByLabelText('党建动作') as HTMLSelectElement;
    expect([...action.options].map((o) => o.textContent)).toContain('三会一课（业务议题纳入支部会议）');
    fireEvent.change(action, { target: { value: 'branch-meeting' } });
    fireEvent.change(screen.getByLabelText('业务类别'), { target: { value: 'meeting' } });
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const lines = (await utf8(downloads[0]!.blob)).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('召开局务会');
  });

  it('导出 Excel downloads an .xlsx workbook', async () => {
    await openPopup();
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    expect(downloads[0]!.name).toMatch(/^融合台账-\d{8}-\d{4}\.xlsx$/);
    expect(downloads[0]!.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Array.from((await bytes(downloads[0]!.blob)).subarray(0, 2))).toEqual([0x50, 0x4b]); // "PK": a zip
  });

  it('导出 JSON downloads the complete backup and records it with ledger/exported', async () => {
    const calls = await openPopup();
    fireEvent.change(screen.getByLabelText('融合状态'), { target: { value: 'integrated' } });
    fireEvent.click(screen.getByRole('button', { name: '导出 JSON' }));
    await vi.waitFor(() => expect(calls.map((c) => c.type)).toContain('ledger/exported'));
    expect(downloads[0]!.name).toMatch(/^融合台账-\d{8}-\d{4}\.json$/);
    const parsed = await parseBackup(await utf8(downloads[0]!.blob));
    if (!parsed.ok) throw new Error(parsed.error.message);
    // Filters don't narrow a backup: it is what import restores.
    expect(parsed.dump.tasks).toEqual(DUMP.tasks);
    expect(parsed.dump.tags).toEqual(DUMP.tags);
    // backup/status is asked again so the reminder can go away.
    expect(calls.filter((c) => c.type === 'backup/status')).toHaveLength(2);
  });

  it('CSV and Excel are not recorded as a backup', async () => {
    const calls = await openPopup();
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(calls.map((c) => c.type)).not.toContain('ledger/exported');
  });

  it('names files by local date and time', async () => {
    const at = new Date(2026, 10, 28, 9, 5).getTime();
    const file = await buildLedgerFile('csv', DUMP, { period: 'all', action: '', category: '', phaseState: 'any' }, at);
    expect(file.name).toBe('融合台账-20261128-0905.csv');
    expect(file.count).toBe(3);
  });
});

describe('export carries whose ledger it is', () => {
  const profile = { personName: '王晓明', department: '办公室', branch: '机关第一党支部', unit: '某市发展改革委' };
  const dump: LedgerDump = { ...DUMP, details: [{ taskKey: 'b', origin: DUMP.tags[1]!.origin, updatedAt: 5, owner: '李四', deadline: '2026-06-30' }], profile };
  const choice = { period: 'all' as const, action: '', category: '' as const, phaseState: 'any' as const };

  it('JSON: the profile in the file, and every row named (a colleague\'s own entry kept)', async () => {
    const file = await buildLedgerFile('json', dump, choice, 1_780_000_000_000);
    const parsed = await parseBackup(await utf8(file.blob));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.meta.profile).toEqual(profile);
    const owners = Object.fromEntries((parsed.dump.details ?? []).map((d) => [d.taskKey, [d.owner, d.branch]]));
    expect(owners).toEqual({ a: ['王晓明', '机关第一党支部'], b: ['李四', '机关第一党支部'], c: ['王晓明', '机关第一党支部'] });
  });

  it('CSV: 责任人, 所属支部 and 单位 columns filled from the settings, 完成时限 from the details', async () => {
    const file = await buildLedgerFile('csv', dump, choice, 1_780_000_000_000);
    const lines = (await utf8(file.blob)).replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
    const col = (name: string) => lines[0]!.indexOf(name);
    const row = (title: string) => lines.find((l) => l[col('业务工作任务')]!.includes(title))!;
    expect(row('防汛')[col('责任人')]).toBe('王晓明');
    expect(row('防汛')[col('所属支部')]).toBe('机关第一党支部');
    expect(row('防汛')[col('单位')]).toBe('某市发展改革委');
    const b = lines.find((l) => l[col('责任人')] === '李四')!;
    expect(b[col('完成时限')]).toBe('2026-06-30');
  });
});
