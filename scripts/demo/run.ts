// Serves the demo OA site and opens Chromium with the e2e build loaded. With --headless, or where
// there is no display, it drives a short tour itself and writes screenshots under demo-output/.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { startDemoServer } from './server';
import { QUIET_CHROMIUM_ARGS, CHROME_E2E_DIR } from '../browsers';

const OUT = resolve('demo-output');
const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && process.platform === 'linux');
const chromePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p): p is string => !!p && existsSync(p));

if (!chromePath) {
  console.error('demo: 找不到 Chromium / Chrome。安装：sudo apt-get install -y chromium，或设置 CHROME_PATH。\n' +
    'demo: no Chromium/Chrome found. Install one (sudo apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

const TOUR: Array<{ name: string; path: string }> = [
  { name: '01-ecology9', path: '/e9/wui/index.html#/main/workflow/listDoing' },
  { name: '02-ecology8', path: '/e8/wui/main.jsp' },
  { name: '03-seeyon', path: '/seeyon/main.do?method=main' },
  { name: '04-landray-ekp', path: '/ekp/sys/notify/index.jsp#/pending' },
  { name: '05-tongda', path: '/general/index.php' },
  { name: '06-whir-ezoffice', path: '/defaultroot/portal.html' },
  { name: '07-unknown-oa', path: '/unknown/todo.html' },
  { name: '08-negative-contacts', path: '/negative/contacts.html' },
];

async function countTags(page: Page): Promise<number> {
  let total = 0;
  for (const frame of page.frames()) total += await frame.locator('ronghe-tag').count().catch(() => 0);
  return total;
}

async function main() {
  // A memorable port when someone is watching; any free one if it is taken.
  const server = await startDemoServer({ port: headless ? 0 : 8080 }).catch(() => startDemoServer({ port: 0 }));
  console.log(`demo: 演示 OA 站点 / demo OA site: ${server.origin}/index.html`);
  const userDataDir = join(OUT, '.profile');
  // Each tour starts from an empty store, so its ledger is exactly the tour's.
  if (headless) rmSync(userDataDir, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath,
    headless,
    viewport: { width: 1366, height: 768 },
    args: [...QUIET_CHROMIUM_ARGS, `--disable-extensions-except=${CHROME_E2E_DIR}`, `--load-extension=${CHROME_E2E_DIR}`],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  if (!headless) {
    await page.goto(`${server.origin}/index.html`);
    console.log('demo: 浏览器已打开，关闭浏览器即结束 / close the browser to stop.');
    await new Promise<void>((done) => context.on('close', () => done()));
    await server.close();
    return;
  }
  await pinChinese(context);
  for (const stop of TOUR) {
    await page.goto(server.origin + stop.path);
    // Give late-rendered lists and frames time to be found and tagged.
    let last = -1;
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(250);
      const n = await countTags(page);
      if (n === last && n > 0) break;
      last = n;
    }
    const file = join(OUT, `${stop.name}.png`);
    await page.screenshot({ path: file });
    console.log(`demo: ${stop.name}: ${await countTags(page)} 个标签 / tags → ${file}`);
  }
  await integrate(context, server.origin);
  await exportLedger(context);
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
  await server.close();
}

async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/** The tour is shown in Chinese whatever language pack this Chromium has (settings.locale). */
async function pinChinese(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'settings/set',
      settings: { locale: 'zh-CN' },
    }),
  );
  await page.close();
}

/** Opens the panel on the e-cology 9 list and ticks phases, as a 党务干部 would. */
async function integrate(context: BrowserContext, origin: string) {
  const page = await context.newPage();
  await page.goto(`${origin}/e9/wui/index.html#/main/workflow/listDoing`);
  await page.getByRole('button', { name: '融合助手', exact: true }).click({ timeout: 30_000 });
  let panel: Frame | undefined;
  for (let i = 0; i < 100 && !panel; i++) {
    await page.waitForTimeout(100);
    panel = page.frames().find((f) => /^(chrome|moz)-extension:\/\/[^/]+\/panel\.html/.test(f.url()));
  }
  if (!panel) throw new Error('demo: the panel did not open');
  await panel.waitForSelector('html[data-ready]', { timeout: 30_000 });
  const tasks = panel.locator('li.task');
  // First task: fully integrated; second: planned and deployed; third: planned.
  const plan: Array<Array<'同谋划' | '同部署' | '同落实' | '同检查'>> = [['同谋划', '同部署', '同落实', '同检查'], ['同谋划', '同部署'], ['同谋划']];
  for (const [i, phases] of plan.entries()) {
    for (const name of phases) {
      const box = tasks.nth(i).getByRole('checkbox', { name, exact: true });
      if (!(await box.isChecked())) await box.check();
    }
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, '09-panel.png') });
  console.log(`demo: 09-panel: 面板中为 3 项任务勾选了融合环节 / ticked phases for 3 tasks → ${join(OUT, '09-panel.png')}`);
  await page.close();
}

/** The popup (opened as a page, same code) and the 融合台账 in the three formats. */
async function exportLedger(context: BrowserContext) {
  const id = await extensionId(context);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.waitForSelector('html[data-ready]', { timeout: 30_000 });
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: join(OUT, '10-popup.png'), fullPage: true });
  console.log(`demo: 10-popup → ${join(OUT, '10-popup.png')}`);
  for (const [kind, file] of [['csv', 'ledger.csv'], ['xlsx', 'ledger.xlsx'], ['json', 'ledger.json']] as const) {
    const download = popup.waitForEvent('download', { timeout: 30_000 });
    await popup.locator(`button[data-kind="${kind}"]`).click();
    await (await download).saveAs(join(OUT, file));
    console.log(`demo: 融合台账 / ledger → ${join(OUT, file)}`);
  }
  await popup.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
