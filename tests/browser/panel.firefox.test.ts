// The side panel in real Firefox ESR (puppeteer-core over WebDriver BiDi, the e2e build installed):
// open from 融合助手, tick 同谋划, see the row tag update, and find it still ticked after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { startDemoServer } from '../../scripts/demo/server';
import { launchFirefox, setFirefoxViewport, until, type FirefoxSession } from './harness';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  session = await launchFirefox();
  page = await session.browser.newPage();
  await setFirefoxViewport(page, 1366, 768);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** The moz-extension panel frame. Puppeteer reports its url as about:blank: ask the frame itself. */
async function panelFrame(): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith('moz-extension://') && href.includes('/panel.html')) return frame;
  }
  return undefined;
}

async function waitPanel(): Promise<Frame> {
  const frame = await until(panelFrame, (f) => f !== undefined);
  if (!frame) throw new Error('no panel frame');
  await frame.waitForSelector('html[data-ready]', { timeout: 30_000 });
  await frame.waitForSelector('li.task', { timeout: 30_000 });
  return frame;
}

const tagPhases = (key: string) =>
  page.evaluate((k) => [...document.querySelectorAll('ronghe-tag')].find((t) => t.getAttribute('data-task-key') === k)?.getAttribute('data-phases') ?? null, key);

/** The checkbox of one task's phase, found by its accessible label text. */
async function phaseBox(frame: Frame, key: string, name: string) {
  const boxes = await frame.$$(`li.task[data-task-key=${JSON.stringify(key)}] label.phase`);
  for (const label of boxes) {
    if ((await label.evaluate((el) => el.querySelector('span')?.textContent)) === name) return (await label.$('input'))!;
  }
  throw new Error(`no ${name} checkbox`);
}

/**
 * A real mouse click on an element inside the panel frame. puppeteer's ElementHandle.click in a
 * frame asks Firefox ESR 140 for the frame element with a BiDi locator it doesn't know, so the point
 * is computed here: the panel iframe's box in the page plus the element's box in the frame.
 */
async function clickInPanel(element: Awaited<ReturnType<typeof phaseBox>>): Promise<void> {
  await element.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const inner = await element.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  const outer = await page.evaluate(() => {
    const r = document.querySelector('ronghe-panel')!.shadowRoot!.querySelector('iframe')!.getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
  await page.mouse.click(outer.x + inner.x, outer.y + inner.y);
}

describe('the side panel in Firefox', () => {
  it('opens from 融合助手, ticks 同谋划 into the row tag, and keeps it after a reload', async () => {
    await page.goto(server.origin + '/e9/wui/index.html#/main/workflow/listDoing');
    expect(await until(() => page.evaluate(() => document.querySelectorAll('ronghe-tag').length), (n) => n === 10)).toBe(10);
    const handle = await page.waitForSelector('ronghe-panel >>> button', { timeout: 30_000 });
    expect(await handle!.evaluate((el) => el.textContent)).toBe('融合助手');
    await handle!.click();
    const frame = await waitPanel();
    expect(await frame.$$eval('li.task', (els) => els.length)).toBe(10);
    const key = await frame.$eval('li.task', (el) => el.getAttribute('data-task-key')!);
    expect(await tagPhases(key)).toBe('0');
    const plan = await phaseBox(frame, key, '同谋划');
    await clickInPanel(plan);
    expect(await until(() => tagPhases(key), (v) => v === '1', 15_000)).toBe('1');
    // The host page can't see into the panel.
    expect(await page.evaluate(() => {
      const iframe = document.querySelector('ronghe-panel')!.shadowRoot!.querySelector('iframe')!;
      try {
        return iframe.contentDocument === null;
      } catch {
        return true;
      }
    })).toBe(true);

    await page.reload();
    expect(await until(() => tagPhases(key), (v) => v === '1')).toBe('1');
    // After a reload the handle waits for the background's announcement; the row tag opens it too.
    // A real click at the tag (its button sits in a closed shadow root).
    const rowTag = await page.waitForSelector(`ronghe-tag[data-task-key=${JSON.stringify(key)}]`, { timeout: 30_000 });
    await rowTag!.click();
    const again = await waitPanel();
    await again.waitForSelector(`li.task.selected`, { timeout: 30_000 });
    const box = await phaseBox(again, key, '同谋划');
    expect(await box.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
  });
});
