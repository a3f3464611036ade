// A linear pass over JSON text that JSON.parse has already accepted, catching what JSON.parse
// lets through silently: duplicate keys in one object (the last would win), keys that could
// pollute prototypes if the data were ever spread or merged, and absurdly long strings.

export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type ScanProblem =
  | { kind: 'duplicate-key'; key: string; offset: number }
  | { kind: 'unsafe-key'; key: string; offset: number }
  | { kind: 'long-string'; length: number; offset: number };

interface Frame {
  keys: Set<string> | null; // null for arrays
  expectKey: boolean;
}

/** The first problem found, or null. `text` must be valid JSON. */
export function scanJson(text: string, maxStringChars: number): ScanProblem | null {
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) {
          escaped = true;
          j += 2;
        } else if (d === 0x22 || Number.isNaN(d)) break;
        else j++;
      }
      const raw = text.slice(i + 1, j);
      const value = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : raw;
      if (value.length > maxStringChars) return { kind: 'long-string', length: value.length, offset: i };
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        if (UNSAFE_KEYS.has(value)) return { kind: 'unsafe-key', key: value, offset: i };
        if (top.keys.has(value)) return { kind: 'duplicate-key', key: value, offset: i };
        top.keys.add(value);
        top.expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === 0x7b /* { */) stack.push({ keys: new Set(), expectKey: true });
    else if (c === 0x5b /* [ */) stack.push({ keys: null, expectKey: false });
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    }
    i++;
  }
  return null;
}
