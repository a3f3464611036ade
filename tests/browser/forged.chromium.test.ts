// A hostile page, in real Chromium with the e2e build.
// 1. Forged messages of every contract type (generated from the contract module) sent from our
//    own content script's world: the isolated world Chromium runs the content script in, reached
//    through CDP (Runtime.executionContextCreated names it after the extension, with its
//    chrome-extension:// origin); code evaluated there has the content script's chrome.runtime, so
//    the background sees exactly the sender a compromised content script would be. Privileged
//    types and actions on another site's tasks are all refused.
// 2. The framing guard: a website the extension has no access to (127.0.0.2) frames panel.html
//    (?mode=tab, the full view, and the plain panel): no task, no checkbox, a refusal. The same
//    frame planted by the page's own script inside an enabled site is refused too; our own
//    panel from 融合助手 still lists the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo/server';
import { CONTENT_SCRIPT_MESSAGES } from '../../utils/messages/to-background';
import { CONTRACT_TYPES, contractSamples } from '../unit/reliability/contract-samples';
import { launchChromium, type ChromiumSession } from './harness';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let hostile: Awaited<ReturnType<typeof startDemoServer>>;
let session: ChromiumSession;

const E9 = '/e9/wui/index.html#/main/workflow/listDoing';

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  // Another loopback address: an origin the e2e build has no host access to.
  hostile = await startDemoServer({ port: 0, host: '127.0.0.2' });
  session = await launchChromium();
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  await hostile?.close();
});

const tagCount = (page: Page) => page.evaluate(() => document.querySelectorAll('ronghe-tag').length);

/** The execution context of our content script in the page's top frame. */
async function contentScriptWorld(page: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await session.context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { frameId?: string; isDefault?: boolean; type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push((event as { context: (typeof contexts)[number] }).context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  await expect
    .poll(() => contexts.some((c) => c.origin === `chrome-extension://${session.extensionId}` && c.auxData?.frameId === frameTree.frame.id), { timeout: 10_000 })
    .toBe(true);
  const world = contexts.find((c) => c.origin === `chrome-extension://${session.extensionId}` && c.auxData?.frameId === frameTree.frame.id)!;
  return { cdp, contextId: world.id };
}

/** Sends each message with the content script's chrome.runtime and returns the replies. */
async function sendFromContentScript(world: { cdp: CDPSession; contextId: number }, messages: unknown[]): Promise<unknown[]> {
  const expression = `(async (messages) => {
    const out = [];
    for (const m of messages) {
      out.push(await new Promise((resolve) => chrome.runtime.sendMessage(m, (reply) => resolve(chrome.runtime.lastError ? { lastError: chrome.runtime.lastError.message } : reply))));
    }
    return out;
  })(${JSON.stringify(messages)})`;
  const result = (await world.cdp.send('Runtime.evaluate', { expression, contextId: world.contextId, awaitPromise: true, returnByValue: true })) as {
    result: { value: unknown[] };
    exceptionDetails?: unknown;
  };
  if (result.exceptionDetails) throw new Error(JSON.stringify(result.exceptionDetails));
  return result.result.value;
}

function panelFrames(page: Page): Frame[] {
  return page.frames().filter((f) => !f.isDetached() && f.url().startsWith(`chrome-extension://${session.extensionId}/panel.html`));
}

/** Plants an iframe of panel.html from the page's own script, as any website can. */
async function plantPanel(page: Page, query: string): Promise<Frame> {
  const url = `chrome-extension://${session.extensionId}/panel.html${query}`;
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.style.cssText = 'width:600px;height:600px';
    document.body.append(frame);
  }, url);
  await expect.poll(() => page.frames().some((f) => f.url() === url), { timeout: 15_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url() === url)!;
  await frame.waitForSelector('html[data-ready]', { state: 'attached', timeout: 30_000 });
  return frame;
}

describe('a hostile page', () => {
  let ownKey = '';
  let otherKey = '';

  it('forged messages of every contract type from the content-script world: 0 accepted', async () => {
    // Tasks of two enabled origins: 127.0.0.1 (this page) and localhost (another site).
    const other = await session.context.newPage();
    await other.goto(server.origin.replace('127.0.0.1', 'localhost') + E9);
    await expect.poll(() => tagCount(other), { timeout: 30_000 }).toBe(10);
    otherKey = (await other.locator('ronghe-tag').first().getAttribute('data-task-key'))!;
    await other.close();

    const page = await session.context.newPage();
    await page.goto(server.origin + E9);
    await expect.poll(() => tagCount(page), { timeout: 30_000 }).toBe(10);
    ownKey = (await page.locator('ronghe-tag').first().getAttribute('data-task-key'))!;
    const world = await contentScriptWorld(page);

    // A legitimate content-script message from that world is answered: the route is real.
    const [config] = (await sendFromContentScript(world, [{ type: 'site/config' }])) as Array<{ ok: boolean }>;
    expect(config?.ok).toBe(true);

    // Privileged: every type a content script may not send. Cross-origin: the content-script
    // types aimed at the other site's task, or naming another tab.
    const privileged = contractSamples({ taskKey: ownKey, tabId: 1, origin: server.origin }).filter((m) => !CONTENT_SCRIPT_MESSAGES.has(m.type));
    const crossOrigin = contractSamples({ taskKey: otherKey, tabId: 1, origin: 'http://localhost' }).filter(
      (m) => CONTENT_SCRIPT_MESSAGES.has(m.type) && 'taskKey' in m && m.taskKey === otherKey,
    );
    // Malformed and prototype-polluting variants of every type.
    const malformed = CONTRACT_TYPES.flatMap((type) => [{ type, __proto__: { ok: true } }, { type, taskKey: { toString: 1 } }, JSON.parse(`{"type":"${type}","constructor":{"prototype":{"x":1}}}`)]).filter(
      (m) => !CONTENT_SCRIPT_MESSAGES.has(m.type),
    );
    const forged = [...privileged, ...crossOrigin, ...malformed];
    const replies = (await sendFromContentScript(world, forged)) as Array<{ ok?: boolean; code?: string }>;
    const accepted = replies.filter((r) => r?.ok === true);
    console.info(`[forged] ${forged.length} forged messages (${privileged.length} privileged of ${CONTRACT_TYPES.length} types, ${crossOrigin.length} cross-origin, ${malformed.length} malformed) from the content-script world: ${accepted.length} accepted`);
    expect(privileged.length).toBe(CONTRACT_TYPES.length - CONTENT_SCRIPT_MESSAGES.size);
    expect(crossOrigin.length).toBeGreaterThanOrEqual(2);
    expect(accepted).toEqual([]);
    expect(replies.every((r) => r && r.ok === false && (r.code === 'forbidden' || r.code === 'invalid' || r.code === 'not-found'))).toBe(true);
    // The other site's task is untouched.
    await page.close();
  });

  it('a website without access frames panel.html and gets no data', async () => {
    const page = await session.context.newPage();
    await page.goto(`${hostile.origin}/index.html`);
    for (const query of ['?mode=tab', '?mode=side', '', '?host=' + 'f'.repeat(64)]) {
      const frame = await plantPanel(page, query);
      await expect.poll(() => frame.locator('p.error[role="alert"]').count(), { timeout: 15_000 }).toBe(1);
      expect(await frame.locator('li.task').count()).toBe(0);
      expect(await frame.getByRole('checkbox').count()).toBe(0);
      expect(await frame.getByRole('combobox', { name: '业务类别' }).count()).toBe(0);
      expect(await frame.locator('p.error[role="alert"]').textContent()).toContain('已启用站点');
    }
    await page.close();
  });

  it('a frame the page itself plants inside an enabled site gets no data; our own panel does', async () => {
    const page = await session.context.newPage();
    await page.goto(server.origin + E9);
    await expect.poll(() => tagCount(page), { timeout: 30_000 }).toBe(10);
    const planted = await plantPanel(page, '?mode=tab');
    await expect.poll(() => planted.locator('p.error[role="alert"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await planted.locator('li.task').count()).toBe(0);
    // 融合助手 opens ours, with the tab's token: every task of the page.
    await page.getByRole('button', { name: '融合助手', exact: true }).click({ timeout: 30_000 });
    await expect.poll(() => panelFrames(page).some((f) => f.url().includes('?host=')), { timeout: 30_000 }).toBe(true);
    const ours = panelFrames(page).find((f) => f.url().includes('?host='))!;
    await ours.waitForSelector('html[data-ready]', { timeout: 30_000 });
    await expect.poll(() => ours.locator('li.task').count(), { timeout: 15_000 }).toBe(10);
    await page.close();
  });

  it('site/set enabled:false on a site the e2e manifest declares answers ok (no Nonexistent script ID)', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const send = (message: object) =>
      page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; error?: string }>;
    const off = await send({ type: 'site/set', origin: 'http://localhost', enabled: false });
    expect(off).toMatchObject({ ok: true });
    const sites = (await send({ type: 'sites/list' })) as unknown as { ok: true; data: Array<{ origin: string; enabled: boolean }> };
    expect(sites.data.find((x) => x.origin === 'http://localhost')?.enabled).toBe(false);
    expect(await send({ type: 'site/set', origin: 'http://localhost', enabled: true })).toMatchObject({ ok: true });
    await page.close();
  });

  it('the full view opened as an extension tab still lists every site', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/panel.html?mode=tab`);
    await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
    await expect.poll(() => page.locator('li.task').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    await page.close();
  });
});
