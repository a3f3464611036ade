// 标注本页任务 in real Firefox ESR (puppeteer-core over WebDriver BiDi, the e2e build installed): the
// in-page panel starts the picker; a title picked in an iframe whose list no rule knows is counted in
// the top frame's toolbar; 确认 tags each of its rows once, and a reload keeps them. Esc cancels.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launchFirefox, serveHtmlFiles, setFirefoxViewport, sleep, until, type FirefoxSession } from './harness';

const ROOT = resolve('tests/fixtures/picker');
const FRAME_TITLE = '城东片区棚户区改造项目建设进度报告';

let server: Awaited<ReturnType<typeof serveHtmlFiles>>;
let origin: string;
let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  server = await serveHtmlFiles(ROOT);
  origin = server.origin;
  session = await launchFirefox();
  page = await session.browser.newPage();
  await setFirefoxViewport(page, 1366, 768);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** A frame by its own location (puppeteer may report extension frames as about:blank). */
async function frameWhere(test: (href: string) => boolean): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (test(href)) return frame;
  }
  return undefined;
}

/** A real mouse click at the centre of `selector`'s element matching `text` in `frame`, which sits
 * in the page at the box of `frameElement` (ElementHandle.click in frames is unreliable on Firefox ESR). */
async function clickIn(frame: Frame, selector: string, text: string, frameBox: () => Promise<{ x: number; y: number }>): Promise<void> {
  const inner = await frame.evaluate(
    (sel, t) => {
      const el = [...document.querySelectorAll(sel)].find((e) => e.textContent?.trim() === t)!;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    selector,
    text,
  );
  const outer = await frameBox();
  await page.mouse.click(outer.x + inner.x, outer.y + inner.y);
}

const boxOf = (find: string) => () =>
  page.evaluate((f) => {
    const el = f === 'panel' ? document.querySelector('ronghe-panel')!.shadowRoot!.querySelector('iframe:not([hidden])')! : document.querySelector(f)!;
    const r = el.getBoundingClientRect();
    return { x: r.left + el.clientLeft, y: r.top + el.clientTop };
  }, find);

const toolbarStatus = () =>
  page.evaluate(() => document.querySelector('ronghe-picker')?.shadowRoot?.querySelector('[role=dialog] [role=status]')?.textContent ?? null);
const ui = (frame: Frame, key: string, subs?: string[]) =>
  frame.evaluate((k, s) => (globalThis as unknown as { browser: { i18n: { getMessage(k: string, s?: string[]): string } } }).browser.i18n.getMessage(k, s), key, subs);

type Texts = Record<'prompt' | 'count' | 'confirm', string>;

/** Opens the in-page panel, reads the UI strings there (it closes once the picker starts), starts it. */
async function openPanelAndStart(): Promise<Texts> {
  const handle = await page.waitForSelector('ronghe-panel >>> button.handle', { timeout: 30_000 });
  await handle!.click();
  const panel = await until(() => frameWhere((h) => h.startsWith('moz-extension://') && h.includes('/panel.html')), (f) => f !== undefined);
  if (!panel) throw new Error('no panel frame');
  await panel.waitForSelector('html[data-ready]', { timeout: 30_000 });
  const texts = { prompt: await ui(panel, 'picker_prompt'), count: await ui(panel, 'picker_count', ['4']), confirm: await ui(panel, 'picker_confirm') };
  await clickIn(panel, '.pick-tasks button', await ui(panel, 'picker_label'), boxOf('panel'));
  return texts;
}

describe('标注本页任务 (Firefox)', () => {
  it('picks a title in an iframe from the in-page panel; 确认 tags its rows; a reload keeps them; Esc cancels', async () => {
    await page.goto(`${origin}/outer-known.html`);
    expect(await until(() => page.evaluate(() => document.querySelectorAll('ronghe-tag').length), (n) => n === 2)).toBe(2);
    const list = await until(() => frameWhere((h) => h.endsWith('/frame-list.html')), (f) => f !== undefined);
    if (!list) throw new Error('no list frame');
    await sleep(1500);
    expect(await list.evaluate(() => document.querySelectorAll('ronghe-tag').length)).toBe(0); // no rule knows it

    // Esc first: everything the picker added goes, in both frames.
    const { prompt, count, confirm } = await openPanelAndStart();
    expect(await until(toolbarStatus, (s) => s === prompt)).toBe(prompt);
    await clickIn(list, 'b.s', FRAME_TITLE, boxOf('#work'));
    expect(await until(toolbarStatus, (s) => s?.includes(count) === true)).toContain(count);
    expect(await list.evaluate(() => document.querySelector('ronghe-picker')!.shadowRoot!.querySelectorAll('.box.row').length)).toBe(4);
    await page.keyboard.press('Escape');
    expect(await until(() => page.evaluate(() => document.querySelectorAll('ronghe-picker').length), (n) => n === 0)).toBe(0);
    expect(await until(() => list.evaluate(() => document.querySelectorAll('ronghe-picker').length), (n) => n === 0)).toBe(0);

    // Again, and 确认 this time.
    await openPanelAndStart();
    expect(await until(toolbarStatus, (s) => s === prompt)).toBe(prompt);
    await clickIn(list, 'b.s', FRAME_TITLE, boxOf('#work'));
    expect(await until(toolbarStatus, (s) => s?.includes(count) === true)).toContain(count);
    await page.evaluate((label) => {
      const button = [...document.querySelector('ronghe-picker')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === label)!;
      button.focus();
    }, confirm);
    await page.keyboard.press('Enter');
    const perRow = () => list.evaluate(() => [...document.querySelectorAll('ul.items > li')].map((li) => li.querySelectorAll('ronghe-tag').length));
    expect(await until(perRow, (v) => v.every((n) => n === 1))).toEqual([1, 1, 1, 1]);

    await page.reload();
    const again = await until(() => frameWhere((h) => h.endsWith('/frame-list.html')), (f) => f !== undefined);
    const againRows = () => again!.evaluate(() => [...document.querySelectorAll('ul.items > li')].map((li) => li.querySelectorAll('ronghe-tag').length));
    expect(await until(againRows, (v) => v.length === 4 && v.every((n) => n === 1))).toEqual([1, 1, 1, 1]);
    expect(await until(() => page.evaluate(() => document.querySelectorAll('ronghe-tag').length), (n) => n === 2)).toBe(2);
  });
});
