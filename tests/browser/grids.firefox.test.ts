// The sensor (e2e build) in real Firefox ESR on pages rendered by the real grid libraries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness';
import { GRIDS, startUnseenServer } from './unseen-server';
import { checkGridPage, summarize, type GridResult, type PageDriver } from './grids-shared';

let server: Awaited<ReturnType<typeof startUnseenServer>>;
let session: FirefoxSession;
let page: Page;
const results: GridResult[] = [];

beforeAll(async () => {
  server = await startUnseenServer();
  session = await launchFirefox();
  page = await session.browser.newPage();
}, 90_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('grid libraries in Firefox', () => {
  for (const grid of GRIDS.pages) {
    it(`${grid.lib}: ${grid.url}`, async () => {
      await page.goto(server.origin + grid.url);
      results.push(...(await checkGridPage(page as unknown as PageDriver, grid)));
    }, 120_000);
  }

  it('puts ≥ 85% of the tagged tasks in a category a person would accept', () => {
    console.log(`[grids firefox]\n${summarize(results)}`);
    const tagged = results.reduce((n, r) => n + r.tagged, 0);
    const hits = results.reduce((n, r) => n + r.categoryHits, 0);
    expect(tagged).toBeGreaterThan(0);
    expect(hits / tagged).toBeGreaterThanOrEqual(0.85);
  });
});
