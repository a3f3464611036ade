// The content script's life: what WXT's ContentScriptContext gives our sensor, in a fraction of its
// size (the content script ships in every OA frame, with a 15 KB gzipped budget). wxt.config.ts
// aliases `wxt/utils/content-script-context` here, so WXT's own entry wrapper constructs this class.
//
// - A newer copy of the script in the same frame (re-injected when a site is enabled, or after an
//   update) takes over: the copies share the isolated world's globals, which the page can't reach,
//   so the older one is told to stop there (WXT uses a DOM event the page could also dispatch).
// - When the extension is reloaded or removed, `runtime.id` goes: the next check stops the script.
// - `wxt:locationchange` (a History API navigation fires no event) is watched by comparing the URL
//   once a second while someone listens.
import { runtimeId } from './extension-api';

const CURRENT = '__rongheContentScript';

type Slot = { [CURRENT]?: ContentScriptContext };

export class ContentScriptContext {
  private readonly controller = new AbortController();
  private watching = false;

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    const slot = globalThis as unknown as Slot;
    slot[CURRENT]?.abort();
    slot[CURRENT] = this;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isValid(): boolean {
    if (!runtimeId()) this.abort();
    return !this.controller.signal.aborted;
  }

  get isInvalid(): boolean {
    return !this.isValid;
  }

  abort(): void {
    if (!this.controller.signal.aborted) this.controller.abort('Content script context invalidated');
  }

  onInvalidated(fn: () => void): () => void {
    this.signal.addEventListener('abort', fn);
    return () => this.signal.removeEventListener('abort', fn);
  }

  setTimeout(fn: () => void, ms?: number): number {
    const id = setTimeout(() => this.isValid && fn(), ms) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(fn: () => void, ms?: number): number {
    const id = setInterval(() => this.isValid && fn(), ms) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  addEventListener(target: EventTarget, type: string, handler: EventListener, options?: AddEventListenerOptions): void {
    if (type === 'wxt:locationchange') {
      this.watchLocation(target);
      type = 'ronghe:locationchange';
    }
    target.addEventListener(type, handler, options);
    // Removed by hand: Chromium < 90 (the MV2 package) ignores the `signal` option.
    this.onInvalidated(() => target.removeEventListener(type, handler, options));
  }

  private watchLocation(target: EventTarget): void {
    if (this.watching) return;
    this.watching = true;
    let href = location.href;
    this.setInterval(() => {
      if (location.href === href) return;
      href = location.href;
      // CustomEvent, not Event: WXT auto-imports the name `Event` from utils/model (a zod schema).
      target.dispatchEvent(new CustomEvent('ronghe:locationchange'));
    }, 1000);
  }
}
