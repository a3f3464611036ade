// A list whose HTML arrives slowly (a JSP that flushes its rows as it reads them, a slow server):
// in real Chromium with the e2e build, rows are tagged while the rest of the page is still on its
// way, a row cut in half by the network waits until it is whole, and once the page is complete every
// row has exactly one tag and its task is stored with all its fields.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { staticListHtml } from '../../scripts/bench/bench-pages';
import { launchChromium, readStored, sleep, until, type ChromiumSession } from './harness';

const ROWS = 60;
let session: ChromiumSession;
let server: Server;
let origin = '';
let reader: Page;
/** Releases the rest of the page (the test decides when). */
let release: () => void = () => {};

beforeAll(async () => {
  const html = staticListHtml(ROWS, 'data:text/css,');
  // Cut inside row 40, between its title cell and its other cells.
  const rows = html.split('<tr class="ant-table-row');
  const head = rows.slice(0, 40).join('<tr class="ant-table-row');
  const cut = rows[40]!.indexOf('</td>') + 5;
  const first = head + '<tr class="ant-table-row' + rows[40]!.slice(0, cut);
  const rest = html.slice(first.length);
  server = createServer((req, res) => {
    if (!req.url?.startsWith('/slow/list.html')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    // The rows up to the cut at once, then the rest when released.
    res.write(first);
    const done = new Promise<void>((resolve) => (release = resolve));
    const timer = setTimeout(() => release(), 20_000);
    void done.then(() => {
      clearTimeout(timer);
      res.end(rest);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  origin = `http://127.0.0.1:${address.port}`;
  session = await launchChromium();
  reader = await session.context.newPage();
  await reader.goto(`chrome-extension://${session.extensionId}/panel.html?mode=blank`);
  await reader.waitForSelector('html[data-ready]', { state: 'attached', timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  release();
  await session?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

const seen = (page: Page) =>
  page.evaluate(() => ({ readyState: document.readyState, keys: [...document.querySelectorAll('ronghe-tag')].map((t) => t.getAttribute('data-task-key')!) }));

/** A stored task, read by an extension page without the worker. */
const storedTask = (key: string) => readStored<{ title: string; fields: Record<string, string> }>(reader, 'tasks', key);

describe('a list whose HTML arrives slowly', () => {
  it('tags the rows that came while the rest is on its way, the cut row once it is whole, then every row once', async () => {
    const page = await session.context.newPage();
    // Not awaited: the load doesn't end until the rest is released.
    const navigation = page.goto(`${origin}/slow/list.html`, { waitUntil: 'commit' });
    await navigation;
    const early = await until(() => seen(page), (s) => s.keys.length >= 40, 15_000, 50);
    // Still loading: these tags came with the rows, not after the page.
    expect(early.readyState).toBe('loading');
    // The 40 whole rows; the 41st, cut by the network, is not read before it is whole.
    expect(early.keys).toHaveLength(40);
    await sleep(300);
    expect((await seen(page)).keys).toEqual(early.keys);
    release();
    await until(() => seen(page), (s) => s.readyState !== 'loading' && s.keys.length >= ROWS, 15_000, 50);
    await sleep(500);
    const final = await seen(page);
    expect(final.keys).toHaveLength(ROWS);
    expect(new Set(final.keys).size).toBe(ROWS);
    expect(final.keys.slice(0, 40)).toEqual(early.keys);
    // The cut row is stored with the cells that came after the cut.
    const task = await until(() => storedTask(final.keys[40]!), (t) => t !== null, 10_000);
    expect(task!.fields.workflow, JSON.stringify(task)).toBeTruthy();
    expect(task!.fields.receivedAt, JSON.stringify(task)).toBeTruthy();
    expect(task!.fields.node, JSON.stringify(task)).toBeTruthy();
    await page.close();
  });
});
