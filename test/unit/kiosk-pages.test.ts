import { describe, expect, it } from 'vitest';
import { zhCN } from '#i18n/zh-CN.ts';
import { MAX_PAGES, pageNote, pageView, screenCount } from '#lib/kiosk/pages.ts';

// A screen 1800 px wide whose columns are 60 px apart: screen two starts 1860 px to the right.
describe('counting the screens of a slide laid out in columns', () => {
  it('counts one screen for content that ends within it, even a pixel over from rounding', () => {
    expect(screenCount(0, 1800, 60)).toBe(1);
    expect(screenCount(1800, 1800, 60)).toBe(1);
    expect(screenCount(1800.6, 1800, 60)).toBe(1);
  });

  it('counts a screen more for each screen width and gap the columns reach further', () => {
    expect(screenCount(1870, 1800, 60)).toBe(2);
    expect(screenCount(3660, 1800, 60)).toBe(2);
    expect(screenCount(3730, 1800, 60)).toBe(3);
  });

  it('stops at a limit on runaway content rather than paging forever', () => {
    expect(screenCount(1e9, 100, 10)).toBe(MAX_PAGES);
    expect(screenCount(1000, 0, 10)).toBe(1);
  });
});

describe('showing one screen of a long slide', () => {
  it('leaves a slide of one screen as it is laid out', () => {
    expect(pageView(0, 1, 1800, 60)).toEqual({ transform: '', clipPath: '' });
  });

  it('shows the first screen in place, clipping the next screen halfway across the gap', () => {
    expect(pageView(0, 3, 1800, 60)).toEqual({ transform: '', clipPath: 'inset(-50vh -30px -50vh -30px)' });
  });

  it('moves a later screen left by whole screens and clips the screens before and after it', () => {
    expect(pageView(1, 3, 1800, 60)).toEqual({ transform: 'translateX(-1860px)', clipPath: 'inset(-50vh -1890px -50vh 1830px)' });
    expect(pageView(2, 3, 1800, 60)).toEqual({ transform: 'translateX(-3720px)', clipPath: 'inset(-50vh -3750px -50vh 3690px)' });
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
