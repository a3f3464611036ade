// The evaluation model and its 待确认 rule on what they never trained on (issue 10): the held-out
// halves of the earlier labelled sets and the held-out sources, whole, reported per source
// (scripts/corpus.ts heldOutReport, which classifies with the evaluation model of scripts/eval-model.ts;
// split and method: tests/data/CORPUS.md). The shipped model trained on all of these titles: its
// numbers here would measure nothing, so it is not what this file measures.
// MEASURED is what the committed evaluation model gives (npm run train, round 4: calibrated out of fold
// by source, municipal-shanghai-prompt registered as a training source; no held-out line was used to
// train or calibrate it); the test asserts floors a little below it (accuracy −1.5 points, share of
// wrong tags flagged −5 points) and a ceiling a little above the share of right tags flagged (+5
// points): classification is deterministic, so these catch regressions, not noise. They are NOT the
// issue's targets (OA-style ≥ 96%, real titles ≥ 90% / ≥ 88%, 待确认 ≥ 50% of wrong and ≤ 15% of right):
// where a source is below a target, the numbers below say so. 待确认 meets both of the rates
// (≥ 50% of wrong, ≤ 15% of right) on the OA-style sets and citizen-wenzheng-b only; provincial-hebei
// flags 48.0% of wrong (14.6% of right). The round-4 calibration (by source, not by halves of each
// source) fits a rule that flags more of both than round 3's did (right tags flagged: soe-sgcc 9.6% →
// 28.0%, hospital-sichuan-recruit 10.6% → 22.8%; wrong tags flagged: university-swjtu 42.9% → 58.9%,
// hospital-sichuan-recruit 84.6% → 92.9%): tests/data/CORPUS.md, Round 4.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { heldOutReport, shippedExamples, trainingExamples, CORPUS_SOURCES, SET_KINDS } from '../../../scripts/corpus';
import { sourceFolds } from '../../../scripts/calibrate';
import { evalModelData } from '../../../scripts/eval-model';
import { LABELLED_SETS, isHeldOut, readLabelled } from '../../../scripts/bench/accuracy';
import { trainModel } from '../../../scripts/train-model';
import { MODEL_DATA } from '../../../utils/tagging/char-model-data';
import { CATEGORY_IDS } from '../../../utils/model';
import { expectWellFormed } from './labelled-set';

const root = resolve(__dirname, '../../..');

/** [accuracy, share of wrong tags flagged 待确认, share of right tags flagged], in %, as measured. */
const MEASURED: Record<string, readonly [number, number, number]> = {
  'sample-titles': [100, 100, 0],
  'labelled-oa': [98.4, 50, 7.5],
  'labelled-gov': [97.7, 0, 7],
  'real-gov-titles': [86.3, 69, 29.7],
  'real-gov-titles-2': [86.4, 71.4, 16.5],
  'oa-titles-2': [96.8, 80, 5.3],
  'citizen-wenzheng-b': [94.6, 63, 5.1],
  'university-swjtu': [74.9, 58.9, 35.3],
  'university-misc': [85.3, 100, 37.9],
  'hospital-sichuan-recruit': [76.7, 92.9, 22.8],
  'ministry-forestry': [54.1, 67.9, 37.4],
  'provincial-hebei': [84.6, 48, 14.6],
  'soe-sgcc': [82.9, 81.8, 28],
  'municipal-guangzhou': [75, 56.5, 34.8],
  // Round 5, registered held out whole: mostly news headlines of a district and a municipal bureau.
  'district-beijing-haidian': [70.2, 70.6, 42.2],
  'municipal-zhuhai-ecoenv': [59, 67.3, 63],
};
const ACCURACY_MARGIN = 1.5;
const FLAG_MARGIN = 5;

const pct = (x: number) => (x * 100).toFixed(1) + '%';

function countBySource(examples: readonly { source: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of examples) counts[e.source] = (counts[e.source] ?? 0) + 1;
  return counts;
}

describe('held-out sources', () => {
  const report = heldOutReport(root);

  it('the citizen-message files are well formed and labelled petition (taxonomy: citizens\' messages)', () => {
    for (const src of CORPUS_SOURCES.filter((s) => s.kind === 'citizen')) {
      const rows = readLabelled(resolve(root, src.path));
      expectWellFormed(rows, src.role === 'train' ? 2000 : 1000);
      expect(rows.every((r) => r.ids[0] === 'petition')).toBe(true);
    }
  });

  it('every source file is well formed, and every kind has a held-out source', () => {
    for (const src of CORPUS_SOURCES) expectWellFormed(readLabelled(resolve(root, src.path)), 10);
    for (const kind of new Set(CORPUS_SOURCES.map((s) => s.kind))) {
      expect(CORPUS_SOURCES.some((s) => s.kind === kind && s.role === 'holdout'), kind).toBe(true);
    }
  });

  it('every held-out set and source is measured here', () => {
    expect(report.map((r) => r.name).sort()).toEqual(Object.keys(MEASURED).sort());
  });

  it.each(Object.entries(MEASURED))('%s: accuracy and 待确认 rates at their measured level', (name, [accuracy, wrongFlagged, rightFlagged]) => {
    const r = report.find((x) => x.name === name)!;
    console.log(`${name} (${r.kind}, ${r.part}, ${r.total}): ${pct(r.accuracy)}; 待确认 flags ${pct(r.wrongFlagged)} of wrong, ${pct(r.rightFlagged)} of right`);
    expect(100 * r.accuracy).toBeGreaterThanOrEqual(accuracy - ACCURACY_MARGIN);
    // Too few wrong tags to say anything about the share flagged.
    if (r.total * (1 - r.accuracy) < 5) return;
    expect(100 * r.wrongFlagged).toBeGreaterThanOrEqual(wrongFlagged - FLAG_MARGIN);
    expect(100 * r.rightFlagged).toBeLessThanOrEqual(rightFlagged + FLAG_MARGIN);
    // 待确认 says something: a wrong tag is likelier to be flagged than a right one.
    expect(r.wrongFlagged).toBeGreaterThan(r.rightFlagged);
  });

  it('the evaluation model\'s trainer never sees a held-out line or a held-out source', () => {
    const examples = trainingExamples(root);
    const read = new Set(examples.map((e) => `${e.source}|${e.line}`));
    for (const set of LABELLED_SETS) {
      for (const row of readLabelled(resolve(root, set.path))) {
        if (isHeldOut(row.line, set.split)) expect(read.has(`${set.name}|${row.line}`), `${set.name} L${row.line}`).toBe(false);
      }
    }
    // A held-out source shares no title with anything the trainer reads.
    const titles = new Set(examples.map((e) => e.title));
    for (const src of CORPUS_SOURCES.filter((s) => s.role === 'holdout')) {
      expect(examples.some((e) => e.source === src.name)).toBe(false);
      for (const row of readLabelled(resolve(root, src.path))) expect(titles.has(row.title)).toBe(false);
    }
    // The earlier sets share a few titles across files: such a title is held out everywhere.
    for (const set of LABELLED_SETS) {
      for (const row of readLabelled(resolve(root, set.path))) {
        if (isHeldOut(row.line, set.split)) expect(titles.has(row.title), `${set.name} L${row.line}`).toBe(false);
      }
    }
    // The committed evaluation model says what it was trained on: exactly the training sources.
    const evalData = evalModelData(root);
    expect(evalData.trainedOn).toEqual({ ...countBySource(examples), lexicon: MODEL_DATA.trainedOn.lexicon });
    for (const src of CORPUS_SOURCES.filter((s) => s.role === 'holdout')) expect(Object.keys(evalData.trainedOn)).not.toContain(src.name);
    expect(evalData.categories).toEqual([...CATEGORY_IDS]);
  });

  it('the shipped model trained on every labelled title, each title once', () => {
    const examples = shippedExamples(root);
    const titles = new Set(examples.map((e) => e.title));
    expect(titles.size).toBe(examples.length);
    for (const set of [...LABELLED_SETS, ...CORPUS_SOURCES]) {
      for (const row of readLabelled(resolve(root, set.path))) expect(titles.has(row.title), `${set.name} L${row.line}`).toBe(true);
    }
    // A title in two files keeps its first occurrence's ids.
    const first = new Map<string, string[]>();
    for (const set of [...LABELLED_SETS, ...CORPUS_SOURCES]) for (const row of readLabelled(resolve(root, set.path))) if (!first.has(row.title)) first.set(row.title, row.ids);
    for (const e of examples) expect(e.ids, e.title).toEqual(first.get(e.title));
    expect(MODEL_DATA.trainedOn).toEqual({ ...countBySource(examples), lexicon: MODEL_DATA.trainedOn.lexicon });
    for (const src of CORPUS_SOURCES) expect(MODEL_DATA.trainedOn[src.name], src.name).toBeGreaterThan(0);
    expect(MODEL_DATA.categories).toEqual([...CATEGORY_IDS]);
  });

  it('calibration folds are whole sources (halves only for the one source of a kind)', () => {
    for (const examples of [trainingExamples(root), shippedExamples(root)]) {
      const folds = sourceFolds(examples);
      const bySource = new Map<string, Set<number>>();
      examples.forEach((e, i) => bySource.set(e.source, (bySource.get(e.source) ?? new Set()).add(folds[i]!)));
      const kindCount = new Map<string, number>();
      for (const source of bySource.keys()) kindCount.set(SET_KINDS[source]!, (kindCount.get(SET_KINDS[source]!) ?? 0) + 1);
      for (const [source, set] of bySource) expect(set.size, source).toBe(kindCount.get(SET_KINDS[source]!) === 1 ? 2 : 1);
      expect(sourceFolds(examples)).toEqual(folds);
    }
  });

  it('training is deterministic', () => {
    const some = trainingExamples(root).filter((_, i) => i % 10 === 0);
    expect(trainModel(some)).toEqual(trainModel(some));
  });
});
