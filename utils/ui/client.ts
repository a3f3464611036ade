// How extension pages (panel, popup, options) talk to the background: one typed call per message.
import { browser } from '../browser';
import type { Reply, ToBackground } from '../messages/to-background';
import { takeEarly } from './early';

export class BackgroundError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'BackgroundError';
  }
}

/** Sends a message and returns its data; a refused or failed message throws a BackgroundError
 * whose message is already bilingual (Chinese first). */
export async function send<T = unknown>(message: ToBackground): Promise<T> {
  // An answer the page's boot script already asked for (early.ts), else a fresh request.
  const early = (await takeEarly(message)) as Reply<T> | undefined;
  const reply = early ?? ((await browser.runtime.sendMessage(message)) as Reply<T> | undefined);
  if (!reply) throw new BackgroundError('failed', '后台无响应 / The background did not answer');
  if (!reply.ok) throw new BackgroundError(reply.code, reply.error);
  return reply.data;
}
