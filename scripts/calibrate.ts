// Calibration of the tagger on TRAINING data only, out of fold (part of `npm run train`):
// the training titles are split in two folds (alternate titles of each source); a model trained
// on one fold classifies the other, so every title is judged by a model that never saw it.
// Held-out halves and held-out sources are never read. It chooses
//   1. modelWeight: the blend weight of the learned model, for the best accuracy (macro over sources);
//   2. the 待确认 rule: a logistic model of "this tag is wrong" over the engine's UNSURE_FEATURES,
//      and the P(wrong) at which a tag shows as unsure, so that at least WRONG_FLAGGED_MIN of wrong
//      tags are flagged with as few right ones as possible.
import { DEFAULT_CATALOG } from '../utils/catalog/default-catalog';
import { createMatcher, GUESS_BELOW, UNSURE_FEATURES, type Tuning } from '../utils/tagging';
import { decodeModel, type CharModel } from '../utils/tagging/char-model';
import type { TrainingExample } from './corpus';
import { trainModel } from './train-model';

const MODEL_WEIGHTS = [0, 2, 3, 4, 5, 6];
/** Aim a little above the floor (≥ 50% of wrong tags flagged) so a new source still meets it. */
const WRONG_FLAGGED_MIN = 0.62;
const L2 = 1e-3;

export interface TuningData {
  modelWeight: number;
  unsureWeights: number[];
  unsureAt: number;
}

interface Judged {
  source: string;
  ok: boolean;
  features: number[];
}

function folds(examples: readonly TrainingExample[]): [TrainingExample[], TrainingExample[]] {
  const seen = new Map<string, number>();
  const a: TrainingExample[] = [];
  const b: TrainingExample[] = [];
  for (const ex of examples) {
    const n = seen.get(ex.source) ?? 0;
    seen.set(ex.source, n + 1);
    (n % 2 === 0 ? a : b).push(ex);
  }
  return [a, b];
}

function judge(examples: TrainingExample[], modelWeight: number, model: CharModel): Judged[] {
  let last: number[] = [];
  const tuning: Tuning = { modelWeight, unsureWeights: [], unsureAt: 1, model, observe: (f) => (last = [...f]) };
  const match = createMatcher(DEFAULT_CATALOG, [], tuning);
  return examples.map((ex) => {
    last = [];
    const r = match(ex.workflow ? { title: ex.title, fields: { workflow: ex.workflow } } : { title: ex.title });
    // No features: nothing recognisable at all (always unsure); kept out of the fit.
    return { source: ex.source, ok: ex.ids.includes(r.category), features: last };
  });
}

function bySource(judged: Judged[]): Judged[][] {
  const by = new Map<string, Judged[]>();
  for (const j of judged) by.set(j.source, [...(by.get(j.source) ?? []), j]);
  return [...by.values()];
}

const macroAccuracy = (judged: Judged[]) => {
  const groups = bySource(judged);
  return groups.reduce((s, g) => s + g.filter((j) => j.ok).length / g.length, 0) / groups.length;
};

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function pWrong(w: number[], f: number[]): number {
  let z = w[f.length]!;
  for (let i = 0; i < f.length; i++) z += w[i]! * f[i]!;
  return sigmoid(z);
}

/** Logistic regression of "wrong", each source weighing the same and wrong/right balanced within it. */
function fitUnsure(judged: Judged[]): number[] {
  const rows = judged.filter((j) => j.features.length === UNSURE_FEATURES.length);
  const groups = bySource(rows);
  const weights = new Map<Judged, number>();
  for (const g of groups) {
    const wrong = g.filter((j) => !j.ok).length;
    const right = g.length - wrong;
    for (const j of g) weights.set(j, 1 / groups.length / 2 / Math.max(1, j.ok ? right : wrong));
  }
  const d = UNSURE_FEATURES.length;
  const w: number[] = Array.from({ length: d + 1 }, () => 0);
  // Full-batch gradient descent: deterministic.
  for (let iter = 0; iter < 4000; iter++) {
    const grad: number[] = Array.from({ length: d + 1 }, () => 0);
    for (const j of rows) {
      const err = (pWrong(w, j.features) - (j.ok ? 0 : 1)) * weights.get(j)!;
      for (let i = 0; i < d; i++) grad[i]! += err * j.features[i]!;
      grad[d]! += err;
    }
    for (let i = 0; i <= d; i++) w[i]! -= 2 * (grad[i]! + (i < d ? L2 * w[i]! : 0));
  }
  return w.map((x) => Math.round(x * 1000) / 1000);
}

function flagRates(judged: Judged[], w: number[], at: number) {
  return bySource(judged).map((g) => {
    const flagged = (j: Judged) => j.features.length === 0 || j.features[0]! < GUESS_BELOW || pWrong(w, j.features) >= at;
    const right = g.filter((j) => j.ok);
    const wrong = g.filter((j) => !j.ok);
    return {
      source: g[0]!.source,
      wrong: wrong.length,
      wrongFlagged: wrong.length ? wrong.filter(flagged).length / wrong.length : 1,
      rightFlagged: right.length ? right.filter(flagged).length / right.length : 0,
    };
  });
}

export function calibrate(examples: readonly TrainingExample[], log: (line: string) => void = console.log): TuningData {
  const [a, b] = folds(examples);
  const modelA = decodeModel(trainModel(a));
  const modelB = decodeModel(trainModel(b));
  const oof = (weight: number) => [...judge(b, weight, modelA), ...judge(a, weight, modelB)];
  const pct = (x: number) => (x * 100).toFixed(1) + '%';

  let modelWeight = 0;
  let bestAcc = -1;
  for (const weight of MODEL_WEIGHTS) {
    const acc = macroAccuracy(oof(weight));
    log(`  modelWeight ${weight}: out-of-fold accuracy ${pct(acc)} (macro over sources)`);
    if (acc > bestAcc + 1e-9) [modelWeight, bestAcc] = [weight, acc];
  }
  const judged = oof(modelWeight);
  const unsureWeights = fitUnsure(judged);
  // The highest threshold whose macro share of wrong tags flagged still reaches the aim.
  let unsureAt = 0.05;
  for (let at = 0.95; at >= 0.05; at -= 0.01) {
    // Sources with almost no wrong tags say nothing about flagging them.
    const rates = flagRates(judged, unsureWeights, at).filter((r) => r.wrong >= 5);
    const macro = rates.reduce((s, r) => s + r.wrongFlagged, 0) / rates.length;
    if (macro >= WRONG_FLAGGED_MIN) {
      unsureAt = Math.round(at * 100) / 100;
      break;
    }
  }
  log(`  chose modelWeight ${modelWeight}, unsure weights ${JSON.stringify(unsureWeights)}, unsureAt ${unsureAt}`);
  for (const r of flagRates(judged, unsureWeights, unsureAt)) {
    log(`  ${r.source.padEnd(20)} wrong ${String(r.wrong).padStart(4)}  wrong flagged ${pct(r.wrongFlagged).padStart(6)}  right flagged ${pct(r.rightFlagged).padStart(6)}`);
  }
  return { modelWeight, unsureWeights, unsureAt };
}
