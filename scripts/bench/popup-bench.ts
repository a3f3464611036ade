// In real Chromium with the e2e build: time from navigating to popup.html until it shows the %
// (the popup's `ronghe-popup-ready` mark), with an empty store and with 10,000 tasks and
// 100,000 events, against the same page loading its modules and doing nothing (popup.html?blank),
// alternated in the same run; a no-script extension document's load is noted too.
// The store is seeded from an extension page with raw IndexedDB, using records built here by the
// store's own `toTagRecord` (so the index keys are exactly what the background would write).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CATEGORY_IDS, PHASE_IDS, type Event, type Tag, type Task } from '../../utils/model';
import { toTagRecord } from '../../utils/store/tag-record';
import { CounterDelta } from '../../utils/store/counters';
import { RONGHE_DB_NAME, RONGHE_DB_VERSION } from '../../utils/store/schema';
import { CHROMIUM_PATH, CHROME_E2E_DIR, QUIET_CHROMIUM_ARGS } from '../browsers';
import type { BenchResult } from './types';

const TASKS = 10_000;
const EVENTS = 100_000;
const RUNS = 7;
const CHUNK = 2_500;
const ORIGINS = ['http://oa.a.gov.cn', 'http://10.0.0.8:8080', 'http://127.0.0.1'];
const ACTIONS = [null, 'branch-meeting', 'commando-team', 'duty-post', 'vanguard-post', 'study-session', 'joint-inspection'];
const DAY = 86_400_000;

/** Deterministic records (LCG): tasks over the last 400 days, 10 events per task. */
function dataset(now: number): { tasks: Task[]; tags: unknown[]; events: Event[]; counters: unknown[] } {
  let lcg = 7;
  const rnd = () => (lcg = (lcg * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const tasks: Task[] = [];
  const tags: unknown[] = [];
  const events: Event[] = [];
  const perTask = EVENTS / TASKS;
  // The per-day counters the store keeps beside every tag write, built by the store's own code.
  const counters = new CounterDelta();
  for (let i = 0; i < TASKS; i++) {
    const key = `bench|${i}`;
    const origin = ORIGINS[i % ORIGINS.length]!;
    const at = now - Math.floor(rnd() * 400) * DAY - Math.floor(rnd() * DAY);
    tasks.push({ key, origin, product: 'ecology9', nativeId: String(i), title: `关于做好第${i}项重点工作的通知`, fields: { sender: '办公室', workflow: '收文', urgency: i % 5 }, firstSeen: at, lastSeen: at });
    const phases = Object.fromEntries(
      PHASE_IDS.map((p) => {
        const done = rnd() < 0.5;
        return [p, { done, at: done ? at + DAY : null, note: done ? '已结合支部会议部署' : '' }];
      }),
    ) as Tag['phases'];
    const tag: Tag = {
      taskKey: key, origin, category: CATEGORY_IDS[i % CATEGORY_IDS.length]!, action: ACTIONS[i % ACTIONS.length]!,
      source: 'auto', confidence: 0.8, evidence: ['防汛'], ruleId: null, phases, phaseCount: 0, integrated: 0, taggedAt: at, updatedAt: at,
    };
    tags.push(toTagRecord(tag));
    counters.add(tag, 1);
    for (let e = 0; e < perTask; e++) {
      const phase = PHASE_IDS[e % PHASE_IDS.length]!;
      const type = e === 0 ? 'tagged' : e % 3 === 0 ? 'note' : e % 2 === 0 ? 'phase-undone' : 'phase-done';
      const eventAt = at + e * 60_000;
      events.push({ id: `${key}|${type}|${eventAt}|${phase}`, taskKey: key, origin, type, at: eventAt, ...(type === 'tagged' ? { category: tag.category, action: tag.action } : { phase }) });
    }
  }
  return { tasks, tags, events, counters: counters.rows() };
}

/** Runs in an extension page: puts records into one store of the background's database. */
async function putChunk(args: { name: string; version: number; store: string; records: unknown[] }): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(args.name, args.version);
    open.addEventListener('success', () => resolve(open.result));
    open.addEventListener('error', () => reject(open.error));
    open.addEventListener('upgradeneeded', () => reject(new Error('the background has not created the database yet')));
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(args.store, 'readwrite');
    const store = tx.objectStore(args.store);
    for (const record of args.records) store.put(record);
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('error', () => reject(tx.error));
  });
  db.close();
}

async function seed(page: Page, now: number): Promise<void> {
  // The background opens (and migrates) the database before it answers any message.
  await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'settings/get' }));
  const data = dataset(now);
  for (const store of ['tasks', 'tags', 'events', 'counters'] as const) {
    const records = data[store] as unknown[];
    for (let i = 0; i < records.length; i += CHUNK) {
      await page.evaluate(putChunk, { name: RONGHE_DB_NAME, version: RONGHE_DB_VERSION, store, records: records.slice(i, i + CHUNK) });
    }
  }
}

const MARKS = ['ronghe-popup-start', 'ronghe-early-progress/get', 'ronghe-popup-commit', 'ronghe-popup-ready'] as const;
/** The popup's own marks, ms from navigation start: its module starts, the numbers arrive, they
 * are in the DOM, and (the result) they are painted. */
const breakdown: Record<(typeof MARKS)[number], number[]> = Object.fromEntries(MARKS.map((m) => [m, []])) as never;

/** ms from navigation start to the popup's ready mark (the % is on screen). */
async function popupOpen(context: BrowserContext, url: string, record = true): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  // The popup's own marks carry the timings: a quiet pause, then a rare check, so that polling
  // doesn't compete with the page it measures.
  await page.waitForTimeout(300);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 60_000, polling: 100 });
  const marks = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN), [...MARKS]);
  if (record) MARKS.forEach((m, i) => breakdown[m].push(marks[i]!));
  await page.close();
  return marks[MARKS.length - 1]!;
}

const describeBreakdown = () => {
  const [start, data, commit] = MARKS.map((m) => Math.round(median(breakdown[m])));
  return `script starts ${start} ms, numbers arrive ${data} ms, in the DOM ${commit} ms (medians of all opens)`;
};

/** ms from navigation start to the load event of an extension-origin document with no script. */
async function blankOpen(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const ms = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await page.close();
  return ms;
}

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The popup, alternated with its floor (the same page and modules, doing nothing: ?blank), so
 * both are measured on the same machine at the same moment. */
async function paired(context: BrowserContext, popupUrl: string): Promise<{ popup: number; floor: number }> {
  const floorUrl = `${popupUrl}?blank`;
  await popupOpen(context, popupUrl, false); // warm-up: first open compiles the bundle
  await popupOpen(context, floorUrl, false);
  const popup: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(await popupOpen(context, floorUrl, false));
    popup.push(await popupOpen(context, popupUrl));
  }
  return { popup: median(popup), floor: median(floor) };
}

async function medianOf(run: () => Promise<number>): Promise<number> {
  await run(); // warm-up: first open compiles the bundle
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  return median(samples);
}

export async function benchPopup(): Promise<BenchResult[]> {
  if (!existsSync(CHROMIUM_PATH) || !existsSync(join(CHROME_E2E_DIR, 'popup.html'))) {
    throw new Error('bench: needs /usr/bin/chromium and `npm run build:e2e` (with the popup)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'ronghe-popup-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 400, height: 600 },
    args: [...QUIET_CHROMIUM_ARGS, `--disable-extensions-except=${CHROME_E2E_DIR}`, `--load-extension=${CHROME_E2E_DIR}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const base = `chrome-extension://${new URL(worker.url()).host}`;
    const popupUrl = `${base}/popup.html`;
    const blankUrl = `${base}/managed-schema.json`;

    const blank = await medianOf(() => blankOpen(context, blankUrl));
    const empty = await paired(context, popupUrl);
    const seeder = await context.newPage();
    await seeder.goto(popupUrl);
    await seed(seeder, Date.now());
    await seeder.close();
    const full = await paired(context, popupUrl);
    const floorNote = (floor: number) => `the same page doing nothing (its floor): ${Math.round(floor)} ms`;
    return [
      {
        name: 'popup open → % shown, empty store',
        value: Math.round(empty.popup),
        unit: 'ms',
        baseline: floorNote(empty.floor),
        ratio: empty.popup / empty.floor,
        note: `median of ${RUNS}, opened as a tab; an extension document with no script loads in ${Math.round(blank)} ms`,
      },
      {
        name: `popup open → % shown, ${TASKS.toLocaleString('en')} tasks + ${EVENTS.toLocaleString('en')} events`,
        value: Math.round(full.popup),
        unit: 'ms',
        baseline: floorNote(full.floor),
        ratio: full.popup / full.floor,
        note: `median of ${RUNS}; budget ≤ 100 ms; progress/get from counters, no ledger/query; ${describeBreakdown()}`,
      },
    ];
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `tsx scripts/bench/popup-bench.ts` runs it alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchPopup()) console.log(`${r.name}: ${r.value} ${r.unit} (${r.baseline}; ×${r.ratio?.toFixed(2)}) ${r.note ?? ''}`);
}
