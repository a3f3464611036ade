// `npm run bench`: every benchmark, each against a baseline measured in the same run.
import { writeFileSync } from 'node:fs';
import { benchClassify } from './classify-bench';
import { computeAccuracy } from './accuracy';
import { heldOutReport, trainingSourceReport } from '../corpus';
import { benchStore } from './store-bench';
import { benchTagging } from './tagging-bench';
import { benchGrids } from './grids-bench';
import { benchPanel } from './panel-bench';
import { benchPopup } from './popup-bench';
import type { BenchResult } from './types';

const suites: Array<[string, () => Promise<BenchResult[]>]> = [
  ['classification', benchClassify],
  ['accuracy', async () => computeAccuracy().map((set) => ({
    name: `accuracy: ${set.name}`,
    value: Math.round(set.all.accuracy * 1000) / 10,
    unit: '%',
    note: `held-out ${(set.heldOut.accuracy * 100).toFixed(1)}% of ${set.heldOut.total}`,
  }))],
  ['held-out sources', async () => [...heldOutReport(), ...trainingSourceReport()].map((r) => ({
    name: `${r.part === 'training source' ? 'training' : 'held-out'}: ${r.name}`,
    value: Math.round(r.accuracy * 1000) / 10,
    unit: '%',
    note: `${r.kind}, ${r.part}, ${r.total} titles; 待确认 flags ${(r.wrongFlagged * 100).toFixed(0)}% of wrong tags, ${(r.rightFlagged * 100).toFixed(0)}% of right ones`,
  }))],
  ['store', benchStore],
  ['tagging in Chromium', benchTagging],
  ['grid detection in Chromium', benchGrids],
  ['panel in Chromium', benchPanel],
  ['popup in Chromium', benchPopup],
];

const only = process.argv.slice(2);
const all: BenchResult[] = [];
for (const [name, run] of suites) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  process.stderr.write(`bench: ${name}…\n`);
  all.push(...(await run()));
}

const fmt = (n: number | undefined) => (n === undefined ? '' : Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1));
const table = [['benchmark', 'value', 'baseline', 'ratio', 'note'], ...all.map((r) => [r.name, `${fmt(r.value)} ${r.unit}`, r.baseline ?? '', fmt(r.ratio), r.note ?? ''])];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
for (const row of table) console.log(row.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join('  '));
writeFileSync('bench-results.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, results: all }, null, 2) + '\n');
console.log('\nbench: wrote bench-results.json');
