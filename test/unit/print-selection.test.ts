/** Which units' print sheets a build renders (src/lib/print/selection.ts). */
import { describe, expect, it } from 'vitest';
import { parsePrintSelection, printedUnits } from '#lib/print/selection.ts';

const units = [{ id: 'menzhen' }, { id: 'huzheng' }, { id: 'shebao' }];

describe('print selection', () => {
  it('is every unit when nothing or "all" is asked for', () => {
    expect(printedUnits(units, parsePrintSelection(undefined))).toEqual(units);
    expect(printedUnits(units, parsePrintSelection(' all '))).toEqual(units);
  });

  it('is no unit for "none"', () => {
    expect(printedUnits(units, parsePrintSelection('none'))).toEqual([]);
  });

  it('is the listed units, in the site order, ignoring blanks and units that do not exist', () => {
    expect(printedUnits(units, parsePrintSelection('shebao, menzhen,,nope'))).toEqual([{ id: 'menzhen' }, { id: 'shebao' }]);
  });
});
