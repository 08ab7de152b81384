import { describe, expect, it } from 'vitest';
import { zhCN } from '#i18n/zh-CN.ts';
import { MAX_PAGES, pageNote, pageOffsets, pageView } from '#lib/kiosk/pages.ts';

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

describe('showing one screen of a long slide', () => {
  // Screens start at 0, 600 and 1200 of a block 1480 px tall with a 40 px top margin.
  const offsets = [0, 600, 1200];

  it('leaves a slide of one screen as it is laid out', () => {
    expect(pageView([0], 0, 40, 500)).toEqual({ transform: '', clipPath: '' });
  });

  it('shows the first screen in place, clipping what belongs to the next one', () => {
    expect(pageView(offsets, 0, 40, 1480)).toEqual({ transform: '', clipPath: 'inset(0px -50vw 880px -50vw)' });
  });

  it("moves a later screen up under the slide's top margin and clips the screens before and after", () => {
    expect(pageView(offsets, 1, 40, 1480)).toEqual({ transform: 'translateY(-560px)', clipPath: 'inset(600px -50vw 280px -50vw)' });
  });

  it('clips nothing below the last screen', () => {
    expect(pageView(offsets, 2, 40, 1480)).toEqual({ transform: 'translateY(-1160px)', clipPath: 'inset(1200px -50vw 0px -50vw)' });
  });
});

describe('the line that counts the screens', () => {
  const strings = { pages: zhCN['kiosk.pages'], continued: zhCN['kiosk.pagesContinued'] };

  it('says nothing for a slide of one screen', () => {
    expect(pageNote(strings, 0, 1, '公安户政窗口 · 单位公示栏')).toBe('');
  });

  it('counts the screens of a long slide from one', () => {
    expect(pageNote(strings, 0, 3, '公安户政窗口 · 单位公示栏')).toBe('第 1 / 3 屏');
  });

  it('names the slide on a later screen, after the count, so that a cut line keeps the count', () => {
    expect(pageNote(strings, 2, 3, '公安户政窗口 · 办事指南：居民身份证补领')).toBe('第 3 / 3 屏 · 公安户政窗口 · 办事指南：居民身份证补领（续）');
  });

  it('takes its words from the strings it is given', () => {
    expect(pageNote({ pages: 'Screen {page} of {count}', continued: ' ({name}, continued)' }, 1, 2, 'Board')).toBe('Screen 2 of 2 (Board, continued)');
  });
});
