/**
 * Property: a note that qualifies a fact (a waiting period, an exception, a
 * fee exemption, a material's or a step's condition, an hours note) appears
 * wherever the fact does: on the guide's web page, on each procedure poster
 * size, and on every hall-screen page that shows the guide. Read from the
 * built example; every procedure, every note. The same property over a
 * generated organisation: ./qualifying-notes-generated.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { isEntryOf } from '#lib/content/entry.ts';
import { LEFT_OUT_ON_PURPOSE, qualifyingNotes } from '#lib/format.ts';
import { placeFacts } from '#lib/contacts.ts';
import { expectNotesEverywhere, expectPlacesEverywhere, kioskTexts, modelProcedures } from '../helpers/qualifying-notes.ts';
import { ROOT } from '../helpers/run.ts';

const out = inject('exampleDir');
const content = checkContent(join(ROOT, 'content'), { today: '2026-11-22' });
const procedures = content.entries.filter(isEntryOf('procedures'));
const kioskPages = kioskTexts(out);
const models = modelProcedures(content.entries, '2026-11-22');

describe('qualifying notes travel with the facts they qualify', () => {
  it('has notes to check: the example writes waiting periods, exceptions, conditions and fee notes', () => {
    const fields = new Set(procedures.flatMap((p) => qualifyingNotes(p.data, p.data.hours).map((n) => n.field)));
    for (const f of ['timeLimit.waiting', 'timeLimit.exception', 'timeLimit.byApplicant', 'feeNote', 'fee.note', 'materials.anyOf', 'scopeNote', 'appointment.how'])
      expect(fields, f).toContain(f);
  });

  it('leaves no qualifying note out of any output on purpose', () => {
    const fields = new Set(procedures.flatMap((p) => qualifyingNotes(p.data, p.data.hours).map((n) => n.field)));
    for (const [output, left] of Object.entries(LEFT_OUT_ON_PURPOSE)) for (const f of left) expect(fields.has(f), `${output} leaves out ${f}`).toBe(false);
  });

  it('has places to check: a guide done at two places, the second with hours, a phone and a note of its own', () => {
    const fields = new Set(models.flatMap((p) => placeFacts(p.places, p.data.hours !== undefined).map((f) => f.field)));
    for (const f of ['places.name', 'places.address', 'places.hours', 'places.hours.holidays', 'places.phone', 'places.note']) expect(fields, f).toContain(f);
    expect(models.some((p) => p.places.length > 1 && p.places.some((x) => x.hours === undefined) && p.places.some((x) => x.hours !== undefined))).toBe(true);
  });

  it('leaves out on purpose only the way to a place, never its hours, phone or note', () => {
    for (const [output, left] of Object.entries(LEFT_OUT_ON_PURPOSE))
      expect(
        left.filter((f) => f.startsWith('places.') && f !== 'places.directions'),
        output,
      ).toEqual([]);
  });

  it.each(models.map((p) => [`${p.unit}/${p.slug}`, p] as const))(
    '%s: every place, with its own hours, phone and note, is on its web page, both posters and the hall screens that show it',
    (_id, p) => {
      expectPlacesEverywhere(out, p, kioskPages);
    },
  );

  it.each(procedures.map((p) => [p.id, p] as const))('%s: every note is on its web page, both posters and the hall screens that show it', (_id, p) => {
    expectNotesEverywhere(out, p, kioskPages);
  });
});
