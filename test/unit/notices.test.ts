import { describe, expect, it } from 'vitest';
import { daysLeft, issueLabel, noticeState, type NoticeState } from '#lib/notices.ts';

const period = { start: '2026-11-20', end: '2026-11-26' };

describe('noticeState', () => {
  describe('for a publicity notice with a period', () => {
    it.each<[string, string, NoticeState]>([
      ['the day before the period starts', '2026-11-19', 'scheduled'],
      ['the first day of the period', '2026-11-20', 'open'],
      ['a day inside the period', '2026-11-23', 'open'],
      ['the last day of the period', '2026-11-26', 'open'],
      ['the day after the period ends', '2026-11-27', 'ended'],
      ['a year after the period ends', '2027-11-27', 'ended'],
    ])('judges it on %s (%s) as %s', (_when, today, expected) => {
      expect(noticeState('2026-11-18', period, today)).toBe(expected);
    });

    it('counts a one-day period as open on that day only', () => {
      const oneDay = { start: '2026-11-22', end: '2026-11-22' };
      expect(noticeState('2026-11-22', oneDay, '2026-11-21')).toBe('scheduled');
      expect(noticeState('2026-11-22', oneDay, '2026-11-22')).toBe('open');
      expect(noticeState('2026-11-22', oneDay, '2026-11-23')).toBe('ended');
    });

    it('judges by the period, not by the publication date', () => {
      expect(noticeState('2026-11-01', period, '2026-11-10')).toBe('scheduled');
      expect(noticeState('2026-12-01', period, '2026-11-22')).toBe('open');
    });
  });

  describe('for a plain notice without a period', () => {
    it.each<[string, string, NoticeState]>([
      ['dated tomorrow', '2026-11-23', 'scheduled'],
      ['dated next year', '2027-01-01', 'scheduled'],
      ['dated today', '2026-11-22', 'published'],
      ['dated in the past', '2025-06-30', 'published'],
    ])('judges one %s as %s', (_when, date, expected) => {
      expect(noticeState(date, undefined, '2026-11-22')).toBe(expected);
    });
  });
});

describe('daysLeft', () => {
  it.each([
    ['the first day', '2026-11-20', 7],
    ['the day before the last', '2026-11-25', 2],
    ['the last day', '2026-11-26', 1],
  ])('counts today and the last day, so on %s (%s) %i days are left', (_when, today, expected) => {
    expect(daysLeft(period, today)).toBe(expected);
  });

  it('counts across a month end', () => {
    expect(daysLeft({ start: '2026-11-25', end: '2026-12-04' }, '2026-11-30')).toBe(5);
  });
});

describe('issueLabel', () => {
  it('labels an issue with its total issue number', () => {
    expect(issueLabel(6, 26)).toBe('第6期（总第26期）');
  });

  it('labels an issue without a total issue number', () => {
    expect(issueLabel(6)).toBe('第6期');
  });
});
