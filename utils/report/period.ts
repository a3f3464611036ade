// Reporting periods of the 考评 report, in China's calendar (Asia/Shanghai, UTC+8 all year, no
// daylight saving): 本月, 本季度, 上半年, 下半年, 本年, or custom dates. Ranges are [from, to) in epoch ms.
export const REPORT_PERIODS = ['month', 'quarter', 'h1', 'h2', 'year', 'custom'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

const OFFSET = 8 * 3_600_000;
const DAY = 86_400_000;

export interface ReportRange {
  from: number;
  /** Exclusive. */
  to: number;
  /** The Shanghai year the range starts in (the trend chart's year). */
  year: number;
  /** 2026-01-01 – 2026-03-31, both ends inclusive, for the cover. */
  fromDate: string;
  toDate: string;
}

/** Shanghai wall-clock parts of an instant. */
export function shanghaiParts(ms: number): { year: number; month: number; day: number } {
  const d = new Date(ms + OFFSET);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

/** Midnight in Shanghai of a calendar date (month 0-based; overflow rolls over like Date.UTC). */
export function shanghaiMidnight(year: number, month: number, day = 1): number {
  return Date.UTC(year, month, day) - OFFSET;
}

const pad = (n: number) => String(n).padStart(2, '0');
export function shanghaiDate(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.year}-${pad(p.month + 1)}-${pad(p.day)}`;
}

/** YYYY-MM-DD → Shanghai midnight, or null. */
export function parseDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const ms = shanghaiMidnight(y, mo, d);
  const back = shanghaiParts(ms);
  return back.year === y && back.month === mo && back.day === d ? ms : null;
}

function range(from: number, to: number): ReportRange {
  return { from, to, year: shanghaiParts(from).year, fromDate: shanghaiDate(from), toDate: shanghaiDate(to - 1) };
}

/**
 * The range of a period containing `now`. custom takes two YYYY-MM-DD dates (inclusive; swapped
 * when reversed); an invalid custom date gives null.
 */
export function reportRange(period: ReportPeriod, now: number, custom?: { from: string; to: string }): ReportRange | null {
  const { year, month } = shanghaiParts(now);
  switch (period) {
    case 'month':
      return range(shanghaiMidnight(year, month), shanghaiMidnight(year, month + 1));
    case 'quarter': {
      const q = month - (month % 3);
      return range(shanghaiMidnight(year, q), shanghaiMidnight(year, q + 3));
    }
    case 'h1':
      return range(shanghaiMidnight(year, 0), shanghaiMidnight(year, 6));
    case 'h2':
      return range(shanghaiMidnight(year, 6), shanghaiMidnight(year + 1, 0));
    case 'year':
      return range(shanghaiMidnight(year, 0), shanghaiMidnight(year + 1, 0));
    case 'custom': {
      const a = custom ? parseDate(custom.from) : null;
      const b = custom ? parseDate(custom.to) : null;
      if (a === null || b === null) return null;
      return range(Math.min(a, b), Math.max(a, b) + DAY);
    }
  }
}

/** The twelve months of a Shanghai year, as [from, to) ranges. */
export function monthsOf(year: number): { month: number; from: number; to: number }[] {
  return Array.from({ length: 12 }, (_, m) => ({ month: m + 1, from: shanghaiMidnight(year, m), to: shanghaiMidnight(year, m + 1) }));
}
