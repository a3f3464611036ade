// A task's stable key: the product's own id when the row carries one, otherwise a hash of what
// the row shows, so the same task keeps its tag across reloads, re-sorts and pagination.
import type { RowReport } from '../model';

/** FNV-1a over UTF-16 code units, two 32-bit lanes folded into 53 bits (exact in a double). */
export function fnv1a53(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return ((b >>> 0) % 0x200000 * 0x100000000 + (a >>> 0)).toString(36);
}

let lastOrigin = '';
let lastHost = '';

/**
 * `${adapterId}:${nativeId}@${host}`: ids are only unique within one OA server, and a unit may run
 * several (two e-cology servers both have a request 123). Without an id, a hash of origin, title
 * and received time.
 */
export function taskKey(origin: string, adapterId: string, report: RowReport): string {
  if (report.nativeId) {
    if (origin !== lastOrigin) {
      lastOrigin = origin;
      lastHost = origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    }
    return `${adapterId}:${report.nativeId}@${lastHost}`;
  }
  return fnv1a53(`${origin}\n${report.title}\n${report.fields.receivedAt ?? ''}`);
}
