import { describe, expect, it } from 'vitest';
import { fill, t } from '#i18n/index.ts';

describe('interface strings', () => {
  it('fills each placeholder with its value, numbers included', () => {
    expect(fill('第 {page} / {count} 屏', { page: 2, count: 3 })).toBe('第 2 / 3 屏');
  });

  it('fills the same placeholder wherever it occurs', () => {
    expect(fill('{n} 项，共 {n} 项', { n: 4 })).toBe('4 项，共 4 项');
  });

  it('leaves a placeholder without a value as written, so a missing word shows', () => {
    expect(fill('找到 {n} 条结果{scope}', { n: 5 })).toBe('找到 5 条结果{scope}');
  });

  it('puts a value in as it is, even when it looks like a placeholder or a replacement pattern', () => {
    expect(fill('没有找到相关结果{scope}：“{query}”', { scope: '', query: '{scope} $& $1' })).toBe('没有找到相关结果：“{scope} $& $1”');
  });

  it("gives the dictionary's string, filled when values are given", () => {
    expect(t('kiosk.pages')).toBe('第 {page} / {count} 屏');
    expect(t('kiosk.pages', { page: 1, count: 2 })).toBe('第 1 / 2 屏');
  });
});
