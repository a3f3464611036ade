// How extension pages (panel, popup, options) talk to the background: one typed call per message.
// The MV3 worker may stop between any two lines, even while it answers: a closed channel is asked
// again (every message is idempotent: writes carry deterministic keys, a phase is set to a value,
// not toggled), so a page never reports "failed" for something the store saved.
import { browser } from '../browser';
import type { Reply, ToBackground } from '../messages/to-background';
import { takeEarly, withHostToken } from './early';

export class BackgroundError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'BackgroundError';
  }
}

/** What the browser says when the worker stopped before, or while, answering. */
const WORKER_GONE = /message (channel|port) closed|Could not establish connection|Receiving end does not exist|No SW|did not answer/i;

/** True for an error that means "the background was not there", not "the background refused". */
export function isWorkerGone(error: unknown): boolean {
  if (error instanceof BackgroundError) return error.code === 'unreachable';
  return WORKER_GONE.test(error instanceof Error ? error.message : String(error));
}

/** Waits between attempts: the browser starts a stopped worker on the next message. */
const DELAYS_MS = [0, 100, 250, 500, 1000, 2000];
let delays = DELAYS_MS;

export const UNREACHABLE = '后台暂时无响应，请稍后再试 / The background did not answer; please try again';

type Transport = (message: ToBackground) => Promise<unknown>;
const viaRuntime: Transport = (message) => browser.runtime.sendMessage(withHostToken(message));
let transport: Transport = viaRuntime;

/** Tests replace how a message travels (a worker that stops mid-answer) and the waits. */
export function setTransport(next: Transport | null, waits: number[] = DELAYS_MS): void {
  transport = next ?? viaRuntime;
  delays = waits;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a message and returns its data; a refused or failed message throws a BackgroundError
 * whose message is already bilingual (Chinese first). A worker that went away is asked again;
 * after the last attempt the error's code is 'unreachable'. */
export async function send<T = unknown>(message: ToBackground): Promise<T> {
  // An answer the page's boot script already asked for (early.ts), else a fresh request.
  let reply = (await takeEarly(message)) as Reply<T> | undefined;
  for (let attempt = 0; !reply; attempt++) {
    if (attempt >= delays.length) throw new BackgroundError('unreachable', UNREACHABLE);
    if (delays[attempt]) await sleep(delays[attempt]!);
    try {
      reply = (await transport(message)) as Reply<T> | undefined;
    } catch (error) {
      if (!isWorkerGone(error)) throw new BackgroundError('failed', error instanceof Error ? error.message : String(error));
    }
  }
  if (!reply.ok) throw new BackgroundError(reply.code, reply.error);
  return reply.data;
}
