import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR } from '#lib/holidays.ts';
import { missingScreenYears, screenCalendar } from '#lib/kiosk/calendar.ts';
import { activeSlides, activeTakeovers, closedDay, closedText, clockText, dateText, dayNote, isActive, localTime, screenDay, type LocalTime } from '#lib/kiosk/schedule.ts';

const SH = 'Asia/Shanghai';
/** A moment given in China time. */
const at = (iso: string): LocalTime => localTime(new Date(`${iso}+08:00`), SH);

describe('localTime', () => {
  it('reads the moment in the organisation’s time zone, not the screen’s', () => {
    // 2026-11-21 16:30 UTC is already Sunday 22 November, 00:30, in Shanghai.
    expect(localTime(new Date('2026-11-21T16:30:00Z'), SH)).toEqual({ date: '2026-11-22', weekday: 7, minutes: 30 });
    expect(localTime(new Date('2026-11-21T16:30:00Z'), 'Europe/London')).toEqual({ date: '2026-11-21', weekday: 6, minutes: 16 * 60 + 30 });
  });

  it('formats the clock and the date for the screen', () => {
    expect(clockText(at('2026-11-23T09:05:00'))).toBe('09:05');
    expect(dateText(at('2026-11-23T09:05:00'))).toBe('2026年11月23日 星期一');
  });
});

describe('isActive', () => {
  it('is always on without a rule', () => {
    expect(isActive(undefined, at('2026-11-22T03:00:00'))).toBe(true);
  });

  it.each([
    ['2026-11-23T08:00:00', true, 'at the start of a window'],
    ['2026-11-23T11:59:00', true, 'just before its end'],
    ['2026-11-23T12:00:00', false, 'at its end, which is exclusive'],
    ['2026-11-23T14:30:00', true, 'in the second window'],
    ['2026-11-22T09:00:00', false, 'on a Sunday'],
  ])('weekday office hours: %s is %s (%s)', (iso, expected) => {
    expect(isActive({ days: '周一至周五', times: ['08:00-12:00', '14:00-17:30'] }, at(iso))).toBe(expected);
  });

  it('keeps to a date range, both ends included', () => {
    const rule = { from: '2026-12-01', to: '2026-12-31' };
    expect(isActive(rule, at('2026-11-30T23:59:00'))).toBe(false);
    expect(isActive(rule, at('2026-12-01T00:00:00'))).toBe(true);
    expect(isActive(rule, at('2026-12-31T23:59:00'))).toBe(true);
    expect(isActive(rule, at('2027-01-01T00:00:00'))).toBe(false);
  });

  it('counts a window across midnight as part of the day it starts', () => {
    const friday = { days: '周五', times: ['22:00-06:00'] };
    expect(isActive(friday, at('2026-11-27T23:00:00'))).toBe(true); // Friday night
    expect(isActive(friday, at('2026-11-28T02:00:00'))).toBe(true); // Saturday early morning, Friday's window
    expect(isActive(friday, at('2026-11-28T06:00:00'))).toBe(false);
    expect(isActive(friday, at('2026-11-27T02:00:00'))).toBe(false); // Friday early morning belongs to Thursday
    expect(isActive(friday, at('2026-11-28T23:00:00'))).toBe(false); // Saturday night
  });

  it('ends a date range across midnight by the day the window started', () => {
    const lastNight = { to: '2026-12-31', times: ['22:00-02:00'] };
    expect(isActive(lastNight, at('2027-01-01T01:00:00'))).toBe(true);
    expect(isActive(lastNight, at('2027-01-01T23:00:00'))).toBe(false);
  });
});

describe('activeSlides', () => {
  const slides = [{ id: 'a' }, { id: 'morning', when: { times: ['08:00-12:00'] } }, { id: 'december', when: { from: '2026-12-01', to: '2026-12-31' } }];

  it('keeps the playlist order and leaves out slides outside their time', () => {
    expect(activeSlides(slides, undefined, at('2026-11-23T09:00:00')).map((s) => s.id)).toEqual(['a', 'morning']);
    expect(activeSlides(slides, undefined, at('2026-12-02T15:00:00')).map((s) => s.id)).toEqual(['a', 'december']);
  });

  it('shows nothing outside the screen’s own hours', () => {
    expect(activeSlides(slides, { days: '周一至周五', times: ['07:30-18:00'] }, at('2026-11-23T20:00:00'))).toEqual([]);
  });
});

describe('activeTakeovers', () => {
  const notices = [{ id: 'power', from: '2026-12-30', until: '2026-12-31' }];

  it('takes over from the first day to the end of the last day, then lets go', () => {
    expect(activeTakeovers(notices, at('2026-12-29T23:59:00'))).toEqual([]);
    expect(activeTakeovers(notices, at('2026-12-30T00:00:00')).map((n) => n.id)).toEqual(['power']);
    expect(activeTakeovers(notices, at('2026-12-31T23:59:00')).map((n) => n.id)).toEqual(['power']);
    expect(activeTakeovers(notices, at('2027-01-01T00:00:00'))).toEqual([]);
  });
});

describe('holidays on hall screens', () => {
  // The page carries the shipped 2026 arrangement; 2028 is a year nobody has published yet.
  const calendar = screenCalendar(OFFICIAL_CALENDAR, '2026-09-01');
  const workdays = { days: '工作日', times: ['08:00-18:00'] };
  const daysOff = { days: '节假日' };
  const hallWeek = { days: '周一至周六（节假日除外）' };
  const NATIONAL_DAY_THURSDAY = at('2026-10-01T10:00:00');
  const ADJUSTED_SATURDAY = at('2026-10-10T10:00:00');
  const ORDINARY_SUNDAY = at('2026-11-22T10:00:00');
  const ORDINARY_MONDAY = at('2026-11-23T10:00:00');

  it('carries only the years the screen needs, as the notice gives them', () => {
    expect(calendar.years).toEqual([2026]);
    expect(calendar.holidays.map((h) => h.name)).toContain('国庆节');
    expect(calendar.holidays.every((h) => h.from.startsWith('2026'))).toBe(true);
    expect(missingScreenYears(calendar, '2026-09-01')).toEqual([2027]);
  });

  it('leaves a statutory holiday on a weekday out of 工作日 and counts it a 节假日', () => {
    expect(isActive(workdays, NATIONAL_DAY_THURSDAY, calendar)).toBe(false);
    expect(isActive(daysOff, NATIONAL_DAY_THURSDAY, calendar)).toBe(true);
    expect(isActive(hallWeek, NATIONAL_DAY_THURSDAY, calendar)).toBe(false);
    // A schedule written in weekdays keeps its old meaning: Thursday is Thursday.
    expect(isActive({ days: '周一至周五' }, NATIONAL_DAY_THURSDAY, calendar)).toBe(true);
  });

  it('plays the working-day playlist on a 调休 Saturday', () => {
    expect(isActive(workdays, ADJUSTED_SATURDAY, calendar)).toBe(true);
    expect(isActive(daysOff, ADJUSTED_SATURDAY, calendar)).toBe(false);
    expect(isActive(hallWeek, ADJUSTED_SATURDAY, calendar)).toBe(true);
    // A 调休 Sunday is a working day for a hall open 周一至周六 too (2026-09-20, for 国庆).
    expect(isActive(hallWeek, at('2026-09-20T10:00:00'), calendar)).toBe(true);
    expect(isActive({ days: '周六' }, at('2026-09-20T10:00:00'), calendar)).toBe(false);
  });

  it('treats an ordinary weekend as days off and an ordinary Monday as a working day', () => {
    expect(isActive(workdays, ORDINARY_SUNDAY, calendar)).toBe(false);
    expect(isActive(daysOff, ORDINARY_SUNDAY, calendar)).toBe(true);
    expect(isActive(hallWeek, at('2026-11-21T10:00:00'), calendar)).toBe(true); // an ordinary Saturday
    expect(isActive(workdays, ORDINARY_MONDAY, calendar)).toBe(true);
    expect(isActive(daysOff, ORDINARY_MONDAY, calendar)).toBe(false);
  });

  it('says when a year has no arrangement, and counts that year Monday to Friday', () => {
    // 2028-10-02 is a Monday: with no 2028 notice it is an ordinary working day, not a guessed holiday.
    expect(screenDay('2028-10-02', 1, calendar)).toEqual({ off: false, known: false });
    expect(screenDay('2026-10-02', 5, calendar)).toEqual({ off: true, holiday: '国庆节', known: true });
    expect(isActive(workdays, at('2028-10-02T10:00:00'), calendar)).toBe(true);
    expect(isActive(workdays, at('2028-10-07T10:00:00'), calendar)).toBe(false); // a Saturday
    // A page without any calendar (built before screens carried one) reads 工作日 the same way.
    expect(isActive(workdays, ORDINARY_MONDAY)).toBe(true);
    expect(isActive(workdays, NATIONAL_DAY_THURSDAY)).toBe(true);
  });

  it('reads a window across midnight by the calendar of the day it started', () => {
    const nights = { days: '工作日', times: ['22:00-02:00'] };
    // 2026-09-30 (Wednesday) is a working day; its night runs into 国庆's first morning.
    expect(isActive(nights, at('2026-10-01T01:00:00'), calendar)).toBe(true);
    expect(isActive(nights, at('2026-10-02T01:00:00'), calendar)).toBe(false);
  });

  it('gives a slide for 节假日 its turn only on days off', () => {
    const slides = [{ id: 'board' }, { id: 'holiday-clinic', when: daysOff }];
    expect(activeSlides(slides, undefined, NATIONAL_DAY_THURSDAY, calendar).map((s) => s.id)).toEqual(['board', 'holiday-clinic']);
    expect(activeSlides(slides, undefined, ADJUSTED_SATURDAY, calendar).map((s) => s.id)).toEqual(['board']);
  });
});

describe('closedDay and the 今日休息 line', () => {
  const calendar = screenCalendar(OFFICIAL_CALENDAR, '2026-09-01');
  const strings = { closed: '今日休息', closedFor: '今日（{holiday}）休息', reopens: '，{date}（{weekday}）恢复办公', adjusted: '调休上班日' };
  const workdays = { days: '工作日', times: ['08:00-18:00'] };

  it('names the holiday and the day the hall opens again, from the calendar alone', () => {
    const closed = closedDay(workdays, at('2026-10-01T10:00:00'), calendar);
    expect(closed?.holiday).toBe('国庆节');
    expect(closed?.reopens?.date).toBe('2026-10-08');
    expect(closedText(closed ?? {}, strings)).toBe('今日（国庆节假期）休息，10月8日（周四）恢复办公');
  });

  it('counts a 调休 weekend day as the day the hall opens again', () => {
    // 元旦 2026 is Thursday 1 to Saturday 3 January; Sunday 4 January is worked in exchange.
    const closed = closedDay(workdays, at('2026-01-02T09:00:00'), calendar);
    expect(closedText(closed ?? {}, strings)).toBe('今日（元旦假期）休息，1月4日（周日）恢复办公');
  });

  it('says only 今日休息 on an ordinary weekend, with the Monday it opens', () => {
    const closed = closedDay(workdays, at('2026-11-22T10:00:00'), calendar);
    expect(closed?.holiday).toBeUndefined();
    expect(closedText(closed ?? {}, strings)).toBe('今日休息，11月23日（周一）恢复办公');
  });

  it('is no day off on a working day, even outside the hours, nor for a screen without days or past its last date', () => {
    expect(closedDay(workdays, at('2026-11-23T20:00:00'), calendar)).toBeUndefined();
    expect(closedDay(workdays, at('2026-10-10T10:00:00'), calendar)).toBeUndefined();
    expect(closedDay({ times: ['08:00-18:00'] }, at('2026-10-01T10:00:00'), calendar)).toBeUndefined();
    expect(closedDay({ days: '工作日', to: '2026-09-30' }, at('2026-10-01T10:00:00'), calendar)).toBeUndefined();
  });

  it('gives no reopening day when the schedule ends before one', () => {
    const closed = closedDay({ days: '工作日', to: '2026-10-05' }, at('2026-10-03T10:00:00'), calendar);
    expect(closedText(closed ?? {}, strings)).toBe('今日（国庆节假期）休息');
  });

  it('adds the holiday or 调休上班日 to the date line, and nothing on an ordinary day', () => {
    expect(dayNote(at('2026-10-01T10:00:00'), calendar, strings)).toBe('国庆节假期');
    expect(dayNote(at('2026-10-10T10:00:00'), calendar, strings)).toBe('调休上班日');
    expect(dayNote(at('2026-11-22T10:00:00'), calendar, strings)).toBe('');
  });
});
