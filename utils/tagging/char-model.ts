// The learned component: a softmax (multinomial logistic) model over the character unigrams and
// bigrams of the normalised title, trained offline by `npm run train` (scripts/train-model.ts)
// on every labelled title (the held-out numbers come from a separate evaluation model that never
// saw them: scripts/eval-model.ts), pruned to a few thousand features and committed as data
// (char-model-weights.json). It sees what the lexicon has no word for, e.g. a citizen's voice
// ("何时", "能否", "物业", "？") in 12345 and 问政 messages. Decoded once, lazily, on the first
// matcher built (background only: the content script and popups never import the tagging engine).
import { CATEGORY_COUNT } from './category-order';
import { MODEL_DATA, type ModelData } from './char-model-data';

export interface CharModel {
  /** Open-addressing table: feature key -> feature index (see featureOf). */
  slots: Int32Array;
  features: Int32Array;
  mask: number;
  /** Sparse rows: feature f's non-zero columns are cols/vals[starts[f] .. starts[f + 1]). */
  starts: Int32Array;
  cols: Uint8Array;
  vals: Float32Array;
  /** Dense rows (feature f, category c at f * CATEGORY_COUNT + c), for naming evidence. */
  weights: Float32Array;
  bias: Float32Array;
  /** Feature text by row, to name the features that decided (evidence). */
  labels: string[];
}

const QUESTION = 0xff1f; // ？
const EXCLAIM = 0xff01; // ！
const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;
/** Compact codes: CJK from 0, then ？ and ！; SPAN of them, so a bigram key (a * SPAN + b + SPAN)
 * stays below 2^30 and V8 keeps every key a small integer (fast Map lookups). */
const Q_CODE = CJK_LAST - CJK_FIRST + 1;
const E_CODE = Q_CODE + 1;
const SPAN = E_CODE + 1;

/** The compact code of a character the model reads (CJK, and the ？/！ of a citizen's voice), or -1. */
function modelChar(code: number): number {
  if (code >= CJK_FIRST && code <= CJK_LAST) return code - CJK_FIRST;
  if (code === QUESTION || code === 0x3f) return Q_CODE;
  if (code === EXCLAIM || code === 0x21) return E_CODE;
  return -1;
}

function charOf(compact: number): string {
  return compact === Q_CODE ? '？' : compact === E_CODE ? '！' : String.fromCharCode(compact + CJK_FIRST);
}

/** Function characters that every kind of title uses: as single characters they only teach the
 * model which corpus a title came from (的 and 请 are everywhere in citizens' messages, so 王五提交的申请
 * read as a complaint). Their bigrams (请求, 的问题) stay features. */
const NO_UNIGRAM = new Set([...'的了和与及等在是对请我你他之其或而也'].map((c) => c.charCodeAt(0) - CJK_FIRST));

/**
 * The unique feature keys of a text, in first-seen order: a unigram is its compact code (< SPAN),
 * a bigram of two adjacent model characters is `SPAN + a * SPAN + b` (always ≥ SPAN).
 */
export function featureKeys(text: string, out: number[], limit = 300): number[] {
  out.length = 0;
  const n = Math.min(text.length, limit);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const c = modelChar(text.charCodeAt(i));
    if (c < 0) {
      prev = -1;
      continue;
    }
    if (!NO_UNIGRAM.has(c) && out.indexOf(c) < 0) out.push(c);
    if (prev >= 0) {
      const key = SPAN + prev * SPAN + c;
      if (out.indexOf(key) < 0) out.push(key);
    }
    prev = c;
  }
  return out;
}

/** Whether a feature key is a bigram (a word-like feature, preferred as evidence). */
export function isBigram(key: number): boolean {
  return key >= SPAN;
}

export function featureLabel(key: number): string {
  if (key < SPAN) return charOf(key);
  const k = key - SPAN;
  return charOf(Math.floor(k / SPAN)) + charOf(k % SPAN);
}

function featureKeyOf(label: string): number {
  const a = modelChar(label.charCodeAt(0));
  return label.length === 1 ? a : SPAN + a * SPAN + modelChar(label.charCodeAt(1));
}

/** Decodes the committed data: `bias` as integers ×100, features as `text|cat:w,cat:w` (w ×100). */
export function decodeModel(data: ModelData): CharModel {
  let size = 16;
  while (size < data.features.length * 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const features = new Int32Array(size);
  const mask = size - 1;
  const starts = new Int32Array(data.features.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const weights = new Float32Array(data.features.length * CATEGORY_COUNT);
  const labels: string[] = [];
  const bias = new Float32Array(CATEGORY_COUNT);
  data.bias.forEach((b, c) => (bias[c] = b / 100));
  data.features.forEach((entry, row) => {
    const bar = entry.indexOf('|');
    const label = entry.slice(0, bar);
    labels.push(label);
    const key = featureKeyOf(label);
    let at = hash(key) & mask;
    while (slots[at] !== -1 && slots[at] !== key) at = (at + 1) & mask;
    slots[at] = key;
    features[at] = row;
    starts[row] = cols.length;
    for (const part of entry.slice(bar + 1).split(',')) {
      const colon = part.indexOf(':');
      const c = Number(part.slice(0, colon));
      const w = Number(part.slice(colon + 1)) / 100;
      weights[row * CATEGORY_COUNT + c] = w;
      cols.push(c);
      vals.push(w);
    }
  });
  starts[data.features.length] = cols.length;
  return { slots, features, mask, starts, cols: Uint8Array.from(cols), vals: Float32Array.from(vals), weights, bias, labels };
}

function hash(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 7;
}

/** The feature index of a feature key, or -1 when the model does not know it. */
export function featureOf(m: CharModel, key: number): number {
  let at = hash(key) & m.mask;
  for (;;) {
    const k = m.slots[at]!;
    if (k === key) return m.features[at]!;
    if (k === -1) return -1;
    at = (at + 1) & m.mask;
  }
}

let decoded: CharModel | null = null;

/** The committed model, decoded on first use. */
export function charModel(): CharModel {
  return (decoded ??= decodeModel(MODEL_DATA));
}
