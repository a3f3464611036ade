// The sensor in real Chromium with the e2e build, on every page of the demo OA site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page, Request } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo/server';
import { launchChromium, type ChromiumSession } from './harness';
import { EXPECTED, TOUR_PAGES, categoryScore, readTags, type ExpectedFrame, type FoundTag } from './demo-expectations';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let session: ChromiumSession;
const extensionRequests: string[] = [];
const extensionErrors: string[] = [];

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  session = await launchChromium();
  const onRequest = (request: Request) => {
    const frameUrl = (() => {
      try {
        return request.frame().url();
      } catch {
        return ''; // service worker requests have no frame
      }
    })();
    const fromExtension = request.serviceWorker() !== null || frameUrl.startsWith('chrome-extension://');
    if (fromExtension && !request.url().startsWith('chrome-extension://')) extensionRequests.push(request.url());
    if (!request.url().startsWith(server.origin) && !request.url().startsWith('chrome-extension://') && !request.url().startsWith('data:')) {
      extensionRequests.push(`unexpected host: ${request.url()}`);
    }
  };
  session.context.on('request', onRequest);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openPage(path: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && (message.location().url.startsWith('chrome-extension://') || message.text().includes('[ronghe]'))) {
      extensionErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => {
    if (String(error.stack).includes('chrome-extension://')) extensionErrors.push(String(error));
  });
  await page.goto(server.origin + path);
  return page;
}

function frameFor(page: Page, expected: ExpectedFrame): Frame | undefined {
  if (expected.url === 'about:blank') return page.frames().find((f) => f.url() === 'about:blank');
  return page.frames().find((f) => f.url() === server.origin + expected.url);
}

/** Waits until each expected frame shows its count of tags (or the time runs out), then reads them. */
async function tagsOf(page: Page, frames: ExpectedFrame[], timeout = 15_000): Promise<Map<ExpectedFrame, FoundTag[]>> {
  const deadline = Date.now() + timeout;
  let result = new Map<ExpectedFrame, FoundTag[]>();
  while (Date.now() < deadline) {
    result = new Map();
    for (const expected of frames) {
      const frame = frameFor(page, expected);
      result.set(expected, frame ? await frame.evaluate(readTags).catch(() => []) : []);
    }
    if (frames.every((f) => result.get(f)?.length === f.count)) {
      // Stay a moment longer: a late duplicate must not slip through.
      await page.waitForTimeout(400);
      for (const expected of frames) {
        const frame = frameFor(page, expected);
        result.set(expected, frame ? await frame.evaluate(readTags) : []);
      }
      return result;
    }
    await page.waitForTimeout(200);
  }
  return result;
}

function assertComplete(tags: FoundTag[], expected: ExpectedFrame): void {
  expect(tags.length, `tags in ${expected.url}`).toBe(expected.count);
  expect(new Set(tags.map((t) => t.rowIndex)).size, `one tag per row in ${expected.url}`).toBe(tags.length);
  expect(new Set(tags.map((t) => t.key)).size, `distinct task keys in ${expected.url}`).toBe(tags.length);
  for (const tag of tags) {
    expect(tag.key).not.toBe('');
    expect(tag.category).toMatch(/^[a-z]+$/);
    expect(tag.action).toMatch(/^([a-z-]+|none)$/);
    expect(tag.phases).toMatch(/^[0-4]$/);
  }
}

describe('tagging the demo OA site in Chromium', () => {
  const categoryTotals = { hits: 0, total: 0, misses: [] as string[] };

  for (const expectedPage of TOUR_PAGES) {
    it(`tags every task on ${expectedPage.url} (${expectedPage.product}) and nothing else`, async () => {
      const page = await openPage(expectedPage.url);
      const found = await tagsOf(page, expectedPage.frames);
      for (const expected of expectedPage.frames) {
        const tags = found.get(expected) ?? [];
        assertComplete(tags, expected);
        if (expected.tasks) {
          const score = categoryScore(tags, expected.tasks);
          categoryTotals.hits += score.hits;
          categoryTotals.total += score.total;
          categoryTotals.misses.push(...score.misses);
        }
      }
      // The panel host lives in the top document only, and only once the page has tasks.
      const hasTasks = expectedPage.frames.some((f) => f.count > 0);
      expect(await page.locator('ronghe-panel').count()).toBe(hasTasks ? 1 : 0);
      for (const frame of page.frames()) {
        if (frame !== page.mainFrame()) expect(await frame.evaluate(() => document.querySelectorAll('ronghe-panel').length)).toBe(0);
      }
      await page.close();
    });
  }

  it('puts ≥ 85% of demo tasks in an acceptable category', () => {
    const share = categoryTotals.hits / Math.max(1, categoryTotals.total);
    console.log(`demo category accuracy: ${categoryTotals.hits}/${categoryTotals.total}`, categoryTotals.misses);
    expect(categoryTotals.total).toBeGreaterThan(100);
    expect(share).toBeGreaterThanOrEqual(0.85);
  });

  it('re-tags e-cology 9 pagination and hash routes without duplicates', async () => {
    const start = EXPECTED.pages.find((p) => p.url.endsWith('#/main/workflow/listDoing'))!;
    const page = await openPage(start.url);
    const first = (await tagsOf(page, start.frames)).get(start.frames[0]!)!;
    assertComplete(first, start.frames[0]!);
    const pageSize = start.pagination!.pageSize;
    const total = start.pagination!.total;
    // Next page: the OA replaces the whole tbody.
    await page.locator('li.ant-pagination-next').click();
    const second = { ...start.frames[0]!, count: Math.min(pageSize, total - pageSize) };
    const afterNext = (await tagsOf(page, [second])).get(second)!;
    assertComplete(afterNext, second);
    expect(afterNext.map((t) => t.key)).not.toEqual(first.map((t) => t.key));
    // Hash route change: 待办 → 已办.
    const done = EXPECTED.pages.find((p) => p.url.endsWith('#/main/workflow/listDone'))!;
    await page.evaluate(() => (location.hash = '#/main/workflow/listDone'));
    const afterRoute = (await tagsOf(page, done.frames)).get(done.frames[0]!)!;
    assertComplete(afterRoute, done.frames[0]!);
    await page.close();
  });

  it("keeps the host page's own scripts working", async () => {
    const start = EXPECTED.pages.find((p) => p.url.endsWith('#/main/workflow/listDoing'))!;
    const page = await openPage(start.url);
    await tagsOf(page, start.frames);
    const before = await page.evaluate(() => (window as unknown as { __demoClicks?: number }).__demoClicks ?? 0);
    await page.locator('.ant-table-tbody > tr a[onclick*="openSPA4Single"]').first().click();
    expect(await page.evaluate(() => (window as unknown as { __demoClicks?: number }).__demoClicks ?? 0)).toBe(before + 1);
    await page.close();
  });

  it('made no network request from any extension context and logged no extension error', () => {
    expect(extensionRequests).toEqual([]);
    expect(extensionErrors).toEqual([]);
  });
});
