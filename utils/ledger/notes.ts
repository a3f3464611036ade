// Joining two phase notes when ledgers are merged.
//
// A note is read as a set of parts separated by " / ". Joining is a function of the set of
// distinct non-empty notes: none → '', one → that note unchanged, several → the union of their
// parts, sorted, joined by " / ". So joining is commutative, associative and idempotent, and a
// part is never written twice ("A" joined with "A / B" gives "A / B"). (Notes made only of
// slashes and spaces have no parts; of those the larger string is kept.)
import { compareStrings, sortOwned } from './sort';

export const NOTE_SEPARATOR = ' / ';
export const MAX_NOTE_CHARS = 2000;

/** Trimmed, without leading/trailing slashes (so joined parts split back the same), no empties. */
export function noteParts(note: string): string[] {
  return note
    .split(NOTE_SEPARATOR)
    .map((p) => p.replace(/^[\s/]+|[\s/]+$/g, ''))
    .filter((p) => p !== '');
}

export function joinNotes(a: string, b: string): string {
  if (a === b || b === '') return a;
  if (a === '') return b;
  const parts = sortOwned([...new Set([...noteParts(a), ...noteParts(b)])], compareStrings);
  // Notes of only slashes and spaces have no parts: keep the larger, still order-free.
  if (parts.length === 0) return a > b ? a : b;
  // The model bounds notes at 2000 characters; past that the join is cut (rare, and deterministic).
  return parts.join(NOTE_SEPARATOR).slice(0, MAX_NOTE_CHARS);
}

/** True when neither note's parts contain the other's: the merge had to combine them. */
export function notesConflict(a: string, b: string): boolean {
  if (a === b || a === '' || b === '') return false;
  const pa = new Set(noteParts(a));
  const pb = new Set(noteParts(b));
  const aInB = [...pa].every((p) => pb.has(p));
  const bInA = [...pb].every((p) => pa.has(p));
  return !aInB && !bInA;
}
