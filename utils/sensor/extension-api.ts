// The few extension APIs the content script uses, without webextension-polyfill: this file ships in
// every OA frame, where the budget is 20 KB gzipped. Firefox has promise-based `browser`; Chromium
// (MV3 and the MV2 package for old 360 builds) gets a callback-to-promise wrapper of `chrome`.
type Listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => void;

interface ChromeLike {
  runtime: {
    id: string;
    lastError?: unknown;
    sendMessage(message: unknown, callback: (reply: unknown) => void): void;
    getURL(path: string): string;
    onMessage: { addListener(fn: Listener): void; removeListener(fn: Listener): void };
  };
  i18n: { getMessage(key: string, substitutions?: string[]): string };
}

interface BrowserLike extends Omit<ChromeLike, 'runtime'> {
  runtime: Omit<ChromeLike['runtime'], 'sendMessage'> & { sendMessage(message: unknown): Promise<unknown> };
}

const g = globalThis as unknown as { browser?: BrowserLike; chrome?: ChromeLike };
const firefox = g.browser?.runtime?.id ? g.browser : undefined;
const api = (firefox ?? g.chrome) as ChromeLike | BrowserLike;

export const runtimeId = (): string | undefined => api.runtime?.id;

export function sendMessage(message: unknown): Promise<unknown> {
  if (firefox) return firefox.runtime.sendMessage(message);
  const chromeApi = g.chrome as ChromeLike;
  return new Promise((resolve, reject) => {
    chromeApi.runtime.sendMessage(message, (reply) => {
      // Reading lastError marks it handled; the caller treats a failure as "no answer".
      if (chromeApi.runtime.lastError) reject(chromeApi.runtime.lastError);
      else resolve(reply);
    });
  });
}

export const getURL = (path: string): string => api.runtime.getURL(path);
export const onMessage = api.runtime.onMessage;
export const getMessage = (key: string, substitutions?: string[]): string => api.i18n.getMessage(key, substitutions) || key;
