// Requests an extension page sends before its module graph has loaded. A tiny classic script in
// the page's <head> (entrypoints/*-boot.ts) starts them while the HTML is still parsing, so the
// background's answer travels while the page's modules load instead of after; `send` (client.ts)
// then takes the answer waiting for the same message. Plain chrome.* with a callback: the boot
// script carries no polyfill, and the callback form works on every target (MV2 Chromium 86,
// MV3 Chromium, Firefox).
import type { ToBackground } from '../messages/to-background';

const SLOT = '__rongheEarly';

type Pending = Map<string, Promise<unknown>>;
type RuntimeApi = { sendMessage(message: unknown, callback: (reply: unknown) => void): void; lastError?: unknown };

const slot = () => globalThis as unknown as { [SLOT]?: Pending };
const keyOf = (message: ToBackground) => JSON.stringify(message);

/** The panel framed by <ronghe-panel> carries its host's token in its URL (?host=, see
 * utils/background/frame-token.ts) and sends it with every message; other pages have none. */
export function withHostToken(message: ToBackground): object {
  const token = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('host');
  return token ? { ...message, host: token } : message;
}

/** Sends each message now and keeps its answer (undefined on failure) for `takeEarly`. */
export function startEarly(messages: ToBackground[]): void {
  const runtime = (globalThis as unknown as { chrome?: { runtime?: RuntimeApi } }).chrome?.runtime;
  if (!runtime) return;
  const pending: Pending = (slot()[SLOT] ??= new Map());
  for (const message of messages) {
    pending.set(
      keyOf(message),
      new Promise((resolve) => {
        try {
          runtime.sendMessage(withHostToken(message), (reply) => {
            performance.mark(`ronghe-early-${message.type}`);
            // Reading lastError marks it handled; the page then asks again the usual way.
            resolve(runtime.lastError ? undefined : reply);
          });
        } catch {
          resolve(undefined);
        }
      }),
    );
  }
}

/** The early answer to exactly this message, once; undefined when none was started. */
export function takeEarly(message: ToBackground): Promise<unknown> | undefined {
  const pending = slot()[SLOT];
  const key = keyOf(message);
  const answer = pending?.get(key);
  pending?.delete(key);
  return answer;
}
