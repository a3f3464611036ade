// Accuracy on REAL published government titles (tests/data/real-gov-titles.tsv): titles copied
// from public sources (see real-gov-titles.SOURCES.md) and labelled per taxonomy.md before the
// engine was run on them. Independent of the lexicon author's own labelled sets.
//
// Split: odd file lines are the "tune" half (its misses guided lexicon changes), even lines the
// "holdout" half (never used for tuning). Measured when the file was added:
//   before any tuning   all 77.7%  tune 77.3%  holdout 78.2%
//   after tuning        all 88.6%  tune 93.4%  holdout 83.9%
//   with the learned model (issue 10)  holdout 82.9% (the model, chosen out of fold on training
//                                       sources only, costs this set 3 points while lifting
//                                       citizen messages from 36% to 92%; see README)
// Thresholds sit a little below the measured values: they catch regressions, not noise
// (classification is deterministic).
import { expectWellFormed } from './labelled-set';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { accuracyOf, readLabelled, type LabelledTitle } from '../../../scripts/bench/accuracy';
import { normalizeTitle } from '../../../utils/tagging/normalize-title';

const root = resolve(__dirname, '../../..');
const FILE = 'tests/data/real-gov-titles.tsv';

const ALL_MIN = 0.87;
const HOLDOUT_MIN = 0.81;

function load(): LabelledTitle[] {
  return readLabelled(resolve(root, FILE));
}

function pct(x: number): string {
  return (x * 100).toFixed(1) + '%';
}

describe('real published government titles', () => {
  it('file is well formed: ≥ 400 titles, known category ids, no duplicates', () => {
    expectWellFormed(load(), 400);
  });

  it(`whole file ≥ ${pct(ALL_MIN)} and holdout (even lines) ≥ ${pct(HOLDOUT_MIN)}`, () => {
    const rows = load();
    const all = accuracyOf('real-gov (all)', rows);
    const holdout = accuracyOf('real-gov (holdout)', rows.filter((r) => r.line % 2 === 0));
    const tune = accuracyOf('real-gov (tune)', rows.filter((r) => r.line % 2 === 1));
    console.log(
      `real-gov-titles: all ${pct(all.all.accuracy)} (${all.all.correct}/${all.all.total})` +
        `  tune ${pct(tune.all.accuracy)}  holdout ${pct(holdout.all.accuracy)} (${holdout.all.correct}/${holdout.all.total})`,
    );
    for (const m of holdout.misses) console.log(`  holdout miss L${m.line}: ${m.title}  expected ${m.expected}, got ${m.got}`);
    expect(all.all.accuracy).toBeGreaterThanOrEqual(ALL_MIN);
    expect(holdout.all.accuracy).toBeGreaterThanOrEqual(HOLDOUT_MIN);
  });
});

describe('normalisation of published title shapes', () => {
  it.each([
    // A 《…》 that contains quotes is taken whole, not cut at the first ”.
    ['关于印发《生态保护“十五五”规划》的通知', '生态保护“十五五”规划'],
    // A quoted word inside the subject is not mistaken for the whole inner title.
    ['关于转发“安全生产月”活动方案的通知', '“安全生产月”活动方案'],
    // Long lists of co-issuing organs before 关于 are dropped like a single organ.
    [
      '自然资源部 生态环境部 财政部 国家市场监督管理总局 国家金融监督管理总局 中国证券监督管理委员会 国家林业和草原局关于进一步加强绿色矿山建设的通知',
      '进一步加强绿色矿山建设',
    ],
    // Gazette listings: the order number before the subject is dropped.
    ['中华人民共和国商务部令（2022年第1号） 商务部行政处罚实施办法', '商务部行政处罚实施办法'],
    ['中国人民银行令（〔2020〕第4号） 金融控股公司监督管理试行办法', '金融控股公司监督管理试行办法'],
  ])('%s → %s', (raw, core) => {
    expect(normalizeTitle(raw).core).toBe(core);
  });
});
