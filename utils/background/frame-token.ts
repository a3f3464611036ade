// The framing guard's token. panel.html must be web-accessible (<ronghe-panel> frames it in OA
// pages), so any website could frame it too. Only a panel framed by our own content script on an
// enabled site may show data: that content script learns a token (site/config) bound to its tab
// and origin, puts it in the panel's URL, and the panel sends it with every message. The token is
// an HMAC of "tab|origin" under a random key the extension keeps to itself, so a restarted worker
// checks it without remembering anything, and a page can't make one for itself.
export interface KeyStore {
  get(): Promise<string | null>;
  set(key: string): Promise<void>;
}

export interface FrameTokens {
  issue(tabId: number, origin: string): Promise<string>;
  verify(token: string, tabId: number, origin: string): Promise<boolean>;
}

const hex = (bytes: ArrayBuffer | Uint8Array) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

export function createFrameTokens(keys: KeyStore): FrameTokens {
  let key: Promise<CryptoKey> | null = null;
  const hmacKey = () =>
    (key ??= (async () => {
      let secret = await keys.get();
      if (!secret || !/^[0-9a-f]{64}$/.test(secret)) {
        secret = hex(crypto.getRandomValues(new Uint8Array(32)));
        await keys.set(secret);
        // Two workers starting at once: keep whichever key was stored last.
        secret = (await keys.get()) ?? secret;
      }
      const raw = new Uint8Array(secret.match(/../g)!.map((h) => parseInt(h, 16)));
      return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    })().catch((error: unknown) => {
      key = null;
      throw error;
    }));
  const sign = async (tabId: number, origin: string) =>
    hex(await crypto.subtle.sign('HMAC', await hmacKey(), new TextEncoder().encode(`${tabId}|${origin}`)));
  return {
    issue: sign,
    async verify(token, tabId, origin) {
      if (!/^[0-9a-f]{64}$/.test(token)) return false;
      const expected = await sign(tabId, origin);
      // Same length; compared without an early exit.
      let diff = 0;
      for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ token.charCodeAt(i);
      return diff === 0;
    },
  };
}

/** The name of the URL parameter that carries the token to the framed panel. */
export const HOST_PARAM = 'host';
