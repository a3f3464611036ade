// `npm run train`: trains the learned component of the tagger (utils/tagging/char-model.ts) and
// writes its weights to utils/tagging/char-model-weights.json. Deterministic: the same corpus gives
// byte-identical weights (fixed data order, no randomness, rounded output).
//
// Trained ONLY on training sources (scripts/corpus.ts TRAINING_SOURCES): the tune halves of the
// labelled sets and the whole training-role sources, plus the lexicon's own terms as one-word
// examples. Held-out halves and held-out sources are never read here.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATEGORY_IDS } from '../utils/model';
import { DEFAULT_LEXICON } from '../utils/catalog/lexicon';
import { featureKeys, featureLabel } from '../utils/tagging/char-model';
import { normalizeTitle } from '../utils/tagging/normalize-title';
import type { ModelData } from '../utils/tagging/char-model-data';
import { calibrate } from './calibrate';
import { trainingExamples, type TrainingExample } from './corpus';

const C = CATEGORY_IDS.length;
/** Features seen in fewer training titles are noise. */
const MIN_DF = 2;
const EPOCHS = 30;
const RATE = 0.5;
/** Default L2 penalty; `npm run train` uses the one calibration chose out of fold. */
export const DEFAULT_L2 = 0.1;
/** Kept after training: the features with the largest weights, and per feature the columns above this. */
const MAX_FEATURES = 4000;
const MIN_WEIGHT = 0.1;
/** A lexicon term counts as this much of a title. */
const LEXICON_EXAMPLE_WEIGHT = 0.3;
/** Class balance: 1 = every category weighs the same in total, 0 = by example count. Out of fold on
 * the training sources (mean over kinds): 0 91.4%, 0.25 90.7%, 0.5 90.1% (with the function
 * characters out of the unigrams, char-model.ts; the unit tests' OA default names stay admin). */
const BALANCE_POWER = 0;

interface Example {
  keys: number[];
  cat: number;
  weight: number;
}

/** Competition data writes places as A市, A3区, B7县: placeholders are not a citizen's words. */
export function stripPlaceholders(title: string): string {
  return title.replace(/西地省/g, '').replace(/[A-Z][0-9]*[市区县镇乡]?/g, '');
}

/** Trains on the given titles (plus the lexicon's terms) and returns the committed data shape. */
export function trainModel(titles: readonly TrainingExample[], l2 = DEFAULT_L2): ModelData {
  const examples: Example[] = [];
  const counts: Record<string, number> = {};
  const scratch: number[] = [];
  for (const ex of titles) {
    const cat = CATEGORY_IDS.indexOf(ex.category as (typeof CATEGORY_IDS)[number]);
    if (cat < 0) continue;
    const core = normalizeTitle(stripPlaceholders(ex.title)).core;
    const keys = featureKeys(core, scratch).slice();
    if (keys.length === 0) continue;
    examples.push({ keys, cat, weight: 1 });
    counts[ex.source] = (counts[ex.source] ?? 0) + 1;
  }
  for (const [term, category, weight] of DEFAULT_LEXICON) {
    if (weight < 2) continue;
    const keys = featureKeys(term, scratch).slice();
    if (keys.length === 0) continue;
    examples.push({ keys, cat: CATEGORY_IDS.indexOf(category), weight: LEXICON_EXAMPLE_WEIGHT });
  }
  counts.lexicon = DEFAULT_LEXICON.filter((e) => e[2] >= 2).length;

  // Class balance: each category's examples weigh as much in total as any other's (square root,
  // so a category with few examples does not swing on each of them).
  const perCat = new Float64Array(C);
  for (const e of examples) perCat[e.cat]! += e.weight;
  const mean = perCat.reduce((a, b) => a + b, 0) / C;
  for (const e of examples) e.weight *= Math.pow(mean / Math.max(1, perCat[e.cat]!), BALANCE_POWER);

  // Vocabulary: features in at least MIN_DF examples.
  const df = new Map<number, number>();
  for (const e of examples) for (const k of e.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const vocab = [...df.entries()].filter(([, n]) => n >= MIN_DF).map(([k]) => k).sort((a, b) => a - b);
  const col = new Map(vocab.map((k, i) => [k, i]));
  const rows = examples.map((e) => e.keys.map((k) => col.get(k)).filter((i): i is number => i !== undefined));
  // The L2 penalty is applied lazily, on a feature's weights when an example has it; divided by the
  // feature's example count, each feature is penalised the same per epoch however often it occurs.
  // (Applied whole at every occurrence, the penalty grew with the corpus: the frequent features of
  // the citizen messages, ？ and 何时, were shrunk to nothing once the other sources were added.)
  const decay = vocab.map((k) => l2 / df.get(k)!);

  const W = new Float64Array(vocab.length * C);
  const b = new Float64Array(C);
  const z = new Float64Array(C);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = RATE / (1 + epoch * 0.3);
    // A fixed, interleaved order (stride through the list) instead of a random shuffle.
    const n = examples.length;
    const stride = 7919 % n === 0 ? 1 : 7919;
    for (let step = 0, i = epoch % n; step < n; step++, i = (i + stride) % n) {
      const ex = examples[i]!;
      const feats = rows[i]!;
      for (let c = 0; c < C; c++) {
        let s = b[c]!;
        for (const f of feats) s += W[f * C + c]!;
        z[c] = s;
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += (z[c] = Math.exp(z[c]! - max));
      const g = rate * ex.weight;
      for (let c = 0; c < C; c++) {
        const err = z[c]! / sum - (c === ex.cat ? 1 : 0);
        b[c]! -= g * err * 0.1;
        for (const f of feats) {
          const w = f * C + c;
          W[w]! -= g * err + rate * decay[f]! * W[w]!;
        }
      }
    }
  }

  // Softmax is unchanged when a feature's weights all move by the same amount: centre each feature
  // on its median column, so most columns are near 0 and pruning them loses almost nothing.
  const column = new Float64Array(C);
  for (let f = 0; f < vocab.length; f++) {
    for (let c = 0; c < C; c++) column[c] = W[f * C + c]!;
    column.sort();
    const median = (column[(C >> 1) - 1]! + column[C >> 1]!) / 2;
    for (let c = 0; c < C; c++) W[f * C + c]! -= median;
  }
  // Prune: the strongest features, and only their meaningful columns.
  const strength = vocab.map((_, f) => {
    let m = 0;
    for (let c = 0; c < C; c++) m = Math.max(m, Math.abs(W[f * C + c]!));
    return { f, m };
  });
  strength.sort((x, y) => y.m - x.m || vocab[x.f]! - vocab[y.f]!);
  const kept = strength.slice(0, MAX_FEATURES).filter((s) => s.m >= MIN_WEIGHT).map((s) => s.f).sort((x, y) => vocab[x]! - vocab[y]!);
  const features = kept.map((f) => {
    const parts: string[] = [];
    for (let c = 0; c < C; c++) {
      const w = Math.round(W[f * C + c]! * 100);
      if (Math.abs(w) >= MIN_WEIGHT * 100) parts.push(`${c}:${w}`);
    }
    return `${featureLabel(vocab[f]!)}|${parts.join(',')}`;
  });
  return {
    version: 1,
    categories: [...CATEGORY_IDS],
    bias: [...b].map((x) => Math.round(x * 100)),
    features,
    trainedOn: counts,
  };
}

function main(): void {
  const root = resolve(import.meta.dirname, '..');
  const examples = trainingExamples(root);
  console.log('校准（训练来源，交叉折） / calibrating out of fold on training sources:');
  const tuning = calibrate(examples);
  const data = trainModel(examples, tuning.l2);
  const weightsOut = resolve(root, 'utils/tagging/char-model-weights.json');
  const tuningOut = resolve(root, 'utils/tagging/char-model-tuning.json');
  writeFileSync(weightsOut, JSON.stringify(data) + '\n');
  writeFileSync(tuningOut, JSON.stringify(tuning) + '\n');
  console.log(`训练完成 / trained: ${data.features.length} features kept; wrote ${weightsOut} and ${tuningOut}`);
  console.log(JSON.stringify(data.trainedOn));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
