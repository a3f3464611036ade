// @vitest-environment happy-dom
// The content script's life (utils/sensor/script-context.ts, standing in for WXT's context).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '@/utils/sensor/script-context';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('content script context', () => {
  it('a newer copy in the same world stops the older one, its timers and its listeners', () => {
    vi.useFakeTimers();
    const older = new ContentScriptContext('content');
    const stopped = vi.fn();
    older.onInvalidated(stopped);
    const ticks = vi.fn();
    older.setTimeout(ticks, 50);
    const keys = vi.fn();
    older.addEventListener(window, 'keydown', keys);

    const newer = new ContentScriptContext('content');
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    vi.advanceTimersByTime(100);
    expect(ticks).not.toHaveBeenCalled();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(keys).not.toHaveBeenCalled();
  });

  it('stops once the extension is gone (runtime.id disappears)', () => {
    const ctx = new ContentScriptContext('content');
    const stopped = vi.fn();
    ctx.onInvalidated(stopped);
    expect(ctx.isValid).toBe(true);
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isValid).toBe(false);
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it('tells wxt:locationchange listeners about a History API navigation', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const moved = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', moved);
    vi.advanceTimersByTime(1500);
    expect(moved).not.toHaveBeenCalled();
    history.pushState(null, '', '/workflow/list?page=2');
    vi.advanceTimersByTime(1000);
    expect(moved).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    expect(moved).toHaveBeenCalledTimes(1);
  });
});
