import type { Period } from '../model';

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
