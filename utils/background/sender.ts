// Who sent a message: decided from the browser's sender record, never from the payload.
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderKind =
  /** framedIn: the panel page framed inside a web page's tab, with that tab's origin (null when
   * the browser doesn't tell us: a site we have no access to). Such a page must show a token. */
  | { kind: 'extension-page'; tabId: number | null; framedIn?: { origin: string | null } }
  | { kind: 'content'; origin: string; tabId: number; frameId: number }
  | { kind: 'refused'; reason: string };

export function classifySender(sender: SenderLike, runtimeId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== runtimeId) return { kind: 'refused', reason: 'foreign extension' };
  const url = sender.url ?? '';
  if (url.startsWith(`${extensionOrigin}/`) || url === extensionOrigin) {
    const tabId = sender.tab?.id ?? null;
    // Only panel.html is web-accessible: any other extension page in a frame was framed by the
    // browser (the options page inside its extensions page) or by an extension page.
    const framed = sender.frameId !== undefined && sender.frameId !== 0 && tabId !== null && new URL(url).pathname === '/panel.html';
    if (!framed) return { kind: 'extension-page', tabId };
    const tabUrl = sender.tab?.url;
    return { kind: 'extension-page', tabId, framedIn: { origin: tabUrl && !tabUrl.startsWith(extensionOrigin) ? webOrigin(tabUrl) : null } };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'refused', reason: 'no tab' };
  const origin = senderOrigin(sender);
  if (!origin) return { kind: 'refused', reason: 'opaque origin' };
  return { kind: 'content', origin, tabId, frameId: sender.frameId ?? 0 };
}

function webOrigin(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return /^https?:/.test(origin) ? origin : null;
  } catch {
    return null;
  }
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
