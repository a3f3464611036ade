// Back-off for words the lexicon has never seen: the characters and character bigrams of
// lexicon terms, weighted by how specific they are to one category. "汛" occurs only in
// emergency terms, so an unseen "汛情" still leans emergency; "工" is everywhere and says
// nothing. Only characters the lexicon scan left uncovered are looked up.
import type { TermTrie } from './term-trie';
import { CATEGORY_COUNT } from './category-order';

export interface Backoff {
  bigrams: Map<number, Float32Array>;
  chars: Map<number, Float32Array>;
}

const MIN_SPECIFICITY = 0.5;

export function buildBackoff(trie: TermTrie): Backoff {
  const bigramRaw = new Map<number, Float64Array>();
  const charRaw = new Map<number, Float64Array>();
  const add = (map: Map<number, Float64Array>, key: number, cat: number, w: number) => {
    let row = map.get(key);
    if (!row) {
      row = new Float64Array(CATEGORY_COUNT);
      map.set(key, row);
    }
    row[cat]! += w;
  };
  for (const info of trie.terms) {
    const t = info.term;
    for (let c = 0; c < info.cats.length; c++) {
      const w = info.weights[c]!;
      if (w <= 0) continue;
      const cat = info.cats[c]!;
      for (let i = 0; i < t.length; i++) {
        const code = t.charCodeAt(i);
        if (code < 0x3400) continue; // ASCII/digits are not evidence on their own
        add(charRaw, code, cat, w / t.length);
        if (i + 1 < t.length && t.length > 2) add(bigramRaw, code * 65536 + t.charCodeAt(i + 1), cat, w);
      }
    }
  }
  return { bigrams: specificity(bigramRaw), chars: specificity(charRaw) };
}

/** Turns raw weight rows into distributions, keeping only clearly category-specific keys. */
function specificity(raw: Map<number, Float64Array>): Map<number, Float32Array> {
  const out = new Map<number, Float32Array>();
  for (const [key, row] of raw) {
    let total = 0;
    let max = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      total += row[c]!;
      if (row[c]! > max) max = row[c]!;
    }
    if (total <= 0 || max / total < MIN_SPECIFICITY) continue;
    const dist = new Float32Array(CATEGORY_COUNT);
    for (let c = 0; c < CATEGORY_COUNT; c++) dist[c] = row[c]! / total;
    out.set(key, dist);
  }
  return out;
}
