// A character trie over the lexicon, scanned leftmost-longest: at each position the longest
// term wins, and a term wholly inside an already accepted longer term is skipped
// ("安全生产" counts once, not also as "安全" and "生产"). Partial overlaps are kept so a
// framing word cannot hide the content word that starts inside it.
import type { LexiconEntry } from '../model';
import { CATEGORY_INDEX } from './category-order';

export interface TermInfo {
  term: string;
  /** Parallel arrays: category index and weight, one per lexicon entry of this term. */
  cats: number[];
  weights: number[];
}

export interface TermTrie {
  /** children[node] maps a UTF-16 code unit to the child node. */
  children: Map<number, number>[];
  /** terminal[node] is an index into terms, or -1. */
  terminal: Int32Array;
  terms: TermInfo[];
  maxLen: number;
}

export function buildTrie(lexicon: readonly LexiconEntry[]): TermTrie {
  const children: Map<number, number>[] = [new Map()];
  const terminalList: number[] = [-1];
  const terms: TermInfo[] = [];
  const byTerm = new Map<string, number>();
  let maxLen = 0;
  for (const [rawTerm, category, weight] of lexicon) {
    const term = rawTerm.trim();
    if (term.length === 0) continue;
    let index = byTerm.get(term);
    if (index === undefined) {
      index = terms.length;
      byTerm.set(term, index);
      terms.push({ term, cats: [], weights: [] });
      let node = 0;
      for (let i = 0; i < term.length; i++) {
        const code = term.charCodeAt(i);
        const map = children[node]!;
        let next = map.get(code);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          terminalList.push(-1);
          map.set(code, next);
        }
        node = next;
      }
      terminalList[node] = index;
      if (term.length > maxLen) maxLen = term.length;
    }
    const info = terms[index]!;
    const cat = CATEGORY_INDEX[category];
    // A duplicate (term, category) in an edited catalog: the later weight replaces the earlier one.
    const existing = info.cats.indexOf(cat);
    if (existing >= 0) info.weights[existing] = weight;
    else {
      info.cats.push(cat);
      info.weights.push(weight);
    }
  }
  return { children, terminal: Int32Array.from(terminalList), terms, maxLen };
}

/** Reusable output of a scan: term indices and their start/end offsets. */
export interface MatchBuffer {
  term: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

export function createMatchBuffer(capacity: number): MatchBuffer {
  return { term: new Int32Array(capacity), start: new Int32Array(capacity), end: new Int32Array(capacity) };
}

/**
 * Scans `text` and writes accepted matches into `out` (up to its capacity), left to right.
 * Marks covered positions in `covered` (length >= text.length, cleared by the caller).
 * Returns the number of matches.
 */
export function scanTerms(trie: TermTrie, text: string, out: MatchBuffer, covered: Uint8Array): number {
  const { children, terminal } = trie;
  const n = text.length;
  const capacity = out.term.length;
  let count = 0;
  let coveredUntil = 0;
  for (let i = 0; i < n && count < capacity; i++) {
    let node = 0;
    let bestTerm = -1;
    let bestEnd = -1;
    for (let j = i; j < n; j++) {
      const next = children[node]!.get(text.charCodeAt(j));
      if (next === undefined) break;
      node = next;
      const t = terminal[node]!;
      if (t >= 0) {
        bestTerm = t;
        bestEnd = j + 1;
      }
    }
    if (bestTerm < 0 || bestEnd <= coveredUntil) continue;
    for (let k = i; k < bestEnd; k++) covered[k] = 1;
    coveredUntil = bestEnd;
    out.term[count] = bestTerm;
    out.start[count] = i;
    out.end[count] = bestEnd;
    count++;
  }
  return count;
}
