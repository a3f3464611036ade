// Classification throughput on the labelled sets (repeated and permuted to ~5000 titles),
// against the cost of Intl.Segmenter('zh') merely segmenting the same titles in the same run.
import { resolve } from 'node:path';
import { DEFAULT_CATALOG } from '../../utils/catalog/default-catalog';
import { createMatcher, DEFAULT_TUNING } from '../../utils/tagging';
import { LABELLED_SETS, readLabelled } from './accuracy';
import type { BenchResult } from './types';

const TARGET = 5000;
const RUNS = 7;

/** Deterministic permutation (LCG), so every run measures the same order. */
function permute<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function benchTitles(root: string): string[] {
  const base = LABELLED_SETS.flatMap(({ path }) => readLabelled(resolve(root, path)).map((r) => r.title));
  const titles: string[] = [];
  for (let round = 0; titles.length < TARGET && base.length > 0; round++) titles.push(...permute(base, round + 1));
  return titles.slice(0, TARGET);
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeRuns(fn: () => number): number {
  fn(); // warm-up: JIT and lazily built structures
  fn();
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    sink += fn();
    times.push(performance.now() - t0);
  }
  if (sink === -1) console.log(''); // keep the work observable to the optimiser
  return median(times);
}

export async function benchClassify(root: string = process.cwd()): Promise<BenchResult[]> {
  const titles = benchTitles(root);
  const match = createMatcher(DEFAULT_CATALOG, []);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

  const classifyMs = timeRuns(() => {
    let n = 0;
    for (const title of titles) n += match({ title }).confidence > 0.5 ? 1 : 0;
    return n;
  });
  const segmentMs = timeRuns(() => {
    let n = 0;
    for (const title of titles) for (const _ of segmenter.segment(title)) n++;
    return n;
  });
  // The lexicon alone (the learned model switched off): what the model costs.
  const lexiconOnly = createMatcher(DEFAULT_CATALOG, [], { ...DEFAULT_TUNING, modelWeight: 0, formalModelWeight: 0 });
  const lexiconMs = timeRuns(() => {
    let n = 0;
    for (const title of titles) n += lexiconOnly({ title }).confidence > 0.5 ? 1 : 0;
    return n;
  });
  const compileMs = timeRuns(() => (createMatcher(DEFAULT_CATALOG, []) ? 1 : 0));

  const perSecond = (ms: number) => Math.round((titles.length / ms) * 1000);
  return [
    {
      name: 'classify throughput',
      value: perSecond(classifyMs),
      unit: 'titles/s',
      baseline: "Intl.Segmenter('zh') word segmentation of the same titles",
      ratio: Math.round((classifyMs / segmentMs) * 1000) / 1000,
      note: `${titles.length} titles, median of ${RUNS} runs; ratio = classify time / segmenter time (lower is better)`,
    },
    { name: 'Intl.Segmenter throughput', value: perSecond(segmentMs), unit: 'titles/s', note: 'baseline only' },
    {
      name: 'classify throughput, lexicon only',
      value: perSecond(lexiconMs),
      unit: 'titles/s',
      baseline: 'the full classifier (lexicon + learned model) above',
      ratio: Math.round((classifyMs / lexiconMs) * 1000) / 1000,
      note: 'ratio = full time / lexicon-only time: what the learned model costs',
    },
    { name: 'matcher compile', value: Math.round(compileMs * 100) / 100, unit: 'ms', note: 'createMatcher(DEFAULT_CATALOG, [])' },
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  benchClassify().then((rows) => console.table(rows));
}
