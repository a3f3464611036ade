// Calibration of the tagger on TRAINING data only, out of fold (part of `npm run train`):
// the training titles are split in two folds (the two halves of each source); a model trained
// on one fold classifies the other, so every title is judged by a model that never saw it.
// Held-out halves and held-out sources are never read. It chooses
//   1. modelWeight and formalModelWeight: the blend weights of the learned model on other titles and on
//      official documents' titles (classify-task.ts FORMAL_DOCUMENT), for the best accuracy (macro over kinds);
//   2. the 待确认 rule: a logistic model of "this tag is wrong" over the engine's UNSURE_FEATURES,
//      and the P(wrong) at which a tag shows as unsure, so that at least WRONG_FLAGGED_MIN of wrong
//      tags are flagged with as few right ones as possible.
import { DEFAULT_CATALOG } from '../utils/catalog/default-catalog';
import { createMatcher, GUESS_BELOW, UNSURE_FEATURES, type Tuning } from '../utils/tagging';
import { decodeModel, type CharModel } from '../utils/tagging/char-model';
import { SET_KINDS, type TrainingExample } from './corpus';
import { trainModel } from './train-model';

const MODEL_WEIGHTS = [0, 4, 6, 8, 10, 12];
/** Weights tried for official documents' titles (with each of MODEL_WEIGHTS for the others). */
const FORMAL_WEIGHTS = [0, 2, 4, 6, 8, 10, 12];
/** L2 penalties tried for the model: a steadier model may blend better than a sharper one. */
const L2S = [0.3, 1, 3, 10];
/** Aim a little above the floor (≥ 50% of wrong tags flagged, on every kind of titles) so a new source still meets it. */
const WRONG_FLAGGED_MIN = 0.55;
const L2 = 1e-3;
/** A source this small (a fold of it holds a few titles) is left out of the choice of the blend weight. */
const MIN_SOURCE_TITLES = 100;

export interface TuningData {
  /** The model's L2 penalty (used by the trainer; the engine does not read it). */
  l2: number;
  modelWeight: number;
  formalModelWeight: number;
  unsureWeights: number[];
  unsureAt: number;
}

interface Judged {
  source: string;
  ok: boolean;
  features: number[];
}

/**
 * Two folds: the first and the second half of each source, in file order. Files are ordered by
 * sub-source (lists, departments, dates), so a fold is judged by a model that never saw its part
 * of the source — closer to a new source than alternate lines, which put the members of a series
 * of near-identical titles on both sides and make the out-of-fold tags look surer than they are.
 */
function folds(examples: readonly TrainingExample[]): [TrainingExample[], TrainingExample[]] {
  const total = new Map<string, number>();
  for (const ex of examples) total.set(ex.source, (total.get(ex.source) ?? 0) + 1);
  const seen = new Map<string, number>();
  const a: TrainingExample[] = [];
  const b: TrainingExample[] = [];
  for (const ex of examples) {
    const n = seen.get(ex.source) ?? 0;
    seen.set(ex.source, n + 1);
    (n < total.get(ex.source)! / 2 ? a : b).push(ex);
  }
  return [a, b];
}

function judge(examples: TrainingExample[], modelWeight: number, formalModelWeight: number, model: CharModel): Judged[] {
  let last: number[] = [];
  const tuning: Tuning = { modelWeight, formalModelWeight, unsureWeights: [], unsureAt: 1, model, observe: (f) => (last = [...f]) };
  const match = createMatcher(DEFAULT_CATALOG, [], tuning);
  return examples.map((ex) => {
    last = [];
    const r = match(ex.workflow ? { title: ex.title, fields: { workflow: ex.workflow } } : { title: ex.title });
    // No features: nothing recognisable at all (always unsure); kept out of the fit.
    return { source: ex.source, ok: ex.ids.includes(r.category), features: last };
  });
}

function groupBy(judged: Judged[], key: (j: Judged) => string): Judged[][] {
  const by = new Map<string, Judged[]>();
  for (const j of judged) {
    const k = key(j);
    let list = by.get(k);
    if (!list) by.set(k, (list = []));
    list.push(j);
  }
  return [...by.values()];
}

const bySource = (judged: Judged[]) => groupBy(judged, (j) => j.source);
const kindOf = (source: string) => SET_KINDS[source] ?? 'gov';
const byKind = (judged: Judged[]) => groupBy(judged, (j) => kindOf(j.source));

/**
 * Accuracy averaged over the kinds of titles (OA-style, government documents, citizen messages:
 * the issue checks each kind on its own), each kind the average of its sources, so neither the
 * large citizen source nor the many government sets outvote the rest.
 */
const macroAccuracy = (judged: Judged[]) => {
  const accuracies = new Map<string, number[]>();
  for (const g of bySource(judged)) {
    if (g.length < MIN_SOURCE_TITLES) continue; // a handful of titles out of fold says nothing
    const kind = SET_KINDS[g[0]!.source] ?? 'gov';
    accuracies.set(kind, [...(accuracies.get(kind) ?? []), g.filter((j) => j.ok).length / g.length]);
  }
  const means = [...accuracies.values()].map((accs) => accs.reduce((a, b) => a + b, 0) / accs.length);
  return means.reduce((a, b) => a + b, 0) / means.length;
};

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function pWrong(w: number[], f: number[]): number {
  let z = w[f.length]!;
  for (let i = 0; i < f.length; i++) z += w[i]! * f[i]!;
  return sigmoid(z);
}

/** Logistic regression of "wrong", each kind of titles weighing the same and wrong/right balanced within it. */
function fitUnsure(judged: Judged[]): number[] {
  const rows = judged.filter((j) => j.features.length === UNSURE_FEATURES.length);
  const groups = byKind(rows);
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

function flagRates(judged: Judged[], w: number[], at: number, groups = bySource) {
  return groups(judged).map((g) => {
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

/** The unsure rule fitted on judged titles, and the highest threshold (fewest right tags flagged) at
 * which EVERY kind of titles still has at least WRONG_FLAGGED_MIN of its wrong tags flagged; a kind
 * with almost no wrong tags says nothing. */
function fitRule(judged: Judged[]): { unsureWeights: number[]; unsureAt: number } {
  const unsureWeights = fitUnsure(judged);
  let unsureAt = 0.05;
  for (let step = 199; step >= 10; step--) {
    const at = step / 200;
    const rates = flagRates(judged, unsureWeights, at, byKind).filter((r) => r.wrong >= 5);
    if (rates.every((r) => r.wrongFlagged >= WRONG_FLAGGED_MIN)) {
      unsureAt = at;
      break;
    }
  }
  return { unsureWeights, unsureAt };
}

export function calibrate(examples: readonly TrainingExample[], log: (line: string) => void = console.log): TuningData {
  const [a, b] = folds(examples);
  const pct = (x: number) => (x * 100).toFixed(1) + '%';
  let modelWeight = 0;
  let formalModelWeight = 0;
  let l2 = L2S[0]!;
  let bestAcc = -1;
  let oof: (weight: number, formal: number) => Judged[] = () => [];
  for (const penalty of L2S) {
    const modelA = decodeModel(trainModel(a, penalty));
    const modelB = decodeModel(trainModel(b, penalty));
    const run = (weight: number, formal: number) => [...judge(b, weight, formal, modelA), ...judge(a, weight, formal, modelB)];
    for (const weight of MODEL_WEIGHTS) {
      for (const formal of FORMAL_WEIGHTS) {
        if (weight === 0 && formal === 0 && penalty !== L2S[0]) continue; // no model: the penalty does not matter
        const judged = run(weight, formal);
        const acc = macroAccuracy(judged);
        const perKind = byKind(judged).map((g) => `${kindOf(g[0]!.source)} ${pct(g.filter((j) => j.ok).length / g.length)}`).join(', ');
        log(`  l2 ${penalty} modelWeight ${weight} formal ${formal}: out-of-fold accuracy ${pct(acc)} (mean over kinds of titles; ${perKind})`);
        if (acc > bestAcc + 1e-9) [modelWeight, formalModelWeight, l2, bestAcc, oof] = [weight, formal, penalty, acc, run];
      }
    }
  }
  // The 待确认 rule is fitted on how the engine does on titles it never saw. Where a kind of titles
  // has several training sources (OA-style, government), each source is judged by a model trained
  // without it, as a held-out source will be; the others by the model of the other half of their
  // source (a kind with one source cannot be left out whole: its model would know nothing of it).
  const kindSources = new Map<string, Set<string>>();
  for (const ex of examples) {
    const kind = kindOf(ex.source);
    if (!kindSources.has(kind)) kindSources.set(kind, new Set());
    kindSources.get(kind)!.add(ex.source);
  }
  const leaveOut = new Set([...kindSources.values()].filter((set) => set.size >= 2).flatMap((set) => [...set]));
  const judged = oof(modelWeight, formalModelWeight).filter((j) => !leaveOut.has(j.source));
  for (const source of leaveOut) {
    const model = decodeModel(trainModel(examples.filter((ex) => ex.source !== source), l2));
    judged.push(...judge(examples.filter((ex) => ex.source === source), modelWeight, formalModelWeight, model));
  }
  const { unsureWeights, unsureAt } = fitRule(judged);
  // How the rule does on a source it was not fitted on: fitted again without each source in turn
  // (a held-out source is a new source; the numbers above are from sources the rule was fitted on).
  log('  待确认 rule fitted without the source, on the source (cross-source check):');
  for (const g of bySource(judged)) {
    const source = g[0]!.source;
    if (g.filter((j) => !j.ok).length < 5) continue;
    const rule = fitRule(judged.filter((j) => j.source !== source));
    const [r] = flagRates(g, rule.unsureWeights, rule.unsureAt);
    log(`    ${source.padEnd(24)} wrong ${String(r!.wrong).padStart(4)}  wrong flagged ${pct(r!.wrongFlagged).padStart(6)}  right flagged ${pct(r!.rightFlagged).padStart(6)}`);
  }
  for (const r of flagRates(judged, unsureWeights, unsureAt, byKind)) {
    log(`  kind ${kindOf(r.source).padEnd(8)} wrong ${String(r.wrong).padStart(4)}  wrong flagged ${pct(r.wrongFlagged).padStart(6)}  right flagged ${pct(r.rightFlagged).padStart(6)}`);
  }
  log(`  chose l2 ${l2}, modelWeight ${modelWeight}, formalModelWeight ${formalModelWeight}, unsure weights ${JSON.stringify(unsureWeights)}, unsureAt ${unsureAt}`);
  for (const r of flagRates(judged, unsureWeights, unsureAt)) {
    log(`  ${r.source.padEnd(20)} wrong ${String(r.wrong).padStart(4)}  wrong flagged ${pct(r.wrongFlagged).padStart(6)}  right flagged ${pct(r.rightFlagged).padStart(6)}`);
  }
  return { l2, modelWeight, formalModelWeight, unsureWeights, unsureAt };
}
