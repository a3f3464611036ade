// Disabling a site whose content script isn't registered (the e2e build declares it in the
// manifest; a site that never had access) must not fail: Chromium rejects an unknown id with
// "Nonexistent script ID".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from '@/utils/browser';
import { registerSite, unregisterSite } from '@/utils/background/site-registration';
import type { Site } from '@/utils/model';

const site = (origin: string, source: Site['source'] = 'user'): Site => ({ origin, enabled: false, source, adapterOverride: null, selectors: null, addedAt: 1 });

function fakeScripting(registered: string[]) {
  const ids = new Set(registered);
  return {
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) => [...ids].filter((id) => !filter?.ids || filter.ids.includes(id)).map((id) => ({ id }))),
    unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? []) if (!ids.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of filter?.ids ?? []) ids.delete(id);
    }),
    ids,
  };
}

const slot = browser as unknown as { scripting?: unknown };
afterEach(() => {
  delete slot.scripting;
  vi.restoreAllMocks();
});

describe('unregisterSite', () => {
  it('does nothing for a site without a registered script (the e2e manifest declares it)', async () => {
    const api = fakeScripting([]);
    slot.scripting = api;
    await expect(unregisterSite(site('http://127.0.0.1', 'e2e'))).resolves.toBeUndefined();
    expect(api.unregisterContentScripts).not.toHaveBeenCalled();
  });

  it('unregisters a registered one', async () => {
    const api = fakeScripting(['ronghe-http-oa-example-gov-cn']);
    slot.scripting = api;
    await unregisterSite(site('http://oa.example.gov.cn'));
    expect(api.ids.size).toBe(0);
  });
});

describe('registerSite', () => {
  it('registers the script as the e2e manifest declares it: every frame, from document_start', async () => {
    const registerContentScripts = vi.fn(async () => {});
    slot.scripting = { ...fakeScripting([]), registerContentScripts };
    const perms = browser as unknown as { permissions?: { contains(p: unknown): Promise<boolean> } };
    perms.permissions ??= { contains: async () => false };
    vi.spyOn(perms.permissions, 'contains').mockResolvedValue(true);
    await expect(registerSite({ ...site('http://oa.example.gov.cn'), enabled: true })).resolves.toBe(true);
    expect(registerContentScripts).toHaveBeenCalledWith([
      expect.objectContaining({ matches: ['http://oa.example.gov.cn/*'], allFrames: true, runAt: 'document_start' }),
    ]);
  });
});
