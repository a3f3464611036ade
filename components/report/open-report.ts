// Opens the 考评 report in a tab of its own (from the popup and the panel).
import { browser } from '@/utils/browser';

export async function openReport(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/report.html') });
}
