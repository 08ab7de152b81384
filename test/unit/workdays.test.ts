import { describe, expect, it } from 'vitest';
import { addWorkdays, isWorkday, weekday, workdaysBetween } from '#lib/workdays.ts';

describe('working days (Monday to Friday)', () => {
  it('knows the day of the week', () => {
    expect(weekday('2026-11-22')).toBe(0); // a Sunday
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2026-11-28')).toBe(6);
    expect(weekday('1969-12-31')).toBe(3);
    expect(isWorkday('2026-11-20')).toBe(true);
    expect(isWorkday('2026-11-21')).toBe(false);
  });

  it('counts the working days after a date up to and including another', () => {
    expect(workdaysBetween('2026-11-20', '2026-11-23')).toBe(1); // Friday → Monday
    expect(workdaysBetween('2026-11-16', '2026-11-20')).toBe(4); // Monday → Friday
    expect(workdaysBetween('2026-11-16', '2026-11-22')).toBe(4); // Monday → Sunday
    expect(workdaysBetween('2026-11-21', '2026-11-22')).toBe(0); // a weekend
    expect(workdaysBetween('2026-11-01', '2026-11-22')).toBe(15);
    expect(workdaysBetween('2026-10-01', '2026-11-22')).toBe(36);
    expect(workdaysBetween('2025-12-31', '2026-12-31')).toBe(261);
  });

  it('counts nothing backwards or on the same day', () => {
    expect(workdaysBetween('2026-11-22', '2026-11-22')).toBe(0);
    expect(workdaysBetween('2026-11-23', '2026-11-20')).toBe(0);
  });

  it('agrees with counting day by day over two years', () => {
    const from = '2025-01-01';
    let count = 0;
    let day = from;
    for (let i = 0; i < 730; i++) {
      day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (isWorkday(day)) count += 1;
      expect(workdaysBetween(from, day)).toBe(count);
    }
  });

  it('adds working days, skipping weekends, as the inverse of counting', () => {
    expect(addWorkdays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkdays('2026-11-20', 0)).toBe('2026-11-20');
    expect(addWorkdays('2026-11-02', 20)).toBe('2026-11-30');
    for (let n = 0; n < 60; n++) expect(workdaysBetween('2026-11-18', addWorkdays('2026-11-18', n))).toBe(n);
  });
});
