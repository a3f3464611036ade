// The side panel on OA renditions the team has not seen (tests/fixtures/unseen), in real Chromium:
// 融合助手 opens it with every task of the page (all frames); 同谋划 ticked in the panel shows in
// the row tag and survives a reload; a 业务类别 correction reaches the row tags live (the corrected
// task and every task that followed it) and can be undone; no serious or critical axe violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { axeViolations, launchChromium, seriousOrCritical, type ChromiumSession } from './harness';
import { UNSEEN, startUnseenServer } from './unseen-server';

let server: Awaited<ReturnType<typeof startUnseenServer>>;
let session: ChromiumSession;

beforeAll(async () => {
  server = await startUnseenServer();
  session = await launchChromium();
}, 90_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Every row tag of the page, in whichever frame: key → [category, phases]. */
async function rowTags(page: Page): Promise<Map<string, [string, string]>> {
  const tags = new Map<string, [string, string]>();
  for (const frame of page.frames()) {
    if (frame.url().startsWith('chrome-extension://')) continue;
    const found = await frame
      .evaluate(() => [...document.querySelectorAll('ronghe-tag')].map((t) => [t.getAttribute('data-task-key') ?? '', t.getAttribute('data-category') ?? '', t.getAttribute('data-phases') ?? ''] as const))
      .catch(() => []);
    for (const [key, category, phases] of found) tags.set(key, [category, phases]);
  }
  return tags;
}

function panelOf(page: Page): Frame | undefined {
  return page.frames().filter((f) => !f.isDetached() && f.url().startsWith(`chrome-extension://${session.extensionId}/panel.html`)).at(-1);
}

async function openPanel(page: Page): Promise<Frame> {
  await page.getByRole('button', { name: '融合助手', exact: true }).click({ timeout: 30_000 });
  await expect.poll(() => panelOf(page) !== undefined, { timeout: 30_000 }).toBe(true);
  const panel = panelOf(page)!;
  await panel.waitForSelector('html[data-ready]', { timeout: 30_000 });
  return panel;
}

const pages = UNSEEN.pages.filter((p) => p.frames.some((f) => f.count > 0));

describe('the side panel on unseen OA renditions in Chromium', () => {
  for (const unseen of pages) {
    const total = unseen.frames.reduce((n, f) => n + f.count, 0);
    it(`${unseen.product}: ${unseen.name}`, async () => {
      const page = await session.context.newPage();
      try {
        await page.goto(server.origin + unseen.url);
        await expect.poll(async () => (await rowTags(page)).size, { timeout: 30_000 }).toBe(total);
        const panel = await openPanel(page);
        const cards = panel.locator('li.task');
        await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(total);
        // Only the top document holds the panel.
        for (const frame of page.frames()) {
          if (frame === page.mainFrame() || frame === panel) continue;
          expect(await frame.evaluate(() => document.querySelectorAll('ronghe-panel').length).catch(() => 0)).toBe(0);
        }

        // 同谋划 in the panel → the row tag.
        const key = (await cards.first().getAttribute('data-task-key'))!;
        // By its key: a correction may move the card to another group.
        const first = panel.locator(`li.task[data-task-key=${JSON.stringify(key)}]`);
        const ticked = (await rowTags(page)).get(key)![1];
        const plan = first.getByRole('checkbox', { name: '同谋划', exact: true });
        if (!(await plan.isChecked())) await plan.check();
        await expect.poll(async () => (await rowTags(page)).get(key)?.[1], { timeout: 15_000 }).toBe(ticked === '0' ? '1' : ticked);
        const phasesAfter = (await rowTags(page)).get(key)![1];

        // A correction: the corrected row, and every row whose task followed it, change live.
        const select = first.getByRole('combobox', { name: '业务类别' });
        const before = await select.inputValue();
        const other = await select.evaluate((s: HTMLSelectElement, current) => [...s.options].map((o) => o.value).find((v) => v !== current)!, before);
        await select.selectOption(other);
        await expect.poll(async () => (await rowTags(page)).get(key)?.[0], { timeout: 15_000 }).toBe(other);
        await expect
          .poll(async () => {
            const tags = await rowTags(page);
            const shown = await cards.evaluateAll((els) => els.map((el) => [el.getAttribute('data-task-key'), (el.querySelector('select') as HTMLSelectElement).value]));
            return shown.filter(([k, category]) => tags.get(k!)?.[0] !== category).length;
          }, { timeout: 15_000 })
          .toBe(0);
        await first.getByRole('button', { name: /撤销校正|Undo correction/ }).click();
        await expect.poll(async () => (await rowTags(page)).get(key)?.[0], { timeout: 15_000 }).toBe(before);

        // Accessibility of the panel as the user sees it here.
        const violations = await axeViolations(panel);
        expect(seriousOrCritical(violations), JSON.stringify(violations)).toEqual([]);

        // After a reload the row tag still shows the phase.
        await page.reload();
        await expect.poll(async () => (await rowTags(page)).get(key)?.[1], { timeout: 30_000 }).toBe(phasesAfter);
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});
