import { describe, expect, it } from 'vitest';
import { MAX_PAGES, pageOffsets } from '../../src/lib/kiosk/pages.ts';

describe('breaking a long slide into screens', () => {
  it('shows a slide that fits as one screen, even with a pixel of rounding over', () => {
    expect(pageOffsets(800, 800, [])).toEqual([0]);
    expect(pageOffsets(800.6, 800, [])).toEqual([0]);
    expect(pageOffsets(300, 800, [{ top: 0, bottom: 300 }])).toEqual([0]);
  });

  it('moves a screen at a time when nothing needs keeping together', () => {
    expect(pageOffsets(2000, 800, [])).toEqual([0, 800, 1600]);
  });

  it('starts the next screen before a block that would be cut in two', () => {
    const cards = [0, 1, 2, 3, 4].map((i) => ({ top: i * 300, bottom: i * 300 + 280 }));
    // Cards at 0, 300, 600 (ends 880 > 800): the third card moves to screen two.
    expect(pageOffsets(1480, 800, cards)).toEqual([0, 600, 1200]);
  });

  it('cuts a block taller than the screen, since it can never be shown whole', () => {
    expect(pageOffsets(2000, 800, [{ top: 0, bottom: 2000 }])).toEqual([0, 800, 1600]);
    expect(pageOffsets(2000, 800, [{ top: 100, bottom: 1950 }])).toEqual([0, 100, 900, 1700]);
  });

  it('keeps the outer block when blocks nest', () => {
    const blocks = [
      { top: 500, bottom: 1000 },
      { top: 700, bottom: 900 },
    ];
    expect(pageOffsets(1200, 800, blocks)).toEqual([0, 500]);
  });

  it('stops at a limit on runaway content rather than paging forever', () => {
    expect(pageOffsets(1e9, 100, [])).toHaveLength(MAX_PAGES);
    expect(pageOffsets(1000, 0, [])).toEqual([0]);
  });
});
