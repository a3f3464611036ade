// Who sent a message: decided from the browser's sender record, never from the payload.
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderKind =
  | { kind: 'extension-page'; tabId: number | null }
  | { kind: 'content'; origin: string; tabId: number; frameId: number }
  | { kind: 'refused'; reason: string };

export function classifySender(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== runtimeId) return { kind: 'refused', reason: 'foreign extension' };
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return { kind: 'extension-page', tabId: sender.tab?.id ?? null };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'refused', reason: 'no tab' };
  const origin = senderOrigin(sender);
  if (!origin) return { kind: 'refused', reason: 'opaque origin' };
  return { kind: 'content', origin, tabId, frameId: sender.frameId ?? 0 };
}

/** about:blank frames report `about:blank` as url; Chrome gives their real origin separately. */
function senderOrigin(sender: SenderLike): string | null {
  const candidate = sender.origin && sender.origin !== 'null' ? sender.origin : sender.url;
  if (!candidate) return null;
  try {
    const origin = new URL(candidate).origin;
    return origin === 'null' || !/^https?:/.test(origin) ? null : origin;
  } catch {
    return null;
  }
}
