// Calibration of the tagger out of fold BY SOURCE (part of `npm run train`), on whichever examples
// the model being calibrated trains on: the evaluation model's (training sources and tune lines) or the
// shipped model's (every labelled title). The sources are dealt into FOLDS groups, each kind's sources
// into different groups; a model trained on the other groups classifies each group, so every title is
// judged by a model that never saw its source, as a new source will be. A source that is the only one
// of its kind among the examples is split in two halves instead (its kind would otherwise be unknown to
// every model that judges it). It chooses
//   1. l2, modelWeight and formalModelWeight: the model's penalty and its blend weights on other titles
//      and on official documents' titles (classify-task.ts FORMAL_DOCUMENT), for the best accuracy (macro over kinds);
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
/** Groups of sources (grouped k-fold): each is judged by a model trained on the others. */
export const FOLDS = 5;

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
 * The fold of each example (index into `examples`). Units are sources, in order of first appearance,
 * grouped by kind; a kind with one source contributes that source's two halves (file order: files are
 * ordered by sub-source, so a half is closer to a new source than alternate lines would be). Units are
 * dealt round-robin into FOLDS groups, kind after kind, so the sources of a kind (up to FOLDS of them)
 * land in different groups and each is judged by a model that saw the kind's other sources.
 */
export function sourceFolds(examples: readonly TrainingExample[]): number[] {
  const total = new Map<string, number>();
  const kindSources = new Map<string, string[]>();
  for (const ex of examples) {
    if (!total.has(ex.source)) {
      const kind = kindOf(ex.source);
      kindSources.set(kind, [...(kindSources.get(kind) ?? []), ex.source]);
    }
    total.set(ex.source, (total.get(ex.source) ?? 0) + 1);
  }
  const unitFold = new Map<string, number>();
  let next = 0;
  for (const sources of kindSources.values()) {
    const units = sources.length === 1 ? [`${sources[0]}#0`, `${sources[0]}#1`] : sources;
    for (const u of units) unitFold.set(u, next++ % FOLDS);
  }
  const seen = new Map<string, number>();
  return examples.map((ex) => {
    const n = seen.get(ex.source) ?? 0;
    seen.set(ex.source, n + 1);
    const whole = unitFold.get(ex.source);
    return whole ?? unitFold.get(`${ex.source}#${n < total.get(ex.source)! / 2 ? 0 : 1}`)!;
  });
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

/** Whether the engine shows a judged tag as 待确认 under the rule (w, at): classify-task.ts's test. */
function isFlagged(j: Judged, w: number[], at: number): boolean {
  return j.features.length === 0 || j.features[0]! < GUESS_BELOW || pWrong(w, j.features) >= at;
}

function flagRates(judged: Judged[], w: number[], at: number, groups: (judged: Judged[]) => Judged[][] = bySource) {
  return groups(judged).map((g) => {
    const flagged = (j: Judged) => isFlagged(j, w, at);
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

/** Out-of-fold numbers of a calibration, per kind of titles (what `npm run train` prints). */
export interface KindOof {
  kind: string;
  titles: number;
  accuracy: number;
  /** Shares of wrong and right tags flagged 待确认 by the rule fitted on every source. */
  wrongFlagged: number;
  rightFlagged: number;
  /** The same with each source's tags flagged by the rule fitted WITHOUT that source. */
  wrongFlaggedNew: number;
  rightFlaggedNew: number;
}

export interface Calibration {
  tuning: TuningData;
  kinds: KindOof[];
}

/**
 * Calibrates on `examples` (the examples the model will be trained on; scripts/corpus.ts
 * trainingExamples for the evaluation model, shippedExamples for the shipped one), out of fold by
 * source (sourceFolds).
 */
export function calibrate(examples: readonly TrainingExample[], log: (line: string) => void = console.log): Calibration {
  const foldOf = sourceFolds(examples);
  const inFold = (k: number) => examples.filter((_, i) => foldOf[i] === k);
  const outOfFold = (k: number) => examples.filter((_, i) => foldOf[i] !== k);
  const pct = (x: number) => (x * 100).toFixed(1) + '%';
  const groups = new Map<number, Set<string>>();
  examples.forEach((ex, i) => groups.set(foldOf[i]!, (groups.get(foldOf[i]!) ?? new Set()).add(ex.source)));
  for (const [k, sources] of [...groups.entries()].sort((x, y) => x[0] - y[0])) log(`  fold ${k}: ${[...sources].join(', ')} (${inFold(k).length} titles)`);
  let modelWeight = 0;
  let formalModelWeight = 0;
  let l2 = L2S[0]!;
  let bestAcc = -1;
  let oof: (weight: number, formal: number) => Judged[] = () => [];
  for (const penalty of L2S) {
    const models = Array.from({ length: FOLDS }, (_, k) => decodeModel(trainModel(outOfFold(k), penalty)));
    const run = (weight: number, formal: number) => models.flatMap((model, k) => judge(inFold(k), weight, formal, model));
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
  // The 待确认 rule is fitted on how the engine does on sources it never saw (the chosen blend, out of fold).
  const judged = oof(modelWeight, formalModelWeight);
  const { unsureWeights, unsureAt } = fitRule(judged);
  // How the rule does on a source it was not fitted on: fitted again without each source in turn
  // (a new source is new to the rule too; the in-fit numbers are from sources the rule was fitted on).
  log('  待确认 rule fitted without the source, on the source (cross-source check):');
  const newRates = new Map<string, { wrongFlagged: number; rightFlagged: number }>();
  for (const g of bySource(judged)) {
    const source = g[0]!.source;
    const rule = fitRule(judged.filter((j) => j.source !== source));
    const flagged = (j: Judged) => isFlagged(j, rule.unsureWeights, rule.unsureAt);
    newRates.set(source, { wrongFlagged: g.filter((j) => !j.ok && flagged(j)).length, rightFlagged: g.filter((j) => j.ok && flagged(j)).length });
    const [r] = flagRates(g, rule.unsureWeights, rule.unsureAt);
    if (r!.wrong < 5) continue; // too few wrong tags to print a share
    log(`    ${source.padEnd(26)} wrong ${String(r!.wrong).padStart(4)}  wrong flagged ${pct(r!.wrongFlagged).padStart(6)}  right flagged ${pct(r!.rightFlagged).padStart(6)}`);
  }
  log(`  chose l2 ${l2}, modelWeight ${modelWeight}, formalModelWeight ${formalModelWeight}, unsure weights ${JSON.stringify(unsureWeights)}, unsureAt ${unsureAt}`);
  for (const r of flagRates(judged, unsureWeights, unsureAt)) {
    log(`  ${r.source.padEnd(26)} wrong ${String(r.wrong).padStart(4)}  wrong flagged ${pct(r.wrongFlagged).padStart(6)}  right flagged ${pct(r.rightFlagged).padStart(6)}`);
  }
  const kinds = byKind(judged).map((g): KindOof => {
    const [r] = flagRates(g, unsureWeights, unsureAt, (x) => [x]);
    const right = g.filter((j) => j.ok).length;
    const wrong = g.length - right;
    let wrongNew = 0;
    let rightNew = 0;
    for (const source of new Set(g.map((j) => j.source))) {
      wrongNew += newRates.get(source)!.wrongFlagged;
      rightNew += newRates.get(source)!.rightFlagged;
    }
    return {
      kind: kindOf(g[0]!.source),
      titles: g.length,
      accuracy: right / g.length,
      wrongFlagged: r!.wrongFlagged,
      rightFlagged: r!.rightFlagged,
      wrongFlaggedNew: wrong ? wrongNew / wrong : 1,
      rightFlaggedNew: right ? rightNew / right : 0,
    };
  });
  return { tuning: { l2, modelWeight, formalModelWeight, unsureWeights, unsureAt }, kinds };
}
