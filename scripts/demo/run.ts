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
  await ledgerFields(context);
  await exportLedger(context);
  await reportAndLedgerPdf(context);
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
      // The tour's ledger belongs to someone: every export and the printed ledger name them.
      settings: { locale: 'zh-CN', personName: '王晓明', department: '办公室', branch: '机关第一党支部', unit: '某市发展和改革委员会' },
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
  // The first task's 台账信息, filled in the panel as a user would.
  await tasks.nth(0).getByRole('button', { name: '台账信息', exact: true }).click();
  await tasks.nth(0).getByLabel('参与党员', { exact: true }).fill('李红、张伟、刘洋');
  await tasks.nth(0).getByLabel('完成情况', { exact: true }).fill('组建党员突击队 2 支，完成隐患排查 36 处');
  await tasks.nth(0).getByRole('button', { name: '添加佐证材料', exact: true }).click();
  await tasks.nth(0).getByRole('textbox', { name: '名称', exact: true }).fill('党员突击队出征仪式照片及签到表');
  await tasks.nth(0).getByRole('textbox', { name: '编号', exact: true }).fill('DJ-2026-017');
  await tasks.nth(0).getByRole('textbox', { name: '存放处', exact: true }).fill('党建办档案柜 3 号');
  await tasks.nth(0).getByRole('button', { name: '保存台账信息', exact: true }).click();
  await tasks.nth(0).getByText('已保存', { exact: true }).waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, '09-panel.png') });
  console.log(`demo: 09-panel: 面板中为 3 项任务勾选了融合环节 / ticked phases for 3 tasks → ${join(OUT, '09-panel.png')}`);
  await page.close();
}

/** 完成时限 for some tasks, two of them already past with phases missing, so the report warns. */
async function ledgerFields(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  // A string, so the bundler's helpers (tsx names functions with __name) never reach the page.
  const done = (await page.evaluate(`(async () => {
    const send = (m) => chrome.runtime.sendMessage(m);
    const dump = (await send({ type: 'ledger/query' })).data;
    const day = (offset) => new Date(Date.now() + offset * 86400000 + 8 * 3600000).toISOString().slice(0, 10);
    const open = dump.tags.filter((t) => t.phaseCount < 4).sort((a, b) => a.taggedAt - b.taggedAt || (a.taskKey < b.taskKey ? -1 : 1));
    const plan = [
      { deadline: day(-5), leadDept: '应急管理处', remark: '已催办' },
      { deadline: day(-2), members: '赵敏、孙强' },
      { deadline: day(2), leadDept: '规划处' },
      { deadline: day(20) },
    ];
    let n = 0;
    for (let i = 0; i < plan.length && i < open.length; i++) {
      const reply = await send({ type: 'task/set-detail', taskKey: open[i].taskKey, detail: plan[i] });
      if (reply.ok) n++;
    }
    return n;
  })()`)) as number;
  console.log(`demo: 为 ${done} 项任务设定完成时限（其中 2 项已逾期）/ due dates for ${done} tasks, 2 overdue`);
  await page.close();
}

/** The 考评 report (report.png) and the printable 融合台账 printed by the browser (ledger.pdf). */
async function reportAndLedgerPdf(context: BrowserContext) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`chrome-extension://${await extensionId(context)}/report.html?period=year`);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
  await page.waitForTimeout(300);
  // The report itself (indicators, trend, breakdowns, reminders); the ledger below it is ledger.pdf.
  const height = await page.evaluate(() => Math.ceil((document.querySelector('.screen-only') as HTMLElement).getBoundingClientRect().bottom));
  await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true, clip: { x: 0, y: 0, width: 1366, height: Math.min(height, 4000) } });
  console.log(`demo: 考评报告 / report → ${join(OUT, 'report.png')}`);
  // What 打印 / 导出 PDF prints: the page's print styles (@page A4 landscape) decide the paper.
  await page.pdf({ path: join(OUT, 'ledger.pdf'), preferCSSPageSize: true, printBackground: true });
  console.log(`demo: 融合台账 PDF / printable ledger → ${join(OUT, 'ledger.pdf')}`);
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
