import { describe, expect, it } from 'vitest';
import { nextPlace, nightlyReloadDue, playable, takeoverChanged, type PlaylistSlide } from '#lib/kiosk/playlist.ts';
import { localTime, type LocalTime } from '#lib/kiosk/schedule.ts';

/** A moment given in China time. */
const at = (iso: string): LocalTime => localTime(new Date(`${iso}+08:00`), 'Asia/Shanghai');

interface TestSlide extends PlaylistSlide {
  id: string;
}
const slide = (id: string, more: Partial<TestSlide> = {}): TestSlide => ({ id, rest: false, ...more });

const board = slide('board');
const noon = slide('noon', { when: { times: ['12:00-14:00'] } });
const staff = slide('staff');
const urgent = slide('urgent', { from: '2026-11-24', until: '2026-11-25' });
const rest = slide('rest', { rest: true });
const all = [board, noon, staff, urgent, rest];
const MONDAY_10 = at('2026-11-23T10:00:00');

describe('what a screen may play', () => {
  it('plays the slides scheduled now, in playlist order, and neither urgent notices nor the resting slide', () => {
    expect(playable(all, undefined, MONDAY_10)).toEqual([board, staff]);
    expect(playable(all, undefined, at('2026-11-23T12:30:00'))).toEqual([board, noon, staff]);
  });

  it('gives the screen to urgent notices from their first day to their last, inclusive', () => {
    expect(playable(all, undefined, at('2026-11-24T00:00:00'))).toEqual([urgent]);
    expect(playable(all, undefined, at('2026-11-25T23:59:00'))).toEqual([urgent]);
    expect(playable(all, undefined, at('2026-11-26T00:00:00'))).toEqual([board, staff]);
  });

  it("shows the resting slide outside the screen's own hours, and when nothing is scheduled", () => {
    const officeHours = { times: ['08:00-17:00'] };
    expect(playable(all, officeHours, at('2026-11-23T20:00:00'))).toEqual([rest]);
    expect(playable([noon, rest], undefined, MONDAY_10)).toEqual([rest]);
  });

  it('returns the slides it was given, not copies, so that the player knows the one showing', () => {
    expect(playable(all, undefined, MONDAY_10)[0]).toBe(board);
  });
});

describe('the next slide', () => {
  const list = ['a', 'b', 'c'];

  it('steps forward and back through the list, round at either end', () => {
    expect(nextPlace(list, 'a', 0)).toBe(1);
    expect(nextPlace(list, 'c', 2)).toBe(0);
    expect(nextPlace(list, 'a', 0, -1)).toBe(2);
    expect(nextPlace(list, 'b', 1, -1)).toBe(0);
  });

  it('goes on from the place the last slide had when that slide may no longer play', () => {
    // 'x' showed at place 1 of an earlier list (its hour is over): the next is place 2 of this one.
    expect(nextPlace(list, 'x', 1)).toBe(2);
    expect(nextPlace(list, 'x', 2)).toBe(0);
    expect(nextPlace(list, undefined, -1)).toBe(0);
  });

  it('steps back to the last slide when the one showing may no longer play', () => {
    expect(nextPlace(list, 'x', 0, -1)).toBe(2);
  });

  it('has no next slide when nothing may play', () => {
    const none: string[] = [];
    expect(none[nextPlace(none, 'a', 0)]).toBeUndefined();
    expect(none[nextPlace(none, 'a', 0, -1)]).toBeUndefined();
  });
});

describe('switching at once for an urgent notice', () => {
  it('switches when an urgent notice begins while a slide shows', () => {
    expect(takeoverChanged([urgent], board)).toBe(true);
  });

  it('switches when the urgent notice showing has ended', () => {
    expect(takeoverChanged([board, staff], urgent)).toBe(true);
  });

  it('waits for the end of a slide whose hour is over: only notices interrupt', () => {
    expect(takeoverChanged([board, staff], noon)).toBe(false);
    expect(takeoverChanged([board, staff], board)).toBe(false);
    expect(takeoverChanged([urgent], urgent)).toBe(false);
  });
});

describe('the nightly fresh start', () => {
  it('is due once a night between 03:00 and 03:10, once the screen has played', () => {
    expect(nightlyReloadDue(at('2026-11-24T03:00:00'), '', 5)).toBe(true);
    expect(nightlyReloadDue(at('2026-11-24T03:09:00'), '2026-11-23', 5)).toBe(true);
    expect(nightlyReloadDue(at('2026-11-24T02:59:00'), '', 5)).toBe(false);
    expect(nightlyReloadDue(at('2026-11-24T03:10:00'), '', 5)).toBe(false);
  });

  it('is not due again the same night', () => {
    expect(nightlyReloadDue(at('2026-11-24T03:05:00'), '2026-11-24', 5)).toBe(false);
  });

  it('is not due on a page that has only just loaded, which may be that very reload', () => {
    expect(nightlyReloadDue(at('2026-11-24T03:05:00'), '', 1)).toBe(false);
  });
});
