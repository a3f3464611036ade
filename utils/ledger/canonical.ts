// A canonical JSON serialisation (object keys sorted by code unit, no whitespace) and its
// SHA-256, so a checksum does not depend on key order or formatting.
import { compareStrings, sortOwned } from './sort';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // undefined, functions and symbols have no JSON form: they are dropped like JSON.stringify does
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).filter((k) => {
      const v = (value as Record<string, unknown>)[k];
      return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
  const entries = sortOwned(keys, compareStrings).map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** `sha256-<64 hex>` of the UTF-8 text. Web Crypto: browsers and Node 20 both have it. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256-${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
