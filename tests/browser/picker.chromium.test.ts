// 标注本页任务 in real Chromium with the e2e build, on layouts no rule knows (tests/fixtures/picker):
// 0 tags at first; started from the popup (top-level list) and from the in-page panel (list in an
// iframe); a wrong pick says why; one picked title → every row outlined and counted; 确认 → one
// <ronghe-tag> per row, kept after a reload; Esc leaves nothing behind; clicks never reach the page.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { axeViolations, launchChromium, serveHtmlFiles, seriousOrCritical, type ChromiumSession } from './harness';

const ROOT = resolve('tests/fixtures/picker');
const CARD_TITLES = [
  '关于报送2026年度部门预算编制情况的通知',
  '关于开展冬季安全生产大检查的紧急通知',
  '市政府办公室关于防汛抗旱工作的督办函',
  '关于组织参加党纪学习教育专题讲座的通知',
  '关于征求十五五规划纲要意见的函',
];
const FRAME_TITLES = ['关于做好2026年冬季供暖保障工作的通知', '关于开展行政执法案卷评查工作的通知', '城东片区棚户区改造项目建设进度报告', '关于推荐优秀共产党员和先进基层党组织的通知'];

type ChromeApi = {
  i18n: { getMessage(key: string, substitutions?: string[]): string };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(tabId: number, m: unknown, o?: object): Promise<unknown> };
};

let server: Awaited<ReturnType<typeof serveHtmlFiles>>;
let port: number;
let session: ChromiumSession;
let popupUrl: string;
const extensionErrors: string[] = [];

beforeAll(async () => {
  server = await serveHtmlFiles(ROOT);
  port = server.port;
  session = await launchChromium();
  popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  expect(extensionErrors).toEqual([]);
});

async function openPage(url: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (error) => {
    if (String(error.stack).includes('chrome-extension://')) extensionErrors.push(String(error));
  });
  await page.goto(url);
  return page;
}

/** A UI string as the browser shows it (Debian's Chromium: English unless chromium-l10n is installed). */
async function ui(key: string, substitutions?: string[]): Promise<string> {
  return session.worker.evaluate(([k, s]) => (globalThis as unknown as { chrome: ChromeApi }).chrome.i18n.getMessage(k, s), [key, substitutions] as [string, string[] | undefined]);
}

/** The sensor had time to read the page (its settle window is far longer): tags so far. */
async function settledTags(frame: Frame | Page): Promise<number> {
  await frame.waitForTimeout(1500);
  return frame.locator('ronghe-tag').count();
}

/** Clicks 标注本页任务 in the popup, opened for the OA tab as the toolbar would. */
async function startFromPopup(oa: Page): Promise<void> {
  const popup = await session.context.newPage();
  await popup.goto(popupUrl);
  await oa.bringToFront();
  await popup.reload(); // the popup reads the active tab when it opens: now the OA page's
  await popup.getByRole('button', { name: await ui('picker_label') }).click();
  await expect.poll(() => popup.locator('.site .note').textContent()).toBe(await ui('picker_started'));
  await popup.close();
  await oa.bringToFront();
}

/** Polls until `get` gives something (or throws after `timeout`). */
async function waitFor<T>(get: () => T | undefined | null, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 100));
  }
}

const bar = (page: Page) => page.locator('ronghe-picker [role=dialog]');
const status = (page: Page) => bar(page).locator('[role=status]');

/** Each row holds exactly one tag, and no tag is anywhere else. */
async function tagsPerRow(frame: Frame | Page, rowSelector: string): Promise<number[]> {
  return frame.locator(rowSelector).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('ronghe-tag').length));
}

describe('标注本页任务 (Chromium)', () => {
  it('Esc cancels, wherever the pick is, and leaves nothing in the page', async () => {
    const page = await openPage(`http://127.0.0.1:${port}/cards.html`);
    expect(await settledTags(page)).toBe(0); // no rule knows this layout
    await startFromPopup(page);
    await expect.poll(() => status(page).textContent()).toBe(await ui('picker_prompt'));
    await page.getByText(CARD_TITLES[0]!, { exact: true }).click();
    await expect.poll(() => status(page).textContent()).toContain(await ui('picker_count', ['5']));
    expect(await page.locator('ronghe-picker .box.row').count()).toBe(5);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('ronghe-picker').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { rowClicks: number }).rowClicks)).toBe(0);
    expect(await page.locator('ronghe-tag').count()).toBe(0);
    await page.close();
  });

  it('a wrong pick says why; the keyboard picks without a mouse; a pick outlines and counts; 确认 tags every row; a reload keeps it', async () => {
    const page = await openPage(`http://127.0.0.1:${port}/cards.html`);
    expect(await settledTags(page)).toBe(0);
    await startFromPopup(page);
    await expect.poll(() => status(page).textContent()).toBe(await ui('picker_prompt'));

    // The toolbar sits at the top centre of a 1366×768 page, clear of the list.
    const box = (await bar(page).boundingBox())!;
    const list = (await page.locator('#flowBox').boundingBox())!;
    expect(box.y).toBeLessThan(10);
    expect(box.y + box.height).toBeLessThan(list.y);

    // A menu item: the reason, no rule, and the page's link did not navigate.
    await page.getByRole('link', { name: '公文管理' }).click();
    await expect.poll(() => status(page).textContent()).toBe(await ui('picker_problem_nav'));
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await bar(page).getByRole('button', { name: await ui('picker_confirm') }).isVisible()).toBe(false);

    // The keyboard: arrows move a candidate among the page's texts, Enter picks it.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('ArrowDown');
      if ((await status(page).textContent())?.includes(CARD_TITLES[1]!)) break;
    }
    expect(await status(page).textContent()).toBe(await ui('picker_candidate', [CARD_TITLES[1]!]));
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent()).toContain(await ui('picker_count', ['5']));
    expect(await page.locator('ronghe-picker .box.row').count()).toBe(5);
    // With its count and buttons, the toolbar still leaves the list clear.
    const counted = (await bar(page).boundingBox())!;
    expect(counted.y + counted.height).toBeLessThan(list.y);
    // The toolbar with its count and buttons passes axe (no serious or critical violation).
    expect(seriousOrCritical(await axeViolations(page.mainFrame()))).toEqual([]);
    // 确认 has the focus: a keyboard user goes on with Tab and Enter.
    expect(await page.evaluate(() => document.querySelector('ronghe-picker')!.shadowRoot!.activeElement?.textContent)).toBe(await ui('picker_confirm'));

    // 重选, then a mouse pick of another title.
    await bar(page).getByRole('button', { name: await ui('picker_repick') }).click();
    await expect.poll(() => status(page).textContent()).toBe(await ui('picker_prompt'));
    expect(await page.locator('ronghe-picker .box.row').count()).toBe(0);
    await page.getByText(CARD_TITLES[2]!, { exact: true }).click();
    await expect.poll(() => status(page).textContent()).toContain(await ui('picker_count', ['5']));
    expect(await page.evaluate(() => (window as unknown as { rowClicks: number }).rowClicks)).toBe(0);

    await bar(page).getByRole('button', { name: await ui('picker_confirm') }).click();
    await expect.poll(() => page.locator('ronghe-tag').count(), { timeout: 10_000 }).toBe(5);
    expect(await tagsPerRow(page, '#flowBox > .flow-card')).toEqual([1, 1, 1, 1, 1]);
    await expect.poll(() => bar(page).count()).toBe(0);
    expect(await page.locator('ronghe-picker').getByRole('status').textContent()).toBe(await ui('picker_saved', ['5']));

    await page.reload();
    await expect.poll(() => page.locator('ronghe-tag').count(), { timeout: 10_000 }).toBe(5);
    expect(await tagsPerRow(page, '#flowBox > .flow-card')).toEqual([1, 1, 1, 1, 1]);
    expect(await page.locator('ronghe-picker').count()).toBe(0);
    await page.close();
  });

  it('the list in an iframe, started from the in-page panel: a pick in the frame, the count in the top toolbar', async () => {
    // localhost: another site than 127.0.0.1, so the rule saved above doesn't apply here.
    const page = await openPage(`http://localhost:${port}/outer.html`);
    const frame = page.frames().find((f) => f.url().endsWith('/frame-list.html'))!;
    await frame.waitForLoadState();
    expect(await settledTags(frame)).toBe(0);

    // The page has no tasks yet, so no 融合助手 handle: the keyboard command's message opens the panel.
    await session.worker.evaluate(async (url) => {
      const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'panel/open' }, { frameId: 0 });
    }, page.url());
    const panelFrame = await waitFor(() => page.frames().find((f) => f.url().startsWith(`chrome-extension://${session.extensionId}/panel.html`)));
    await panelFrame.getByRole('button', { name: await ui('picker_label') }).click();
    await expect.poll(() => status(page).textContent()).toBe(await ui('picker_prompt'));
    // The panel got out of the way, and the toolbar has the focus.
    await expect.poll(() => page.locator('ronghe-panel iframe:not([hidden])').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.querySelector('ronghe-picker')!.shadowRoot!.activeElement?.getAttribute('role'))).toBe('dialog');

    // A wrong pick in the top frame: the shell's side menu.
    await page.getByText('通知公告', { exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe(await ui('picker_problem_nav'));

    // Without a mouse: the arrows reach the iframe, Enter goes in, the arrows and Enter pick there.
    for (let i = 0; i < 20 && (await status(page).textContent()) !== (await ui('picker_frame')); i++) await page.keyboard.press('ArrowDown');
    expect(await status(page).textContent()).toBe(await ui('picker_frame'));
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => frame.locator('ronghe-picker [role=status]').textContent()).toBe(await ui('picker_candidate', [FRAME_TITLES[0]!]));
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent()).toContain(await ui('picker_count', ['4']));
    await bar(page).getByRole('button', { name: await ui('picker_repick') }).click();
    await expect.poll(() => status(page).textContent()).toBe(await ui('picker_prompt'));
    expect(await frame.locator('ronghe-picker .box.row').count()).toBe(0);

    await frame.getByText(FRAME_TITLES[2]!, { exact: true }).click();
    await expect.poll(() => status(page).textContent()).toContain(await ui('picker_count', ['4']));
    expect(await frame.locator('ronghe-picker .box.row').count()).toBe(4);
    await bar(page).getByRole('button', { name: await ui('picker_confirm') }).click();
    await expect.poll(() => frame.locator('ronghe-tag').count(), { timeout: 10_000 }).toBe(4);
    expect(await tagsPerRow(frame, 'ul.items > li')).toEqual([1, 1, 1, 1]);
    await expect.poll(() => frame.locator('ronghe-picker').count()).toBe(0);
    await expect.poll(() => bar(page).count()).toBe(0);

    await page.reload();
    const again = await waitFor(() => page.frames().find((f) => f.url().endsWith('/frame-list.html')));
    await expect.poll(() => again.locator('ronghe-tag').count(), { timeout: 10_000 }).toBe(4);
    expect(await tagsPerRow(again, 'ul.items > li')).toEqual([1, 1, 1, 1]);
    await page.close();
  });
});
