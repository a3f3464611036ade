// The MV3 worker stopped at random moments (CDP ServiceWorker.stopAllWorkers) in real Chromium
// with the e2e build: while the panel ticks phases, and while the page reports its rows. Every tick
// is checked against IndexedDB itself (read from an extension page, not through the worker):
// no acknowledged tick lost, none shown failed that was saved, the row tag follows the stored
// phases, and the panel lists the page's tasks after every restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo/server';
import { launchChromium, readStored, type ChromiumSession } from './harness';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let session: ChromiumSession;
let reader: Page;
let kills = 0;
const workerErrors: string[] = [];

const E9 = '/e9/wui/index.html#/main/workflow/listDoing';
const PHASES = [
  ['plan', '同谋划'],
  ['deploy', '同部署'],
  ['implement', '同落实'],
  ['inspect', '同检查'],
] as const;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  session = await launchChromium();
  // Every worker instance (each restart is a new one): its uncaught errors count as failures.
  const watch = (worker: { on(event: 'console', fn: (m: { type(): string; text(): string }) => void): void }) =>
    worker.on('console', (m) => {
      if (m.type() === 'error' && /Uncaught|No SW/.test(m.text())) workerErrors.push(m.text());
    });
  session.context.serviceWorkers().forEach(watch);
  session.context.on('serviceworker', watch);
  // A quiet extension page that reads the store directly.
  reader = await session.context.newPage();
  await reader.goto(`chrome-extension://${session.extensionId}/panel.html?mode=blank`);
  await reader.waitForSelector('html[data-ready]', { state: 'attached', timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** A CDP session on a page, with the ServiceWorker domain on (stopAllWorkers needs it). */
async function workerControl(page: Page): Promise<CDPSession> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return cdp;
}

async function stopWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  kills++;
}

/** A tag as IndexedDB holds it, read by an extension page without the worker. */
const storedTag = (key: string) => readStored<{ phases: Record<string, { done: boolean }>; phaseCount: number }>(reader, 'tags', key);

function panelFrameOf(page: Page): Frame | undefined {
  return page
    .frames()
    .filter((f) => !f.isDetached() && f.url().startsWith(`chrome-extension://${session.extensionId}/panel.html`))
    .at(-1);
}

async function openPanel(page: Page): Promise<Frame> {
  await page.getByRole('button', { name: '融合助手', exact: true }).click({ timeout: 30_000 });
  await expect.poll(() => panelFrameOf(page) !== undefined, { timeout: 30_000 }).toBe(true);
  const frame = panelFrameOf(page)!;
  // Ours, with the tab's token (site/config answered although the worker kept stopping).
  expect(frame.url()).toContain('?host=');
  await frame.waitForSelector('html[data-ready]', { timeout: 30_000 });
  return frame;
}

async function tagPhases(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => [...document.querySelectorAll('ronghe-tag')].find((t) => t.getAttribute('data-task-key') === k)?.getAttribute('data-phases') ?? null, key);
}

const tagCount = (page: Page) => page.evaluate(() => document.querySelectorAll('ronghe-tag').length);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Deterministic "random" numbers: the same run every time. */
function lcg(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

describe('the worker stops at any moment', () => {
  it('a panel opened after a stop lists every task on the page, and so does a reopened one', async () => {
    const page = await session.context.newPage();
    await page.goto(server.origin + E9);
    await expect.poll(() => tagCount(page), { timeout: 30_000 }).toBe(10);
    const cdp = await workerControl(page);
    await stopWorkers(cdp);
    await sleep(300);
    const panel = await openPanel(page);
    await expect.poll(() => panel.locator('li.task').count(), { timeout: 15_000 }).toBe(10);
    expect(await panel.locator('.empty').count()).toBe(0);
    // Closed, the worker stopped again, reopened: still every task.
    await page.keyboard.press('Escape');
    await page.locator('body').press('Escape');
    await stopWorkers(cdp);
    await sleep(300);
    const again = await openPanel(page);
    await expect.poll(() => again.locator('li.task').count(), { timeout: 15_000 }).toBe(10);
    await page.close();
  });

  it('ticks under worker stops: 0 acknowledged lost, 0 shown failed but saved, 0 row-tag lags', async () => {
    const page = await session.context.newPage();
    await page.goto(server.origin + E9);
    await expect.poll(() => tagCount(page), { timeout: 30_000 }).toBe(10);
    const cdp = await workerControl(page);
    const panel = await openPanel(page);
    const cards = panel.locator('li.task');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(10);
    const keys = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-task-key')!));

    const random = lcg(13);
    let lost = 0;
    let shownFailedButSaved = 0;
    let tagLags = 0;
    let shownWrong = 0;
    const TICKS = 40;
    for (let i = 0; i < TICKS; i++) {
      const key = keys[random(keys.length)]!;
      const [phase, name] = PHASES[random(4)]!;
      const box = panel.locator(`li.task[data-task-key="${key}"]`).getByRole('checkbox', { name, exact: true });
      const want = !(await box.isChecked());
      const click = box.click({ timeout: 15_000 });
      // Stops land before the message, while the worker writes, or while it answers (and the
      // worker that the retry starts may be stopped too).
      for (let k = 0; k < 3; k++) {
        await sleep(random(25));
        await stopWorkers(cdp);
      }
      await click;
      await expect.poll(() => box.getAttribute('aria-busy'), { timeout: 20_000 }).toBeNull();
      const failed = (await panel.locator('p.error[role="alert"]').count()) > 0;
      const stored = await storedTag(key);
      const saved = stored?.phases[phase]?.done === want;
      if (!failed && !saved) lost++;
      if (failed && saved) shownFailedButSaved++;
      if ((await box.isChecked()) !== stored?.phases[phase]?.done) shownWrong++;
      // The row tag follows the store.
      const deadline = Date.now() + 5000;
      while ((await tagPhases(page, key)) !== String(stored?.phaseCount) && Date.now() < deadline) await sleep(50);
      if ((await tagPhases(page, key)) !== String(stored?.phaseCount)) tagLags++;
      // The open panel never empties.
      expect(await cards.count()).toBe(10);
    }
    console.info(`[reliability] ${TICKS} ticks, ${kills} worker stops so far: ${lost} acknowledged lost, ${shownFailedButSaved} shown failed but saved, ${tagLags} row-tag lags, ${shownWrong} shown unlike the store`);
    expect({ lost, shownFailedButSaved, tagLags, shownWrong }).toEqual({ lost: 0, shownFailedButSaved: 0, tagLags: 0, shownWrong: 0 });
    await page.close();
  }, 240_000);

  it('row reports under worker stops: every reload tags every row, and the panel lists them', async () => {
    const page = await session.context.newPage();
    const cdp = await workerControl(page);
    const random = lcg(7);
    for (let i = 0; i < 6; i++) {
      const loading = page.goto(server.origin + E9);
      await sleep(random(400));
      await stopWorkers(cdp);
      await loading;
      await sleep(random(200));
      await stopWorkers(cdp);
      await expect.poll(() => tagCount(page), { timeout: 30_000 }).toBe(10);
    }
    // Each tag shows its stored phases.
    const shown = await page.evaluate(() => [...document.querySelectorAll('ronghe-tag')].map((t) => [t.getAttribute('data-task-key')!, t.getAttribute('data-phases')!]));
    for (const [key, phases] of shown) expect(phases).toBe(String((await storedTag(key!))?.phaseCount));
    await stopWorkers(cdp);
    const panel = await openPanel(page);
    await expect.poll(() => panel.locator('li.task').count(), { timeout: 15_000 }).toBe(10);
    console.info(`[reliability] ${kills} worker stops in all`);
    expect(kills).toBeGreaterThanOrEqual(50);
    expect(workerErrors).toEqual([]);
    await page.close();
  }, 180_000);
});
