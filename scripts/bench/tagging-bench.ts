// In real Chromium: time from the rows being in the DOM to the last <ronghe-tag>, divided by the
// same time for a floor extension (scripts/bench/floor-extension) measured in the same run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startDemoServer } from '../demo/server';
import { CHROMIUM_PATH, CHROME_E2E_DIR, QUIET_CHROMIUM_ARGS } from '../browsers';
import type { BenchResult } from './types';

const FLOOR_DIR = resolve('scripts/bench/floor-extension');
const RUNS = 5;

/** Installed before any page script: records when marker elements appear and long tasks. */
const PROBE = `(() => {
  const probe = { count: 0, last: 0, longest: 0 };
  window.__probe = probe;
  const names = new Set(['RONGHE-TAG', 'FLOOR-TAG']);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (names.has(n.nodeName)) { probe.count++; probe.last = performance.now(); }
  }).observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longest = Math.max(probe.longest, e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface Sample { ms: number; longest: number }

async function launch(extensionDir: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ronghe-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: [...QUIET_CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  await context.addInitScript(PROBE);
  if (extensionDir === CHROME_E2E_DIR && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return { context, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function sample(context: BrowserContext, url: string, rows: number): Promise<Sample> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((n) => (window as unknown as { __probe: { count: number } }).__probe.count >= n, rows, { timeout: 60_000, polling: 50 });
  const result = await page.evaluate(() => {
    const probe = (window as unknown as { __probe: { last: number; longest: number } }).__probe;
    const mark = performance.getEntriesByName('rows-in-dom')[0];
    return { ms: probe.last - (mark?.startTime ?? 0), longest: probe.longest };
  });
  await page.close();
  return result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function benchTagging(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM_PATH) || !existsSync(join(CHROME_E2E_DIR, 'manifest.json'))) {
    throw new Error('bench: needs /usr/bin/chromium and `npm run build:e2e`');
  }
  const server = await startDemoServer({ port: 0 });
  const ours = await launch(CHROME_E2E_DIR);
  const floor = await launch(FLOOR_DIR);
  const results: BenchResult[] = [];
  try {
    for (const [rows, at] of [[1000, 'parse'], [1000, 'load'], [5000, 'parse']] as const) {
      const url = `${server.origin}/big/list.html?rows=${rows}&at=${at}`;
      const how = at === 'parse' ? 'rows in the HTML' : 'rows inserted on load';
      // Warm both (first visit writes every task; later visits are the common case) then alternate.
      await sample(ours.context, url, rows);
      await sample(floor.context, url, rows);
      const a: Sample[] = [];
      const b: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        a.push(await sample(ours.context, url, rows));
        b.push(await sample(floor.context, url, rows));
      }
      const oursMs = median(a.map((s) => s.ms));
      const floorMs = median(b.map((s) => s.ms));
      results.push({
        name: `rows in DOM → last tag, ${rows} rows, ${how}`,
        value: Math.round(oursMs),
        unit: 'ms',
        baseline: `floor extension: ${Math.round(floorMs)} ms`,
        ratio: oursMs / floorMs,
        note: `median of ${RUNS}; budget ≤ 2.5× on 1,000 rows`,
      });
      results.push({
        name: `longest task, ${rows} rows, ${how}`,
        value: Math.round(median(a.map((s) => s.longest))),
        unit: 'ms',
        baseline: `floor extension: ${Math.round(median(b.map((s) => s.longest)))} ms`,
        note: 'PerformanceObserver longtask (0 = none over 50 ms); includes the page building its rows',
      });
    }
  } finally {
    await ours.close();
    await floor.close();
    await server.close();
  }
  const script = readFileSync(join(CHROME_E2E_DIR, 'content-scripts/content.js'));
  results.push({
    name: 'content script size, gzipped',
    value: Math.round((gzipSync(script, { level: 9 }).length / 1024) * 10) / 10,
    unit: 'KB',
    baseline: `${Math.round(script.length / 1024)} KB minified`,
    note: 'budget ≤ 20 KB',
  });
  return results;
}
