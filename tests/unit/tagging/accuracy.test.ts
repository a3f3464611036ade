import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { accuracyOf, readLabelled, type SetAccuracy } from '../../../scripts/bench/accuracy';

const root = resolve(__dirname, '../../..');

function report(set: SetAccuracy): void {
  const pct = (x: number) => (x * 100).toFixed(1) + '%';
  console.log(`${set.name}: all ${pct(set.all.accuracy)} tune ${pct(set.tune.accuracy)} held-out ${pct(set.heldOut.accuracy)}`);
  for (const m of set.misses) console.log(`  miss L${m.line}: ${m.title}  expected ${m.expected}, got ${m.got}`);
}

describe('accuracy on labelled titles', () => {
  it('shared sample-titles.tsv ≥ 95%', () => {
    const set = accuracyOf('sample-titles', readLabelled(resolve(root, 'tests/data/sample-titles.tsv')));
    report(set);
    expect(set.all.total).toBeGreaterThanOrEqual(60);
    expect(set.all.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('OA-style set ≥ 93% overall and on the held-out split', () => {
    const set = accuracyOf('labelled-oa', readLabelled(resolve(root, 'tests/data/labelled-oa.tsv')));
    report(set);
    expect(set.all.total).toBeGreaterThanOrEqual(600);
    expect(set.all.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(set.heldOut.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('government-document set ≥ 85% overall and on the held-out split', () => {
    const set = accuracyOf('labelled-gov', readLabelled(resolve(root, 'tests/data/labelled-gov.tsv')));
    report(set);
    expect(set.all.total).toBeGreaterThanOrEqual(400);
    expect(set.all.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(set.heldOut.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('labelled files use only known category ids', () => {
    const ids = new Set(['meeting', 'supervision', 'petition', 'project', 'finance', 'personnel', 'emergency', 'research',
      'training', 'enforcement', 'service', 'publicity', 'economy', 'livelihood', 'party', 'admin']);
    for (const path of ['tests/data/labelled-oa.tsv', 'tests/data/labelled-gov.tsv']) {
      for (const row of readLabelled(resolve(root, path))) {
        expect(row.ids.length, `${path}:${row.line}`).toBeGreaterThan(0);
        for (const id of row.ids) expect(ids.has(id), `${path}:${row.line} ${id}`).toBe(true);
      }
    }
  });
});
