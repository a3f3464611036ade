// Saves the markup the real grid libraries render (tests/fixtures/grids, in Chromium without the
// extension) as unit-test fixtures under tests/fixtures/grids-saved/, scripts removed:
//   npx tsx tests/browser/save-grids.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from '../../scripts/browsers';
import { GRIDS, startUnseenServer } from './unseen-server';

const OUT = path.resolve('tests/fixtures/grids-saved');
mkdirSync(OUT, { recursive: true });
const server = await startUnseenServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: QUIET_CHROMIUM_ARGS });
try {
  for (const grid of GRIDS.pages) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.origin + grid.url);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    const html = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true) as HTMLElement;
      for (const s of doc.querySelectorAll('script, link[rel="stylesheet"], style')) s.remove();
      return '<!doctype html>\n' + doc.outerHTML;
    });
    writeFileSync(path.join(OUT, grid.saved), html);
    console.log(`${grid.saved}: ${html.length} chars`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
