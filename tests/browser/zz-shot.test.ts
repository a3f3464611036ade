import { it } from 'vitest';
import { launchChromium } from './harness';
it('shot', async () => {
  const s = await launchChromium();
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html#catalog`);
  await page.waitForTimeout(2500);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.screenshot({ path: '/tmp/opt-catalog.png' });
  console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
  await s.close();
}, 120000);
