/** One row of `npm run bench`'s table and of bench-results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** What the value is compared against, e.g. "Intl.Segmenter('zh')". */
  baseline?: string;
  /** value's cost relative to the baseline (documented per result; lower is better unless noted). */
  ratio?: number;
  note?: string;
}
