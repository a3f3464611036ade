// The labelled corpus by source, and which part of it each of the two models trains on.
// The EVALUATION model (tests/data/eval-model.json, scripts/eval-model.ts: every accuracy report and
// held-out test) trains on trainingExamples:
//   - the earlier labelled sets (scripts/bench/accuracy.ts LABELLED_SETS): their tune lines only;
//   - whole sources marked 'train'; sources marked 'holdout' are never read for it, so
//     their accuracy says how the engine does on a source it has never seen.
// The SHIPPED model (utils/tagging/char-model-weights.json, what the extension loads) trains on
// shippedExamples: every labelled title, held-out lines and sources included.
import { resolve } from 'node:path';
import { DEFAULT_CATALOG } from '../utils/catalog/default-catalog';
import { LABELLED_SETS, isHeldOut, readLabelled, type LabelledTitle } from './bench/accuracy';
import { evalMatcher } from './eval-model';

export interface CorpusSource {
  name: string;
  path: string;
  role: 'train' | 'holdout';
  /** What kind of titles, as the issue groups them (its targets: OA-style; national/provincial, SOE
   * and citizen; municipal and district), and the kinds of institution whose notices reach an OA. */
  kind: 'citizen' | 'gov' | 'oa' | 'university' | 'hospital' | 'soe' | 'municipal' | 'district';
}

export const CORPUS_SOURCES: readonly CorpusSource[] = [
  { name: 'citizen-wenzheng-a', path: 'tests/data/citizen-wenzheng-a.tsv', role: 'train', kind: 'citizen' },
  { name: 'citizen-wenzheng-b', path: 'tests/data/citizen-wenzheng-b.tsv', role: 'holdout', kind: 'citizen' },
  // Split written down before any tuning on these files (tests/data/CORPUS.md): per kind, one source
  // trains and tunes, the others are never read by the trainer, the calibration or the lexicon's author.
  { name: 'university-xdu', path: 'tests/data/university-xdu.tsv', role: 'train', kind: 'university' },
  { name: 'university-swjtu', path: 'tests/data/university-swjtu.tsv', role: 'holdout', kind: 'university' },
  { name: 'university-misc', path: 'tests/data/university-misc.tsv', role: 'holdout', kind: 'university' },
  { name: 'hospital-jst', path: 'tests/data/hospital-jst.tsv', role: 'train', kind: 'hospital' },
  { name: 'hospital-sichuan-recruit', path: 'tests/data/hospital-sichuan-recruit.tsv', role: 'holdout', kind: 'hospital' },
  // From branch issue-10b, split the same way before tuning (tests/data/CORPUS.md). 'gov' is national
  // and provincial documents; the only SOE source is held out whole.
  { name: 'ministry-ndrc', path: 'tests/data/ministry-ndrc.tsv', role: 'train', kind: 'gov' },
  { name: 'ministry-forestry', path: 'tests/data/ministry-forestry.tsv', role: 'holdout', kind: 'gov' },
  { name: 'provincial-hebei', path: 'tests/data/provincial-hebei.tsv', role: 'holdout', kind: 'gov' },
  { name: 'soe-sgcc', path: 'tests/data/soe-sgcc.tsv', role: 'holdout', kind: 'soe' },
  { name: 'municipal-beijing-tcm', path: 'tests/data/municipal-beijing-tcm.tsv', role: 'train', kind: 'municipal' },
  { name: 'municipal-guangzhou', path: 'tests/data/municipal-guangzhou.tsv', role: 'holdout', kind: 'municipal' },
  // Round 4: the 26 Shanghai municipal and district titles of round 3 (registered now; tests/data/CORPUS.md).
  { name: 'municipal-shanghai-prompt', path: 'tests/data/municipal-shanghai-prompt.tsv', role: 'train', kind: 'municipal' },
  // Round 5: held out whole (never in the evaluation model), so they say how the engine does on
  // a district and a municipal bureau it has never seen.
  { name: 'district-beijing-haidian', path: 'tests/data/district-beijing-haidian.tsv', role: 'holdout', kind: 'district' },
  { name: 'municipal-zhuhai-ecoenv', path: 'tests/data/municipal-zhuhai-ecoenv.tsv', role: 'holdout', kind: 'municipal' },
];

/** The kind of titles of each earlier labelled set, as the issue groups its checks. */
export const SET_KINDS: Readonly<Record<string, CorpusSource['kind']>> = {
  'sample-titles': 'oa',
  'labelled-oa': 'oa',
  'oa-titles-2': 'oa',
  'labelled-gov': 'gov',
  'real-gov-titles': 'gov',
  'real-gov-titles-2': 'gov',
  ...Object.fromEntries(CORPUS_SOURCES.map((s) => [s.name, s.kind])),
};

export interface TrainingExample {
  title: string;
  category: string;
  /** Every acceptable id (the first is the primary, which the model learns). */
  ids: string[];
  source: string;
  /** Line in its file. */
  line: number;
  workflow?: string;
}

/**
 * Every example the trainer may see: primary label (first id) of each training line. A training
 * line whose title is also a held-out line somewhere (the earlier sets share a few titles across
 * files) is left out, so no held-out title is ever trained on.
 */
export function trainingExamples(root: string): TrainingExample[] {
  const out: TrainingExample[] = [];
  const heldOut = new Set<string>();
  for (const set of LABELLED_SETS) {
    for (const row of readLabelled(resolve(root, set.path))) if (isHeldOut(row.line, set.split)) heldOut.add(row.title);
  }
  for (const src of CORPUS_SOURCES) {
    if (src.role === 'holdout') for (const row of readLabelled(resolve(root, src.path))) heldOut.add(row.title);
  }
  for (const set of LABELLED_SETS) {
    for (const row of readLabelled(resolve(root, set.path))) {
      if (isHeldOut(row.line, set.split) || heldOut.has(row.title)) continue;
      out.push({ title: row.title, category: row.ids[0]!, ids: row.ids, source: set.name, line: row.line, workflow: row.workflow });
    }
  }
  for (const src of CORPUS_SOURCES) {
    if (src.role !== 'train') continue;
    for (const row of readLabelled(resolve(root, src.path))) {
      out.push({ title: row.title, category: row.ids[0]!, ids: row.ids, source: src.name, line: row.line, workflow: row.workflow });
    }
  }
  return out;
}

/**
 * Every labelled title, for the shipped model: all lines of the earlier sets and every source, train
 * and holdout, in the same order as trainingExamples (the earlier sets, then CORPUS_SOURCES). A title
 * that occurs more than once (the earlier sets share a few across files) is kept once: its FIRST
 * occurrence, with that line's ids and source (the first id is what the model learns). Ids are not
 * merged across occurrences: a later file's label does not widen an earlier one's.
 */
export function shippedExamples(root: string): TrainingExample[] {
  const out: TrainingExample[] = [];
  const seen = new Set<string>();
  const add = (source: string, path: string) => {
    for (const row of readLabelled(resolve(root, path))) {
      if (seen.has(row.title)) continue;
      seen.add(row.title);
      out.push({ title: row.title, category: row.ids[0]!, ids: row.ids, source, line: row.line, workflow: row.workflow });
    }
  };
  for (const set of LABELLED_SETS) add(set.name, set.path);
  for (const src of CORPUS_SOURCES) add(src.name, src.path);
  return out;
}

export interface SourceReport {
  name: string;
  kind: CorpusSource['kind'];
  /** 'held-out half' of an earlier set, or a whole source never trained on. */
  part: string;
  total: number;
  accuracy: number;
  /** Share of wrong tags flagged 待确认, and of right ones. */
  wrongFlagged: number;
  rightFlagged: number;
}

function report(name: string, part: string, rows: LabelledTitle[], root: string): SourceReport {
  const kind = SET_KINDS[name] ?? 'gov';
  // The evaluation model: it never trained on a held-out line (the shipped one trained on all of them).
  const match = evalMatcher(DEFAULT_CATALOG, [], root);
  let right = 0;
  let rightFlagged = 0;
  let wrongFlagged = 0;
  for (const row of rows) {
    const r = match(row.workflow ? { title: row.title, fields: { workflow: row.workflow } } : { title: row.title });
    if (row.ids.includes(r.category)) {
      right++;
      if (r.unsure) rightFlagged++;
    } else if (r.unsure) wrongFlagged++;
  }
  const wrong = rows.length - right;
  return {
    name,
    kind,
    part,
    total: rows.length,
    accuracy: rows.length ? right / rows.length : 0,
    wrongFlagged: wrong ? wrongFlagged / wrong : 1,
    rightFlagged: right ? rightFlagged / right : 0,
  };
}

/** Accuracy and 待确认 rates (evaluation model) on everything it never trained on: the held-out halves of the
 * earlier sets, and the held-out sources whole. */
export function heldOutReport(root: string = process.cwd()): SourceReport[] {
  const out: SourceReport[] = [];
  for (const set of LABELLED_SETS) {
    const rows = readLabelled(resolve(root, set.path)).filter((r) => isHeldOut(r.line, set.split));
    out.push(report(set.name, set.split === 'halves' ? 'held-out half' : 'held-out fifth', rows, root));
  }
  for (const src of CORPUS_SOURCES) {
    if (src.role === 'holdout') out.push(report(src.name, 'held-out source', readLabelled(resolve(root, src.path)), root));
  }
  return out;
}

/** The same on the whole training sources (the evaluation model and the lexicon's author saw these:
 * not a measure of unseen titles, but a regression check). */
export function trainingSourceReport(root: string = process.cwd()): SourceReport[] {
  return CORPUS_SOURCES.filter((s) => s.role === 'train').map((src) => report(src.name, 'training source', readLabelled(resolve(root, src.path)), root));
}

// `npx tsx scripts/corpus.ts [--train]` prints the held-out report (and the training sources').
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const pct = (x: number) => (x * 100).toFixed(1) + '%';
  const rows = [...heldOutReport(), ...(process.argv.includes('--train') ? trainingSourceReport() : [])];
  for (const r of rows) {
    console.log(`${r.name.padEnd(25)} ${r.kind.padEnd(10)} ${r.part.padEnd(16)} ${String(r.total).padStart(5)}  accuracy ${pct(r.accuracy).padStart(6)}  待确认: wrong ${pct(r.wrongFlagged).padStart(6)}  right ${pct(r.rightFlagged).padStart(6)}`);
  }
}
