// Report periods in Asia/Shanghai: months, quarters, halves, the year boundary and custom dates.
import { describe, expect, it } from 'vitest';
import { monthsOf, parseDate, reportRange, shanghaiDate } from '@/utils/report/period';

const at = (iso: string) => Date.parse(iso);

describe('report periods (Asia/Shanghai)', () => {
  it('本月 and 本季度 start at Shanghai midnight, 16:00 UTC the day before', () => {
    const now = at('2026-05-20T03:00:00Z');
    expect(reportRange('month', now)).toMatchObject({ from: at('2026-04-30T16:00:00Z'), to: at('2026-05-31T16:00:00Z'), fromDate: '2026-05-01', toDate: '2026-05-31' });
    expect(reportRange('quarter', now)).toMatchObject({ fromDate: '2026-04-01', toDate: '2026-06-30' });
    expect(reportRange('quarter', at('2026-12-31T15:59:59Z'))).toMatchObject({ fromDate: '2026-10-01', toDate: '2026-12-31' });
  });

  it('上半年 and 下半年 cover January–June and July–December of the current year', () => {
    const now = at('2026-03-01T00:00:00Z');
    expect(reportRange('h1', now)).toMatchObject({ fromDate: '2026-01-01', toDate: '2026-06-30', year: 2026 });
    expect(reportRange('h2', now)).toMatchObject({ fromDate: '2026-07-01', toDate: '2026-12-31', year: 2026 });
    expect(reportRange('h2', now)!.to).toBe(at('2026-12-31T16:00:00Z'));
  });

  it('the year boundary: 16:30 UTC on 31 December is already next year in Shanghai', () => {
    const lateUtc = at('2026-12-31T16:30:00Z');
    expect(reportRange('year', lateUtc)).toMatchObject({ fromDate: '2027-01-01', toDate: '2027-12-31', year: 2027 });
    expect(reportRange('month', lateUtc)).toMatchObject({ fromDate: '2027-01-01' });
    expect(reportRange('quarter', lateUtc)).toMatchObject({ fromDate: '2027-01-01', toDate: '2027-03-31' });
    const earlyUtc = at('2026-12-31T15:59:00Z');
    expect(reportRange('year', earlyUtc)).toMatchObject({ fromDate: '2026-01-01', year: 2026 });
  });

  it('custom ranges include both ends, swap reversed dates and refuse invalid ones', () => {
    const now = at('2026-05-20T03:00:00Z');
    const r = reportRange('custom', now, { from: '2026-02-01', to: '2026-02-28' })!;
    expect(r).toMatchObject({ fromDate: '2026-02-01', toDate: '2026-02-28' });
    expect(r.to - r.from).toBe(28 * 86_400_000);
    expect(reportRange('custom', now, { from: '2026-02-28', to: '2026-02-01' })).toEqual(r);
    expect(reportRange('custom', now, { from: '2026-02-30', to: '2026-03-01' })).toBeNull();
    expect(reportRange('custom', now)).toBeNull();
    expect(parseDate('2026-1-1')).toBeNull();
  });

  it('months of a year tile it without gaps', () => {
    const months = monthsOf(2028); // a leap year
    expect(months).toHaveLength(12);
    for (let i = 1; i < 12; i++) expect(months[i]!.from).toBe(months[i - 1]!.to);
    expect(shanghaiDate(months[1]!.to - 1)).toBe('2028-02-29');
    expect(months[0]!.from).toBe(reportRange('year', at('2028-06-01T00:00:00Z'))!.from);
    expect(months[11]!.to).toBe(reportRange('year', at('2028-06-01T00:00:00Z'))!.to);
  });
});
