import { describe, expect, it } from 'vitest';
import { MONDAY_TO_FRIDAY, OFFICIAL_CALENDAR, makeCalendar } from '#lib/holidays.ts';
import { addWorkdays, isWorkday, weekday, workdaysBetween } from '#lib/workdays.ts';

const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('working days without holidays (Monday to Friday)', () => {
  const mf = MONDAY_TO_FRIDAY;
  it('knows the day of the week', () => {
    expect(weekday('2026-11-22')).toBe(0); // a Sunday
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2026-11-28')).toBe(6);
    expect(weekday('1969-12-31')).toBe(3);
    expect(isWorkday('2026-11-20', mf)).toBe(true);
    expect(isWorkday('2026-11-21', mf)).toBe(false);
  });

  it('counts the working days after a date up to and including another', () => {
    expect(workdaysBetween('2026-11-20', '2026-11-23', mf)).toBe(1); // Friday → Monday
    expect(workdaysBetween('2026-11-16', '2026-11-20', mf)).toBe(4); // Monday → Friday
    expect(workdaysBetween('2026-11-16', '2026-11-22', mf)).toBe(4); // Monday → Sunday
    expect(workdaysBetween('2026-11-21', '2026-11-22', mf)).toBe(0); // a weekend
    expect(workdaysBetween('2026-11-01', '2026-11-22', mf)).toBe(15);
    expect(workdaysBetween('2026-10-01', '2026-11-22', mf)).toBe(36);
    expect(workdaysBetween('2025-12-31', '2026-12-31', mf)).toBe(261);
  });

  it('counts nothing backwards or on the same day', () => {
    expect(workdaysBetween('2026-11-22', '2026-11-22', mf)).toBe(0);
    expect(workdaysBetween('2026-11-23', '2026-11-20', mf)).toBe(0);
  });

  it('adds working days, skipping weekends, as the inverse of counting', () => {
    expect(addWorkdays('2026-11-20', 1, mf)).toBe('2026-11-23');
    expect(addWorkdays('2026-11-20', 0, mf)).toBe('2026-11-20');
    expect(addWorkdays('2026-11-02', 20, mf)).toBe('2026-11-30');
    for (let n = 0; n < 60; n++) expect(workdaysBetween('2026-11-18', addWorkdays('2026-11-18', n, mf), mf)).toBe(n);
  });
});

describe('working days with the official holidays and 调休', () => {
  it('takes a weekday of 国庆 as a day off and the Saturday worked in exchange as a working day', () => {
    expect(isWorkday('2026-10-01')).toBe(false);
    expect(isWorkday('2026-10-07')).toBe(false); // Wednesday, last day of 国庆
    expect(isWorkday('2026-10-08')).toBe(true); // Thursday, back at work
    expect(isWorkday('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkday('2026-10-11')).toBe(false); // an ordinary Sunday
    expect(isWorkday('2026-09-20')).toBe(true); // Sunday, 调休上班 for 国庆
    expect(isWorkday('2026-02-14')).toBe(true); // Saturday before 春节
    expect(isWorkday('2026-02-23')).toBe(false); // Monday, last day of 春节
  });

  it('counts 2026-09-30 to 2026-10-12 as four working days: 10月8日, 9日, 10日 (Saturday) and 12日', () => {
    expect(workdaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    // Monday to Friday alone, the same span is eight (10月1日, 2日, 5日–9日, 12日).
    expect(workdaysBetween('2026-09-30', '2026-10-12', MONDAY_TO_FRIDAY)).toBe(8);
  });

  it('counts a whole year of 2026 as the notice makes it: 261 weekdays, less 19 off, plus 6 weekend days worked', () => {
    expect(workdaysBetween('2025-12-31', '2026-12-31')).toBe(261 - 19 + 6);
  });

  it('agrees with counting day by day over 2025 and 2026, holidays and 调休 included', () => {
    const from = '2024-12-31';
    let count = 0;
    let day = from;
    for (let i = 0; i < 731; i++) {
      day = next(day);
      if (isWorkday(day)) count += 1;
      expect(workdaysBetween(from, day), day).toBe(count);
    }
  });

  it('adds working days past a holiday, as the inverse of counting', () => {
    expect(addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
    for (let n = 0; n < 60; n++) expect(workdaysBetween('2026-09-15', addWorkdays('2026-09-15', n))).toBe(n);
  });

  it('counts a year the calendar does not know Monday to Friday', () => {
    expect(OFFICIAL_CALENDAR.years.has(2027)).toBe(false);
    expect(isWorkday('2027-10-01')).toBe(true); // a Friday: no arrangement, so no holiday
    expect(workdaysBetween('2027-01-01', '2027-12-31')).toBe(workdaysBetween('2027-01-01', '2027-12-31', MONDAY_TO_FRIDAY));
  });

  it("takes an organisation's year on top of the shipped ones, replacing a shipped year whole", () => {
    const own = makeCalendar(OFFICIAL_CALENDAR.years.values().toArray(), [{ year: 2026, holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-08' }] }]);
    expect(isWorkday('2026-10-08', own)).toBe(false);
    expect(isWorkday('2026-10-10', own)).toBe(false); // the replaced year has no 调休 Saturday
    expect(isWorkday('2026-02-16', own)).toBe(true); // nor a 春节
  });
});
