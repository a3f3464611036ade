// The extension pages' component tests read the real locale files: `t()` gets the zh_CN messages
// as Chromium gives them to a Chinese UI.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string }>;
export const ZH = JSON.parse(readFileSync(resolve('public/_locales/zh_CN/messages.json'), 'utf8')) as Messages;
export const EN = JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Messages;

/** browser.i18n as Chrome does it for zh_CN ($1…$9 replaced by the substitutions), and a manifest. */
export function useChineseMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (ZH[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'ronghe', version: '0.1.0' });
}
