// The boot scripts' early requests: sent once while the page parses, taken once by `send`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEarly, takeEarly } from '@/utils/ui/early';
import { send } from '@/utils/ui/client';
import { CATALOG_GET, OWN_TAB_TASKS, SETTINGS_GET, knownMode, startMessages } from '@/components/panel/start';

type Callback = (reply: unknown) => void;
const chromeSlot = globalThis as unknown as { chrome?: unknown; __rongheEarly?: unknown };

function fakeChrome(answer: (message: { type: string }) => unknown, lastError?: { message: string }) {
  const runtime = {
    lastError: undefined as unknown,
    sendMessage: vi.fn((message: { type: string }, callback: Callback) => {
      queueMicrotask(() => {
        runtime.lastError = lastError;
        callback(lastError ? undefined : answer(message));
        runtime.lastError = undefined;
      });
    }),
  };
  chromeSlot.chrome = { runtime };
  return runtime;
}

describe('early requests', () => {
  beforeEach(() => {
    delete chromeSlot.__rongheEarly;
  });
  afterEach(() => {
    delete chromeSlot.chrome;
    vi.restoreAllMocks();
  });

  it('answers the first matching send from the boot request, later ones from the background', async () => {
    const runtime = fakeChrome((m) => ({ ok: true, data: `early ${m.type}` }));
    const later = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: 'fresh' });
    startEarly([SETTINGS_GET, CATALOG_GET]);
    expect(runtime.sendMessage).toHaveBeenCalledTimes(2);

    await expect(send(SETTINGS_GET)).resolves.toBe('early settings/get');
    expect(later).not.toHaveBeenCalled();
    await expect(send(SETTINGS_GET)).resolves.toBe('fresh');
    await expect(send({ type: 'catalog/get', lexicon: false })).resolves.toBe('early catalog/get');
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('falls back to a fresh request when the early one failed', async () => {
    fakeChrome(() => null, { message: 'Could not establish connection' });
    const later = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: 'fresh' });
    startEarly([SETTINGS_GET]);
    await expect(send(SETTINGS_GET)).resolves.toBe('fresh');
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('passes a refusal through as the usual bilingual error', async () => {
    fakeChrome(() => ({ ok: false, code: 'refused', error: '拒绝 / refused' }));
    startEarly([OWN_TAB_TASKS]);
    await expect(send(OWN_TAB_TASKS)).rejects.toThrow('拒绝 / refused');
  });

  it('does nothing without an extension runtime', () => {
    startEarly([SETTINGS_GET]);
    expect(takeEarly(SETTINGS_GET)).toBeUndefined();
  });
});

describe('the panel start requests', () => {
  it('asks for the own tab’s tasks only when framed', () => {
    const top = { get parent() { return top; } } as unknown as Window;
    const framed = { parent: {} } as unknown as Window;
    expect(knownMode('', framed)).toBe('frame');
    expect(knownMode('', top)).toBeNull();
    // Framed, the full view and the side panel are the in-page panel (the framing guard).
    expect(knownMode('?mode=tab', framed)).toBe('frame');
    expect(knownMode('?mode=side', framed)).toBe('frame');
    expect(knownMode('?mode=blank', framed)).toBe('blank');
    expect(knownMode('?mode=tab', top)).toBe('tab');
    expect(startMessages('frame')).toEqual([SETTINGS_GET, CATALOG_GET, OWN_TAB_TASKS]);
    expect(startMessages(null)).toEqual([SETTINGS_GET, CATALOG_GET]);
    expect(startMessages('blank')).toEqual([SETTINGS_GET]);
  });
});
