import { describe, expect, it } from 'vitest';
import { activeSlides, activeTakeovers, clockText, dateText, isActive, localTime, type LocalTime } from '#lib/kiosk/schedule.ts';

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
