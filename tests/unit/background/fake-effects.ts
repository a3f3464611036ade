// The background's effects (badge, tabs, registration, policy) as inert fakes, for services tests.
import { vi } from 'vitest';
import type { Effects } from '@/utils/background/services';

export function fakeEffects(overrides: Partial<Effects> = {}): Effects {
  return {
    broadcast: vi.fn(),
    pageHasTasks: vi.fn(),
    openPanel: vi.fn(async () => {}),
    refreshBadge: vi.fn(),
    registerSite: vi.fn(async () => {}),
    unregisterSite: vi.fn(async () => {}),
    injectNow: vi.fn(async () => {}),
    hasHostAccess: vi.fn(async () => true),
    testSelectors: vi.fn(async () => 0),
    readPolicy: async () => ({ policy: {}, error: null }),
    tabHealth: vi.fn(),
    tabUrl: vi.fn(async () => null),
    injectPicker: vi.fn(async () => true),
    toPicker: vi.fn(async () => {}),
    applySelectors: vi.fn(async () => {}),
    ...overrides,
  };
}
