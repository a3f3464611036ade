// Serves the demo OA site and opens Chromium with the e2e build loaded. With --headless, or where
// there is no display, it drives a short tour itself and writes screenshots under demo-output/.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
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
  const server = await startDemoServer({ port: headless ? 0 : 8080 });
  console.log(`demo: 演示 OA 站点 / demo OA site: ${server.origin}/index.html`);
  const userDataDir = join(OUT, '.profile');
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
  await context.close();
  await server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
