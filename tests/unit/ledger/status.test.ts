// Ledger state and reminders, in Shanghai calendar days.
import { describe, expect, it } from 'vitest';
import { chinaDay, dateDay, taskStatus, taskWarnings } from '../../../utils/ledger/status';
import { normalizeDate } from '../../../utils/ledger/detail';
import { done, phases, tag } from './fixtures';

/** 2026-06-10 09:00 in Shanghai. */
const NOW = Date.UTC(2026, 5, 10, 1, 0);

describe('status and warnings', () => {
  it('counts days in Asia/Shanghai: 23:30 UTC is already the next day there', () => {
    expect(chinaDay(Date.UTC(2026, 5, 9, 15, 59))).toBe(dateDay('2026-06-09'));
    expect(chinaDay(Date.UTC(2026, 5, 9, 16, 0))).toBe(dateDay('2026-06-10'));
    expect(dateDay('2026-02-30')).toBeNull();
    expect(dateDay('下周五')).toBeNull();
  });

  it('normalises OA dates', () => {
    expect(normalizeDate('2026/7/1 17:00')).toBe('2026-07-01');
    expect(normalizeDate('2026年7月1日')).toBe('2026-07-01');
    expect(normalizeDate('尽快')).toBe('尽快');
  });

  it('未启动, 推进中, 已完成 and 逾期', () => {
    const none = tag('a', { taggedAt: NOW });
    const some = tag('b', { phases: phases({ plan: done(NOW) }), taggedAt: NOW });
    const all = tag('c', { phases: phases({ plan: done(NOW), deploy: done(NOW), implement: done(NOW), inspect: done(NOW) }) });
    expect(taskStatus(none, '', NOW)).toBe('not-started');
    expect(taskStatus(some, '2026-06-10', NOW)).toBe('in-progress'); // due today: not yet late
    expect(taskStatus(some, '2026-06-09', NOW)).toBe('overdue');
    expect(taskStatus(all, '2026-01-01', NOW)).toBe('done');
  });

  it('red when past, yellow within 3 days, yellow when tagged over 14 days ago with no phase', () => {
    const some = tag('b', { phases: phases({ plan: done(NOW) }), taggedAt: NOW });
    expect(taskWarnings(some, '2026-06-08', NOW)).toEqual([{ kind: 'overdue', level: 'red', daysLate: 2, missing: ['deploy', 'implement', 'inspect'] }]);
    expect(taskWarnings(some, '2026-06-13', NOW)).toEqual([{ kind: 'due-soon', level: 'yellow', daysLeft: 3, missing: ['deploy', 'implement', 'inspect'] }]);
    expect(taskWarnings(some, '2026-06-14', NOW)).toEqual([]);
    const stale = tag('s', { taggedAt: NOW - 15 * 86_400_000 });
    expect(taskWarnings(stale, '', NOW)).toEqual([{ kind: 'stale', level: 'yellow', daysSinceTagged: 15 }]);
    expect(taskWarnings(tag('s', { taggedAt: NOW - 14 * 86_400_000 }), '', NOW)).toEqual([]);
    const all = tag('c', { phases: phases({ plan: done(NOW), deploy: done(NOW), implement: done(NOW), inspect: done(NOW) }) });
    expect(taskWarnings(all, '2026-01-01', NOW)).toEqual([]);
  });
});
