/**
 * One-line text on badges and desk cards is sized at build time: as large
 * as fits, never below a legible minimum, and a line that does not fit
 * even then says so, so that it is reported instead of cut silently.
 */
import { describe, expect, it } from 'vitest';
import { fitLine, fitPt, fitsAt, textEms } from '#components/print/fit-text.ts';
import { addressLines, printedAddress } from '#lib/print/address.ts';

const PT_MM = 25.4 / 72;

describe('the width estimate', () => {
  it('counts a Chinese character or full-width sign a whole em', () => {
    expect(textEms('赵建军')).toBe(3);
    expect(textEms('（·）')).toBe(3);
  });

  // Widest advances measured in Chromium for Noto Sans CJK SC and Noto Serif CJK SC, regular and bold.
  it.each([
    ['m', 1.008],
    ['W', 1.095],
    ['@', 1.007],
    ['w', 0.88],
    ['H', 0.864],
    ['n', 0.685],
    ['h', 0.687],
    ['O', 0.798],
    ['0', 0.59],
    ['I', 0.426],
    ['.', 0.335],
    [' ', 0.256],
  ])('is never less than what %j takes (%f em)', (ch, measured) => {
    expect(textEms(ch)).toBeGreaterThanOrEqual(measured);
  });
});

describe('fitting a line', () => {
  it('uses the largest size up to the maximum', () => {
    expect(fitLine('赵建军', 54.6, 20)).toEqual({ pt: 20, fits: true });
    // 40 characters in 54.6 mm: 54.6 / (40 × 0.3528) = 3.8 pt.
    const long = '阿'.repeat(40);
    expect(fitLine(long, 54.6, 20, { minPt: 3 })).toEqual({ pt: 3.8, fits: true });
  });

  it('never goes below the minimum; a line too long even at the minimum is flagged, not shrunk further', () => {
    const name = '阿卜杜热合曼·买买提依明·艾合买提江·库尔班';
    const fitted = fitLine(name, 54.6, 20, { minPt: 11 });
    expect(fitted).toEqual({ pt: 11, fits: false });
    // At 11 pt the name would need more than the box has.
    expect(textEms(name) * 11 * PT_MM).toBeGreaterThan(54.6);
    expect(fitPt(name, 54.6, 20, { minPt: 11 })).toBe(11);
  });

  it('has a default minimum of 6 pt, or the maximum when that is smaller', () => {
    expect(fitLine('某'.repeat(100), 50, 10)).toEqual({ pt: 6, fits: false });
    expect(fitLine('某'.repeat(100), 50, 5)).toEqual({ pt: 5, fits: false });
  });

  it('counts letter-spacing', () => {
    expect(fitLine('张三', 20, 60, { spacingEm: 0.6 }).pt).toBeLessThan(fitLine('张三', 20, 60).pt);
  });

  it('tells whether a line fits at a given size, with no minimum in the way', () => {
    expect(fitsAt('一级警长 · 治安户政大队副大队长', 54.6, 7)).toBe(true);
    expect(fitsAt('一级警长 · 治安户政大队副大队长兼户籍管理中队中队长', 54.6, 7)).toBe(false);
  });
});

describe('the printed address', () => {
  it('leaves out https:// and the trailing slash', () => {
    expect(printedAddress('https://gongkai.qingxi.example/', 'units/huzheng/staff/zhao-jianjun/')).toBe('gongkai.qingxi.example/units/huzheng/staff/zhao-jianjun');
    expect(printedAddress('https://www.example.gov.cn/gongkai/', 'units/a/')).toBe('www.example.gov.cn/gongkai/units/a');
  });

  it('breaks into the host and the path, the path keeping its slash', () => {
    expect(addressLines('gongkai.qingxi.example/units/huzheng/staff/zhao-jianjun')).toEqual(['gongkai.qingxi.example', '/units/huzheng/staff/zhao-jianjun']);
    expect(addressLines('gongkai.qingxi.example')).toEqual(['gongkai.qingxi.example']);
  });

  it('fits a badge at 6.5 pt, host and path on a line each, for an address longer than any in the example', () => {
    const [host, path] = addressLines('gongkai.qingxi.example/units/budongchan/staff/ouyang-xiaoming-2') as [string, string];
    for (const line of [host, path]) expect(fitLine(line, 85.6 - 6 - 15.5, 6.5, { minPt: 5 })).toEqual({ pt: 6.5, fits: true });
  });
});
