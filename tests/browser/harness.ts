// Real browsers for the browser tests: Debian's Chromium through playwright-core and Debian's
// Firefox ESR through puppeteer-core. Never a downloaded browser.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, FIREFOX_PATH, CHROME_E2E_DIR, FIREFOX_E2E_DIR, QUIET_CHROMIUM_ARGS } from '../../scripts/browsers';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';

export { CHROMIUM_PATH, FIREFOX_PATH, CHROME_E2E_DIR, FIREFOX_E2E_DIR, QUIET_CHROMIUM_ARGS };

function requireFile(path: string, hint: string): void {
  if (!existsSync(path)) throw new Error(`${path} 不存在 / is missing. ${hint}`);
}

export function requireChromium(): void {
  requireFile(CHROMIUM_PATH, '安装 / install: sudo apt-get install -y chromium');
  requireFile(join(CHROME_E2E_DIR, 'manifest.json'), 'Run: npm run build:e2e');
}

export function requireFirefox(): void {
  requireFile(FIREFOX_PATH, '安装 / install: sudo apt-get install -y firefox-esr');
  requireFile(join(FIREFOX_E2E_DIR, 'manifest.json'), 'Run: npm run build:e2e:firefox');
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export async function launchChromium(extensionDir = CHROME_E2E_DIR, viewport = { width: 1366, height: 768 }): Promise<ChromiumSession> {
  requireChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'ronghe-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [...QUIET_CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface FirefoxSession {
  browser: PuppeteerBrowser;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchFirefox(extensionDir = FIREFOX_E2E_DIR): Promise<FirefoxSession> {
  requireFirefox();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Keep Firefox off the network and grant the e2e build's host permissions without a prompt.
      'extensions.experiments.enabled': true,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'extensions.originControls.grantByDefault': true,
    },
  });
  const extensionId = await browser.installExtension(extensionDir);
  return {
    browser,
    extensionId,
    async close() {
      await browser.close();
    },
  };
}

// The extension page's CSP refuses inline <script> (addScriptTag): the source is evaluated instead.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  nodes: number;
}

/** Runs axe-core over a frame's document as it is now; every violation, with its impact. */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

export const seriousOrCritical = (violations: AxeViolation[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/**
 * Sets a Firefox page's viewport. puppeteer-core 24's `setViewport` also sends
 * `emulation.setScreenOrientationOverride`, which Firefox ESR 140 doesn't know, and then applies
 * nothing: the WebDriver BiDi command `browsingContext.setViewport` is sent on its own instead.
 */
export async function setFirefoxViewport(page: import('puppeteer-core').Page, width: number, height: number): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext: { setViewport(o: unknown): Promise<void> } }).browsingContext;
  await context.setViewport({ viewport: { width, height }, devicePixelRatio: null });
  const size = await page.evaluate(() => [window.innerWidth, window.innerHeight]);
  if (size[0] !== width || size[1] !== height) throw new Error(`Firefox viewport is ${size.join('×')}, not ${width}×${height}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until `ok` holds or `timeout` passes; returns the last value read (the caller asserts it). */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 30_000, every = 200): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await sleep(every);
    value = await read();
  }
  return value;
}

/** Serves the `*.html` files of one fixture folder on 127.0.0.1 (any other path: 404). */
export async function serveHtmlFiles(root: string): Promise<{ origin: string; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '');
    if (!/^[\w-]+\.html$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(root, name)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return { origin: `http://127.0.0.1:${port}`, port, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** One record of the extension's IndexedDB, read by an extension page (`reader`) without the worker. */
export function readStored<T>(reader: Page, store: 'tags' | 'tasks', key: string): Promise<T | null> {
  return reader.evaluate(
    async ([name, k]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('ronghe');
        open.addEventListener('success', () => resolve(open.result));
        open.addEventListener('error', () => reject(open.error));
      });
      try {
        return await new Promise<T | null>((resolve, reject) => {
          const get = db.transaction(name).objectStore(name).get(k);
          get.addEventListener('success', () => resolve((get.result as T | undefined) ?? null));
          get.addEventListener('error', () => reject(get.error));
        });
      } finally {
        db.close();
      }
    },
    [store, key] as const,
  );
}
