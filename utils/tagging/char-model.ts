// The learned component: a softmax (multinomial logistic) model over the character unigrams and
// bigrams of the normalised title, trained offline by `npm run train` (scripts/train-model.ts)
// on the training sources only, pruned to a few thousand features and committed as data
// (char-model-weights.json). It sees what the lexicon has no word for, e.g. a citizen's voice
// ("何时", "能否", "物业", "？") in 12345 and 问政 messages. Decoded once, lazily, on the first
// matcher built (background only: the content script and popups never import the tagging engine).
import { CATEGORY_COUNT } from './category-order';
import { MODEL_DATA, type ModelData } from './char-model-data';

export interface CharModel {
  /** Feature key -> row offset into weights (row of CATEGORY_COUNT floats). */
  index: Map<number, number>;
  weights: Float32Array;
  bias: Float32Array;
  /** Feature text by row, to name the features that decided (evidence). */
  labels: string[];
}

const QUESTION = 0xff1f; // ？
const EXCLAIM = 0xff01; // ！

/** A character the model reads: CJK, plus the question and exclamation marks of a citizen's voice. */
function modelChar(code: number): number {
  if (code === 0x3f) return QUESTION;
  if (code === 0x21) return EXCLAIM;
  if (code === QUESTION || code === EXCLAIM || code >= 0x3400) return code;
  return -1;
}

/**
 * The unique feature keys of a text, in first-seen order: a unigram is its char code, a bigram of
 * two adjacent model characters is `a * 65536 + b` (always ≥ 65536, so never a unigram key).
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
    if (out.indexOf(c) < 0) out.push(c);
    if (prev >= 0) {
      const key = prev * 65536 + c;
      if (out.indexOf(key) < 0) out.push(key);
    }
    prev = c;
  }
  return out;
}

export function featureLabel(key: number): string {
  return key >= 65536 ? String.fromCharCode(Math.floor(key / 65536), key % 65536) : String.fromCharCode(key);
}

function featureKeyOf(label: string): number {
  return label.length === 1 ? label.charCodeAt(0) : label.charCodeAt(0) * 65536 + label.charCodeAt(1);
}

/** Decodes the committed data: `bias` as integers ×100, features as `text|cat:w,cat:w` (w ×100). */
export function decodeModel(data: ModelData): CharModel {
  const index = new Map<number, number>();
  const weights = new Float32Array(data.features.length * CATEGORY_COUNT);
  const labels: string[] = [];
  const bias = new Float32Array(CATEGORY_COUNT);
  data.bias.forEach((b, c) => (bias[c] = b / 100));
  data.features.forEach((entry, row) => {
    const bar = entry.indexOf('|');
    const label = entry.slice(0, bar);
    labels.push(label);
    index.set(featureKeyOf(label), row * CATEGORY_COUNT);
    for (const part of entry.slice(bar + 1).split(',')) {
      const colon = part.indexOf(':');
      weights[row * CATEGORY_COUNT + Number(part.slice(0, colon))] = Number(part.slice(colon + 1)) / 100;
    }
  });
  return { index, weights, bias, labels };
}

let decoded: CharModel | null = null;

/** The committed model, decoded on first use. */
export function charModel(): CharModel {
  return (decoded ??= decodeModel(MODEL_DATA));
}
