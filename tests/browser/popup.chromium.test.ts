// The popup in real Chromium with the e2e build: its % equals the badge and the store's share;
// CSV export keeps Chinese behind a BOM and neutralises formulas; a JSON backup restores the store.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo/server';
import { launchChromium, type ChromiumSession } from './harness';
import { EXPECTED, readTags } from './demo-expectations';

const FORMULA_TITLE = "=cmd|' /C calc'!A0";

/** A tiny OA-like list of our own, so a hostile title exists without touching the demo site. */
const HOSTILE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>收文处理</title></head><body>
<h2>待处理收文</h2>
<table class="grid" id="docList">
<thead><tr><th>序号</th><th>文件标题</th><th>来文单位</th><th>收文日期</th><th>操作</th></tr></thead>
<tbody>
<tr><td>1</td><td><a href="/doc?id=9001">关于做好2026年防汛抗旱工作的通知</a></td><td>区应急管理局</td><td>2026-11-20</td><td><a href="/doc?id=9001">办理</a></td></tr>
<tr><td>2</td><td><a href="/doc?id=9002">${FORMULA_TITLE.replace(/'/g, '&#39;')}</a></td><td>区政务服务中心</td><td>2026-11-21</td><td><a href="/doc?id=9002">办理</a></td></tr>
<tr><td>3</td><td><a href="/doc?id=9003">关于召开全区安全生产工作会议的通知</a></td><td>区政府办公室</td><td>2026-11-22</td><td><a href="/doc?id=9003">办理</a></td></tr>
</tbody></table></body></html>`;

interface Dump {
  tasks: Array<{ key: string; title: string }>;
  tags: Array<{ taskKey: string; taggedAt: number; phases: Record<string, { done: boolean }> }>;
  events: Array<{ id: string }>;
  rules: Array<{ id: string }>;
}
/** The bits of the `chrome` global these tests call inside extension contexts. */
type ChromeApi = {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: object): Promise<string> };
  i18n: { getMessage(key: string, substitutions?: string[]): string };
};
type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

let demo: Awaited<ReturnType<typeof startDemoServer>>;
let hostile: Server;
let hostileOrigin: string;
let session: ChromiumSession;
let popupUrl: string;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  hostile = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(HOSTILE_PAGE);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileOrigin = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
  session = await launchChromium();
  popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
});

afterAll(async () => {
  await session?.close();
  await demo?.close();
  await new Promise((resolve) => hostile?.close(resolve));
});

/** Sends a message to the background from an extension page, as the popup does. */
async function sendFrom<T>(page: Page, message: object): Promise<T> {
  const reply = await page.evaluate(
    (m) => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage(m) as Promise<Reply<unknown>>,
    message,
  );
  if (!reply?.ok) throw new Error(`${JSON.stringify(message).slice(0, 80)}: ${reply ? reply.error : 'no reply'}`);
  return reply.data as T;
}

/**
 * A UI string as the browser shows it. Debian's Chromium ships only en-US, so chrome.i18n falls
 * back to the English messages there; with chromium-l10n installed it is the Chinese one.
 */
function uiText(page: Page, key: string, substitutions?: string[]): Promise<string> {
  return page.evaluate(([k, s]) => (globalThis as unknown as { chrome: ChromeApi }).chrome.i18n.getMessage(k, s), [key, substitutions] as [string, string[] | undefined]);
}

async function openTagged(url: string, count: number): Promise<string[]> {
  const page = await session.context.newPage();
  await page.goto(url);
  await expect.poll(async () => (await page.evaluate(readTags)).length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(count);
  const keys = (await page.evaluate(readTags)).map((t) => t.key);
  await page.close();
  return keys;
}

async function openPopup(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(popupUrl);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 30_000 });
  return page;
}

const badgeText = () => session.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.action.getBadgeText({}));

/** integrated ÷ tagged of this year's tags, from the records themselves (not from any counter). */
function shareOf(dump: Dump, now = new Date()): string {
  const from = new Date(now.getFullYear(), 0, 1).getTime();
  const tags = dump.tags.filter((t) => t.taggedAt >= from);
  const integrated = tags.filter((t) => Object.values(t.phases).every((p) => p.done)).length;
  return `${Math.round((integrated / tags.length) * 100)}%`;
}

async function download(page: Page, buttonKey: string): Promise<{ name: string; bytes: Buffer }> {
  const button = page.getByRole('button', { name: await uiText(page, buttonKey), exact: true });
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('the popup in Chromium', () => {
  it('shows the same % as the badge and as the store, after phases are ticked', async () => {
    const e9 = EXPECTED.pages.find((p) => p.url.endsWith('#/main/workflow/listDoing'))!;
    const keys = await openTagged(demo.origin + e9.url, e9.frames[0]!.count);
    await openTagged(`${hostileOrigin}/todo`, 3);
    const popup = await openPopup();
    // Four tasks fully integrated, two half-way.
    for (const key of keys.slice(0, 4)) {
      for (const phase of ['plan', 'deploy', 'implement', 'inspect']) await sendFrom(popup, { type: 'task/set-phase', taskKey: key, phase, done: true });
    }
    for (const key of keys.slice(4, 6)) {
      for (const phase of ['plan', 'deploy']) await sendFrom(popup, { type: 'task/set-phase', taskKey: key, phase, done: true });
    }
    const dump = await sendFrom<Dump>(popup, { type: 'ledger/query' });
    const expected = shareOf(dump);
    expect(dump.tags.length).toBeGreaterThanOrEqual(keys.length + 3);
    expect(expected).not.toBe('0%');
    await expect.poll(badgeText, { timeout: 15_000 }).toBe(expected);
    await popup.reload();
    await popup.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 30_000 });
    expect(await popup.getByTestId('ring-percent').textContent()).toBe(expected);
    const label = await popup.getByRole('img').getAttribute('aria-label');
    const integrated = Math.round((Number.parseInt(expected, 10) / 100) * dump.tags.length);
    expect([expected, String(dump.tags.length)].every((part) => label?.includes(part))).toBe(true);
    expect(integrated).toBeGreaterThan(0);
    await popup.close();
  });

  it('exports CSV: BOM, Chinese kept, formula titles neutralised', async () => {
    const popup = await openPopup();
    await popup.getByLabel(await uiText(popup, 'popup_filter_period'), { exact: true }).selectOption('all');
    const csv = await download(popup, 'popup_export_csv');
    expect(csv.name).toMatch(/^融合台账-\d{8}-\d{4}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('关于做好2026年防汛抗旱工作的通知');
    expect(text).toContain(`'${FORMULA_TITLE}`);
    expect(text).not.toMatch(/(^|,)"?=cmd/m);
    await popup.close();
  });

  it('exports Excel as an .xlsx workbook', async () => {
    const popup = await openPopup();
    const xlsx = await download(popup, 'popup_export_xlsx');
    expect(xlsx.name).toMatch(/^融合台账-\d{8}-\d{4}\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await popup.close();
  });

  it('JSON export → data/clear → ledger/import gives identical records, and clears the backup reminder', async () => {
    const popup = await openPopup();
    const before = await sendFrom<Dump>(popup, { type: 'ledger/query' });
    const json = await download(popup, 'popup_export_json');
    expect(json.name).toMatch(/^融合台账-\d{8}-\d{4}\.json$/);
    await expect.poll(() => sendFrom<{ due: boolean }>(popup, { type: 'backup/status' }).then((s) => s.due)).toBe(false);
    await sendFrom(popup, { type: 'data/clear', confirm: '清空' });
    const cleared = await sendFrom<Dump>(popup, { type: 'ledger/query' });
    expect(cleared.tags).toHaveLength(0);
    await sendFrom(popup, { type: 'ledger/import', text: json.bytes.toString('utf8'), apply: true });
    const after = await sendFrom<Dump>(popup, { type: 'ledger/query' });
    const sorted = (d: Dump) => ({
      tasks: d.tasks.toSorted((a, b) => a.key.localeCompare(b.key)),
      tags: d.tags.toSorted((a, b) => a.taskKey.localeCompare(b.taskKey)),
      events: d.events.toSorted((a, b) => a.id.localeCompare(b.id)),
      rules: d.rules.toSorted((a, b) => a.id.localeCompare(b.id)),
    });
    expect(sorted(after)).toEqual(sorted(before));
    // The badge is recomputed from the restored store.
    await expect.poll(badgeText, { timeout: 15_000 }).toBe(shareOf(after));
    await popup.close();
  });

  it('switching the period saves it in settings, where the badge reads it', async () => {
    const popup = await openPopup();
    const all = popup.getByRole('radio', { name: await uiText(popup, 'period_all'), exact: true });
    const year = popup.getByRole('radio', { name: await uiText(popup, 'period_year'), exact: true });
    await all.check();
    await expect.poll(() => sendFrom<{ period: string }>(popup, { type: 'settings/get' }).then((s) => s.period)).toBe('all');
    await popup.reload();
    await popup.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 30_000 });
    expect(await all.isChecked()).toBe(true);
    await year.check();
    await expect.poll(() => sendFrom<{ period: string }>(popup, { type: 'settings/get' }).then((s) => s.period)).toBe('year');
    await popup.close();
  });
});
