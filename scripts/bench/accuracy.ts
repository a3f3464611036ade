// Accuracy of the default catalog on labelled title sets (title TAB ids separated by |).
// "Acceptable" = the predicted category is one of the labelled ids. Every 5th line
// (1-based line numbers divisible by 5) is the held-out split that was never tuned on.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CATALOG } from '../../utils/catalog/default-catalog';
import { createMatcher } from '../../utils/tagging';

export interface LabelledTitle {
  title: string;
  ids: string[];
  line: number;
}

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

export const LABELLED_SETS = [
  { name: 'sample-titles', path: 'tests/data/sample-titles.tsv' },
  { name: 'labelled-oa', path: 'tests/data/labelled-oa.tsv' },
  { name: 'labelled-gov', path: 'tests/data/labelled-gov.tsv' },
] as const;

export function isHeldOut(line: number): boolean {
  return line % 5 === 0;
}

export function readLabelled(path: string): LabelledTitle[] {
  const text = readFileSync(path, 'utf8');
  const out: LabelledTitle[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const [title = '', ids = ''] = raw.split('\t');
    out.push({ title, ids: ids.split('|').map((s) => s.trim()).filter(Boolean), line: i + 1 });
  });
  return out;
}

function split(items: { ok: boolean }[]): SplitAccuracy {
  const correct = items.filter((x) => x.ok).length;
  return { total: items.length, correct, accuracy: items.length ? correct / items.length : 0 };
}

export function accuracyOf(name: string, rows: LabelledTitle[]): SetAccuracy {
  const match = createMatcher(DEFAULT_CATALOG, []);
  const results = rows.map((row) => {
    const got = match({ title: row.title }).category;
    return { row, got, ok: row.ids.includes(got) };
  });
  return {
    name,
    all: split(results),
    tune: split(results.filter((r) => !isHeldOut(r.row.line))),
    heldOut: split(results.filter((r) => isHeldOut(r.row.line))),
    misses: results
      .filter((r) => !r.ok)
      .map((r) => ({ title: r.row.title, expected: r.row.ids.join('|'), got: r.got, line: r.row.line })),
  };
}

/** Accuracy on every labelled set, paths relative to the project root (default: cwd). */
export function computeAccuracy(root: string = process.cwd()): SetAccuracy[] {
  return LABELLED_SETS.map(({ name, path }) => accuracyOf(name, readLabelled(resolve(root, path))));
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
