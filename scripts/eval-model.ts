// The evaluation model: trained by `npm run train` exactly as the shipped model used to be (training
// sources and the tune lines of the earlier sets only: scripts/corpus.ts trainingExamples) and
// calibrated on those only, written to tests/data/eval-model.json and eval-model-tuning.json. Every
// accuracy report (scripts/corpus.ts, scripts/bench/accuracy.ts) and held-out unit test classifies
// with it, so their held-out numbers stay measurements on titles and sources it never saw. The
// extension ships utils/tagging/char-model-weights.json, trained on every labelled title: its numbers
// on those titles would measure nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, Rule } from '../utils/model';
import { createMatcher, type Classification, type ClassifyInput, type Tuning } from '../utils/tagging';
import { decodeModel } from '../utils/tagging/char-model';
import type { ModelData } from '../utils/tagging/char-model-data';

export const EVAL_MODEL_PATH = 'tests/data/eval-model.json';
export const EVAL_TUNING_PATH = 'tests/data/eval-model-tuning.json';
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** The calibrated numbers the engine reads (scripts/calibrate.ts TuningData, without l2). */
interface TuningFile {
  modelWeight: number;
  formalModelWeight: number;
  unsureWeights: number[];
  unsureAt: number;
}

const dataCache = new Map<string, ModelData>();
const tuningCache = new Map<string, Tuning>();

/** The evaluation model's committed data (its trainedOn says what it saw). */
export function evalModelData(root: string = ROOT): ModelData {
  let data = dataCache.get(root);
  if (!data) dataCache.set(root, (data = JSON.parse(readFileSync(resolve(root, EVAL_MODEL_PATH), 'utf8')) as ModelData));
  return data;
}

/** The evaluation model and its own calibration, as a Tuning for createMatcher (decoded once per root). */
export function evalTuning(root: string = ROOT): Tuning {
  let tuning = tuningCache.get(root);
  if (!tuning) {
    const t = JSON.parse(readFileSync(resolve(root, EVAL_TUNING_PATH), 'utf8')) as TuningFile;
    tuning = { modelWeight: t.modelWeight, formalModelWeight: t.formalModelWeight, unsureWeights: t.unsureWeights, unsureAt: t.unsureAt, model: decodeModel(evalModelData(root)) };
    tuningCache.set(root, tuning);
  }
  return tuning;
}

/** A matcher that classifies with the evaluation model instead of the shipped one. */
export function evalMatcher(catalog: Catalog, rules: Rule[] = [], root: string = ROOT): (input: ClassifyInput) => Classification {
  return createMatcher(catalog, rules, evalTuning(root));
}
