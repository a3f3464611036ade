import type { Period } from '../model';
import { dayOf } from '../store/counters';

/** The [from, to] range in epoch ms of a reporting period that contains `now` (local time). */
export function periodRange(period: Period, now = new Date()): { from?: number; to?: number } {
  if (period === 'all') return {};
  const y = now.getFullYear();
  const m = now.getMonth();
  let start: Date;
  if (period === 'year') start = new Date(y, 0, 1);
  else if (period === 'quarter') start = new Date(y, m - (m % 3), 1);
  else if (period === 'month') start = new Date(y, m, 1);
  else {
    // Weeks start on Monday, as in Chinese offices.
    const day = (now.getDay() + 6) % 7;
    start = new Date(y, m, now.getDate() - day);
  }
  return { from: start.getTime(), to: now.getTime() };
}

/** The same period as whole local days (yyyymmdd), for the per-day progress counters. */
export function periodDays(period: Period, now = new Date()): { fromDay?: number; toDay?: number } {
  const { from, to } = periodRange(period, now);
  return from === undefined || to === undefined ? {} : { fromDay: dayOf(from), toDay: dayOf(to) };
}
