// The learned model and the 待确认 rule on what they never trained on (issue 10): the held-out
// halves of the earlier labelled sets and the held-out sources, whole, reported per source
// (scripts/corpus.ts heldOutReport; split and method: tests/data/CORPUS.md).
// MEASURED is what the committed engine gives (npm run train; no held-out line was used to train or
// calibrate); the test asserts floors a little below it (accuracy −1.5 points, share of wrong tags
// flagged −5 points) and a ceiling a little above the share of right tags flagged (+5 points):
// classification is deterministic, so these catch regressions, not noise. They are NOT the issue's
// targets (OA-style ≥ 96%, real titles ≥ 90% / ≥ 88%, 待确认 ≥ 50% of wrong and ≤ 15% of right):
// where a source is below a target, the numbers below say so. 待确认 meets both of the rates
// (≥ 50% of wrong, ≤ 15% of right) on the OA-style sets, real-gov-titles-2, citizen-wenzheng-b
// (51.0%, just), provincial-hebei, soe-sgcc and hospital-sichuan-recruit; elsewhere it flags too many
// right tags where accuracy is low (university-swjtu 31.7% and 42.9% of wrong only, ministry-forestry
// 30.3%, municipal-guangzhou 27.5%, real-gov-titles 26.5%): one threshold cannot meet both rates on
// a source the engine gets only 54–86% right (the 待确认 rule fitted without a training source meets
// both on that source for 2 of 7: scripts/calibrate.ts prints the cross-source check).
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { heldOutReport, trainingExamples, CORPUS_SOURCES } from '../../../scripts/corpus';
import { LABELLED_SETS, isHeldOut, readLabelled } from '../../../scripts/bench/accuracy';
import { trainModel } from '../../../scripts/train-model';
import { MODEL_DATA } from '../../../utils/tagging/char-model-data';
import { CATEGORY_IDS } from '../../../utils/model';
import { expectWellFormed } from './labelled-set';

const root = resolve(__dirname, '../../..');

/** [accuracy, share of wrong tags flagged 待确认, share of right tags flagged], in %, as measured. */
const MEASURED: Record<string, readonly [number, number, number]> = {
  'sample-titles': [100, 100, 0],
  'labelled-oa': [98.4, 50, 4.2],
  'labelled-gov': [97.7, 0, 8.1],
  'real-gov-titles': [85.8, 60, 26.5],
  'real-gov-titles-2': [86.4, 61.9, 12.8],
  'oa-titles-2': [96.8, 80, 4],
  'citizen-wenzheng-b': [94.9, 51, 2.5],
  'university-swjtu': [74.9, 42.9, 31.7],
  'university-misc': [85.3, 100, 31],
  'hospital-sichuan-recruit': [78.3, 84.6, 10.6],
  'ministry-forestry': [54.1, 61.9, 30.3],
  'provincial-hebei': [81.5, 53.3, 9.8],
  'soe-sgcc': [80.6, 84, 9.6],
  'municipal-guangzhou': [75, 65.2, 27.5],
};
const ACCURACY_MARGIN = 1.5;
const FLAG_MARGIN = 5;

const pct = (x: number) => (x * 100).toFixed(1) + '%';

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

  it('the trainer never sees a held-out line or a held-out source', () => {
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
    // The committed weights say what they were trained on: exactly the training sources.
    const counts: Record<string, number> = {};
    for (const e of trainingExamples(root)) counts[e.source] = (counts[e.source] ?? 0) + 1;
    for (const [source, n] of Object.entries(counts)) expect(MODEL_DATA.trainedOn[source], source).toBe(n);
    for (const src of CORPUS_SOURCES.filter((s) => s.role === 'holdout')) expect(Object.keys(MODEL_DATA.trainedOn)).not.toContain(src.name);
    expect(MODEL_DATA.categories).toEqual([...CATEGORY_IDS]);
  });

  it('training is deterministic', () => {
    const some = trainingExamples(root).filter((_, i) => i % 10 === 0);
    expect(trainModel(some)).toEqual(trainModel(some));
  });
});
