// A character trie over the lexicon. Titles are segmented against it by dynamic programming
// (scanTerms): maximum coverage, then fewest terms, so "安全生产" counts once (not also as
// "安全" and "生产") and a term straddling two words cannot displace a better split.
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

/** Reusable output of a scan: term indices and their start/end offsets, plus DP scratch. */
export interface MatchBuffer {
  term: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Scratch for the segmentation DP, one slot per text position (+1). */
  cost: Int32Array;
  choiceEnd: Int32Array;
  choiceTerm: Int32Array;
}

export function createMatchBuffer(capacity: number, maxText: number): MatchBuffer {
  return {
    term: new Int32Array(capacity),
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    cost: new Int32Array(maxText + 1),
    choiceEnd: new Int32Array(maxText + 1),
    choiceTerm: new Int32Array(maxText + 1),
  };
}

/** An uncovered character costs far more than an extra segment: maximise coverage, then prefer fewer, longer terms. */
const UNCOVERED_COST = 1000;
const SEGMENT_COST = 1;

/**
 * Segments `text` into lexicon terms and unknown characters, choosing the segmentation that
 * covers the most characters with the fewest terms (dynamic programming over positions).
 * Unlike greedy scanning, a term spanning two words ("召开工作" → "开工") cannot steal
 * characters from a better segmentation ("召开|工作会议").
 * Writes the chosen terms to `out` in order, marks `covered`, and returns their count.
 * `text.length` must not exceed the buffer's maxText.
 */
export function scanTerms(trie: TermTrie, text: string, out: MatchBuffer, covered: Uint8Array): number {
  const { children, terminal } = trie;
  const { cost, choiceEnd, choiceTerm } = out;
  const n = text.length;
  cost[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    let best = cost[i + 1]! + UNCOVERED_COST;
    let bestEnd = -1;
    let bestTerm = -1;
    let node = 0;
    for (let j = i; j < n; j++) {
      const next = children[node]!.get(text.charCodeAt(j));
      if (next === undefined) break;
      node = next;
      const t = terminal[node]!;
      if (t < 0) continue;
      const c = cost[j + 1]! + SEGMENT_COST;
      // <= : among equal costs the longer term (found later) wins.
      if (c <= best) {
        best = c;
        bestEnd = j + 1;
        bestTerm = t;
      }
    }
    cost[i] = best;
    choiceEnd[i] = bestEnd;
    choiceTerm[i] = bestTerm;
  }
  const capacity = out.term.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const end = choiceEnd[i]!;
    if (end < 0) {
      i++;
      continue;
    }
    if (count < capacity) {
      out.term[count] = choiceTerm[i]!;
      out.start[count] = i;
      out.end[count] = end;
      count++;
    }
    for (let k = i; k < end; k++) covered[k] = 1;
    i = end;
  }
  return count;
}
