import { describe, expect, it } from 'vitest';
import { daysBetween, formatDate, latest, readClock, todayIn } from '#lib/dates.ts';

describe('todayIn', () => {
  it('gives the date in the requested time zone, not in UTC', () => {
    const now = new Date('2026-11-21T16:30:00Z');
    expect(todayIn('Asia/Shanghai', now)).toBe('2026-11-22');
    expect(todayIn('UTC', now)).toBe('2026-11-21');
  });

  it.each([
    ['2026-11-21T15:59:59Z', '2026-11-21'],
    ['2026-11-21T16:00:00Z', '2026-11-22'],
  ])('changes the Shanghai date exactly at local midnight (%s is %s)', (instant, expected) => {
    expect(todayIn('Asia/Shanghai', new Date(instant))).toBe(expected);
  });

  it('writes the date as YYYY-MM-DD with zero-padded month and day', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-01-04T02:00:00Z'))).toBe('2026-01-04');
  });

  it('uses the current time when no clock is given', () => {
    expect(todayIn('UTC')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('readClock', () => {
  it('takes a date as that very day, whatever the time zone', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'UTC']) {
      expect(readClock('2026-11-22', zone)?.today, zone).toBe('2026-11-22');
    }
  });

  it.each([
    ['2026-11-22T08:30:00+08:00', 'Asia/Shanghai', '2026-11-22', '2026-11-22T00:30:00.000Z'],
    ['2026-11-21T16:30:00Z', 'Asia/Shanghai', '2026-11-22', '2026-11-21T16:30:00.000Z'],
    ['2026-11-21T16:30:00Z', 'UTC', '2026-11-21', '2026-11-21T16:30:00.000Z'],
  ])('reads the timestamp %s in %s as the day %s', (setting, zone, today, instant) => {
    const clock = readClock(setting, zone);
    expect(clock?.today).toBe(today);
    expect(clock?.instant.toISOString()).toBe(instant);
  });

  it('uses the given current time when there is no setting', () => {
    const now = new Date('2026-11-21T16:30:00Z');
    expect(readClock(undefined, 'Asia/Shanghai', now)).toEqual({ today: '2026-11-22', instant: now });
  });

  it.each(['', 'tomorrow', '2026-13-01', '2026-11-32', '2026-02-30', '2026-02-30T10:00:00Z', '22/11/2026', '2026-11-22 extra', 'Nov 22 2026'])(
    'refuses the unreadable setting %j',
    (setting) => {
      expect(readClock(setting, 'Asia/Shanghai')).toBeUndefined();
    },
  );
});

describe('formatDate', () => {
  it.each([
    ['2026-11-22', '2026年11月22日'],
    ['2026-01-05', '2026年1月5日'],
    ['2026-10-01', '2026年10月1日'],
  ])('writes %s as %s without leading zeros', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-22', '2026-11-22', 0],
    ['2026-11-22', '2026-11-23', 1],
    ['2026-11-22', '2026-11-20', -2],
    ['2026-11-25', '2026-12-05', 10],
    ['2026-12-31', '2027-01-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-02-28', '2026-03-01', 1],
    ['2026-01-01', '2027-01-01', 365],
  ])('counts from %s to %s as %i days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('latest', () => {
  it('returns the latest date', () => {
    expect(latest(['2026-03-01', '2026-11-22', '2025-12-31'])).toBe('2026-11-22');
  });

  it('ignores missing dates', () => {
    expect(latest([undefined, '2026-01-02', undefined, '2025-12-31'])).toBe('2026-01-02');
  });

  it.each([[[]], [[undefined]], [[undefined, undefined]]])('returns undefined when there is no date in %j', (dates) => {
    expect(latest(dates)).toBeUndefined();
  });
});
