// The labelled corpus by source, and which part of it the learned model may train on.
//   - the earlier labelled sets (scripts/bench/accuracy.ts LABELLED_SETS): their tune lines only;
//   - whole sources marked 'train'; sources marked 'holdout' are never read by the trainer, so
//     their accuracy says how the engine does on a source it has never seen.
import { resolve } from 'node:path';
import { LABELLED_SETS, isHeldOut, readLabelled } from './bench/accuracy';

export interface CorpusSource {
  name: string;
  path: string;
  role: 'train' | 'holdout';
  /** What kind of titles, as the issue groups them. */
  kind: 'citizen' | 'gov' | 'oa';
}

export const CORPUS_SOURCES: readonly CorpusSource[] = [
  { name: 'citizen-wenzheng-a', path: 'tests/data/citizen-wenzheng-a.tsv', role: 'train', kind: 'citizen' },
  { name: 'citizen-wenzheng-b', path: 'tests/data/citizen-wenzheng-b.tsv', role: 'holdout', kind: 'citizen' },
];

export interface TrainingExample {
  title: string;
  category: string;
  /** Every acceptable id (the first is the primary, which the model learns). */
  ids: string[];
  source: string;
  workflow?: string;
}

/** Every example the trainer may see: primary label (first id) of each training line. */
export function trainingExamples(root: string): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const set of LABELLED_SETS) {
    for (const row of readLabelled(resolve(root, set.path))) {
      if (isHeldOut(row.line, set.split)) continue;
      out.push({ title: row.title, category: row.ids[0]!, ids: row.ids, source: set.name, workflow: row.workflow });
    }
  }
  for (const src of CORPUS_SOURCES) {
    if (src.role !== 'train') continue;
    for (const row of readLabelled(resolve(root, src.path))) {
      out.push({ title: row.title, category: row.ids[0]!, ids: row.ids, source: src.name, workflow: row.workflow });
    }
  }
  return out;
}
