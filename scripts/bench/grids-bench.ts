// Detection on 1,000-row pages drawn by real grid libraries (tests/fixtures/grids/bench), in
// Chromium: detectLists + extractRows (the adapters bundle, as the content script runs them)
// against a floor measured in the same page and run: one pass that reads every row's text.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_CHROMIUM_ARGS } from '../browsers';
import { startUnseenServer } from '../../tests/browser/unseen-server';
import type { BenchResult } from './types';

const PAGES = [
  ['EasyUI datagrid (frozen + scrolling tables)', '/grids/bench/easyui-1000.html'],
  ['Element UI el-table (fixed left/right copies)', '/grids/bench/element-ui-1000.html'],
] as const;
const RUNS = 9;

export async function benchGrids(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error('bench: needs /usr/bin/chromium');
  const bundle = await build({
    entryPoints: ['utils/adapters/index.ts'], bundle: true, write: false, format: 'iife', globalName: 'RongheAdapters', target: 'chrome88', minify: true,
  });
  const source = bundle.outputFiles[0]!.text;
  const server = await startUnseenServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: QUIET_CHROMIUM_ARGS });
  const results: BenchResult[] = [];
  try {
    for (const [name, url] of PAGES) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(server.origin + url);
      await page.waitForFunction(() => (window as unknown as { gridReady?: boolean }).gridReady === true, undefined, { timeout: 60_000 });
      await page.waitForTimeout(500);
      await page.addScriptTag({ content: source });
      // A string, not a function: tsx would wrap a function with helpers the page doesn't have.
      const r = (await page.evaluate(`(async () => {
        const api = window.RongheAdapters;
        const ours = [], floor = [];
        let rows = 0, floorRows = 0;
        for (let i = 0; i < ${RUNS}; i++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          let t = performance.now();
          rows = api.detectLists(document, new URL(location.href)).reduce((n, m) => n + api.extractRows(m).length, 0);
          ours.push(performance.now() - t);
          t = performance.now();
          floorRows = 0;
          for (const tr of document.querySelectorAll('tbody > tr')) if ((tr.textContent || '').replace(/\\s+/g, ' ').trim()) floorRows++;
          floor.push(performance.now() - t);
        }
        const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        return { ours: median(ours), floor: median(floor), rows, floorRows };
      })()`)) as { ours: number; floor: number; rows: number; floorRows: number };
      results.push({
        name: `grid detection, 1,000 rows: ${name}`,
        value: Math.round(r.ours * 10) / 10,
        unit: 'ms',
        baseline: `floor (read every row's text, ${r.floorRows} tr): ${r.floor.toFixed(1)} ms`,
        ratio: r.ours / r.floor,
        note: `median of ${RUNS}; ${r.rows} tasks found`,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
