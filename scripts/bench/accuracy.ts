// Accuracy of the default catalog on labelled title sets (title TAB ids separated by |, and an
// optional third column: the OA workflow name, passed to the classifier as fields.workflow).
// "Acceptable" = the predicted category is one of the labelled ids. Held-out split: for the
// author's sets every 5th line (1-based line numbers divisible by 5); for the independent sets
// (real published titles, second OA set) the even lines, the odd lines being the tune half.
// Classified with the evaluation model (scripts/eval-model.ts), which never trained on a held-out
// line; the shipped model trained on every line of these sets.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CATALOG } from '../../utils/catalog/default-catalog';
import type { Classification, ClassifyInput } from '../../utils/tagging';
import { evalMatcher } from '../eval-model';

export interface LabelledTitle {
  title: string;
  ids: string[];
  line: number;
  /** OA workflow name (third TSV column), when the row has one. */
  workflow?: string;
}

/** How a set is split into tune and held-out lines. */
export type SplitKind = 'fifth' | 'halves';

export interface SplitAccuracy {
  total: number;
  correct: number;
  accuracy: number;
}

export interface SetAccuracy {
  name: string;
  all: SplitAccuracy;
  tune: SplitAccuracy;
  heldOut: SplitAccuracy;
  misses: { title: string; expected: string; got: string; line: number }[];
}

export const LABELLED_SETS: readonly { name: string; path: string; split: SplitKind }[] = [
  { name: 'sample-titles', path: 'tests/data/sample-titles.tsv', split: 'fifth' },
  { name: 'labelled-oa', path: 'tests/data/labelled-oa.tsv', split: 'fifth' },
  { name: 'labelled-gov', path: 'tests/data/labelled-gov.tsv', split: 'fifth' },
  { name: 'real-gov-titles', path: 'tests/data/real-gov-titles.tsv', split: 'halves' },
  { name: 'real-gov-titles-2', path: 'tests/data/real-gov-titles-2.tsv', split: 'halves' },
  { name: 'oa-titles-2', path: 'tests/data/oa-titles-2.tsv', split: 'halves' },
];

export function isHeldOut(line: number, kind: SplitKind = 'fifth'): boolean {
  return kind === 'halves' ? line % 2 === 0 : line % 5 === 0;
}

export function readLabelled(path: string): LabelledTitle[] {
  const text = readFileSync(path, 'utf8');
  const out: LabelledTitle[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const [title = '', ids = '', workflow = ''] = raw.split('\t');
    const row: LabelledTitle = { title, ids: ids.split('|').map((s) => s.trim()).filter(Boolean), line: i + 1 };
    if (workflow.trim() !== '') row.workflow = workflow.trim();
    out.push(row);
  });
  return out;
}

function split(items: { ok: boolean }[]): SplitAccuracy {
  const correct = items.filter((x) => x.ok).length;
  return { total: items.length, correct, accuracy: items.length ? correct / items.length : 0 };
}

export function accuracyOf(
  name: string,
  rows: LabelledTitle[],
  splitKind: SplitKind = 'fifth',
  match: (input: ClassifyInput) => Classification = evalMatcher(DEFAULT_CATALOG, []),
): SetAccuracy {
  const results = rows.map((row) => {
    const input = row.workflow ? { title: row.title, fields: { workflow: row.workflow } } : { title: row.title };
    const got = match(input).category;
    return { row, got, ok: row.ids.includes(got) };
  });
  return {
    name,
    all: split(results),
    tune: split(results.filter((r) => !isHeldOut(r.row.line, splitKind))),
    heldOut: split(results.filter((r) => isHeldOut(r.row.line, splitKind))),
    misses: results
      .filter((r) => !r.ok)
      .map((r) => ({ title: r.row.title, expected: r.row.ids.join('|'), got: r.got, line: r.row.line })),
  };
}

/** Accuracy on every labelled set, paths relative to the project root (default: cwd). */
export function computeAccuracy(root: string = process.cwd()): SetAccuracy[] {
  return LABELLED_SETS.map(({ name, path, split: kind }) => accuracyOf(name, readLabelled(resolve(root, path)), kind));
}

// `npx tsx scripts/bench/accuracy.ts [--misses]` prints the numbers.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const showMisses = process.argv.includes('--misses');
  const which = process.argv.find((a) => a.startsWith('--set='))?.slice(6);
  for (const set of computeAccuracy()) {
    if (which && set.name !== which) continue;
    const pct = (s: SplitAccuracy) => `${(s.accuracy * 100).toFixed(1)}% (${s.correct}/${s.total})`;
    console.log(`${set.name}: all ${pct(set.all)}  tune ${pct(set.tune)}  held-out ${pct(set.heldOut)}`);
    if (showMisses) for (const m of set.misses) console.log(`  L${m.line}\t${m.title}\t${m.expected}\t→ ${m.got}`);
  }
}
