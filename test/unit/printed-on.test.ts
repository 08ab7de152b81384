/**
 * The printed-on date of a sheet is the day it is printed, in the
 * organisation's time zone, filled in by the print page's script; the page's
 * own bytes carry no date, so a rebuild on another day changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { fillPrintedOn } from '../../src/scripts/printed-on.ts';

function slots(...zones: string[]) {
  const list = zones.map((zone) => ({ dataset: { printedOn: zone } as DOMStringMap, textContent: '____年__月__日' as string | null }));
  return { list, root: { querySelectorAll: () => list } as unknown as ParentNode };
}

describe('the printed-on date', () => {
  it('is the day of printing in the time zone each sheet names', () => {
    const { list, root } = slots('Asia/Shanghai', 'Europe/London');
    fillPrintedOn(root, new Date('2026-12-31T17:00:00Z'));
    expect(list.map((s) => s.textContent)).toEqual(['2027年1月1日', '2026年12月31日']);
  });

  it('falls back to China time when a sheet names no zone', () => {
    const { list, root } = slots('');
    fillPrintedOn(root, new Date('2026-03-01T16:30:00Z'));
    expect(list[0]?.textContent).toBe('2026年3月2日');
  });
});
