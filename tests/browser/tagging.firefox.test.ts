// The same sensor in real Firefox ESR (puppeteer-core over WebDriver BiDi, the e2e build installed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { startDemoServer } from '../../scripts/demo/server';
import { launchFirefox, type FirefoxSession } from './harness';
import { TOUR_PAGES, readTags, type ExpectedFrame, type FoundTag } from './demo-expectations';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let session: FirefoxSession;
let page: Page;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  session = await launchFirefox();
  page = await session.browser.newPage();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function frameFor(expected: ExpectedFrame): Frame | undefined {
  const url = expected.url === 'about:blank' ? 'about:blank' : server.origin + expected.url;
  return page.frames().find((f) => f.url() === url);
}

async function tagsOf(frames: ExpectedFrame[], timeout = 15_000): Promise<Map<ExpectedFrame, FoundTag[]>> {
  const deadline = Date.now() + timeout;
  let result = new Map<ExpectedFrame, FoundTag[]>();
  while (Date.now() < deadline) {
    result = new Map();
    for (const expected of frames) {
      const frame = frameFor(expected);
      result.set(expected, frame ? await frame.evaluate(readTags).catch(() => []) : []);
    }
    if (frames.every((f) => result.get(f)?.length === f.count)) {
      await sleep(400);
      for (const expected of frames) result.set(expected, (await frameFor(expected)?.evaluate(readTags)) ?? []);
      return result;
    }
    await sleep(200);
  }
  return result;
}

describe('tagging the demo OA site in Firefox', () => {
  for (const expectedPage of TOUR_PAGES) {
    it(`tags every task on ${expectedPage.url} and nothing else`, async () => {
      await page.goto(server.origin + expectedPage.url);
      const found = await tagsOf(expectedPage.frames);
      for (const expected of expectedPage.frames) {
        const tags = found.get(expected) ?? [];
        expect(tags.length, `tags in ${expected.url}`).toBe(expected.count);
        expect(new Set(tags.map((t) => t.rowIndex)).size).toBe(tags.length);
        for (const tag of tags) expect(tag.category).toMatch(/^[a-z]+$/);
      }
      const hasTasks = expectedPage.frames.some((f) => f.count > 0);
      expect(await page.evaluate(() => document.querySelectorAll('ronghe-panel').length)).toBe(hasTasks ? 1 : 0);
      for (const frame of page.frames()) {
        if (frame !== page.mainFrame()) expect(await frame.evaluate(() => document.querySelectorAll('ronghe-panel').length)).toBe(0);
      }
    });
  }
});
