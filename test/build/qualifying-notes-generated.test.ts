/**
 * The qualifying-notes property (./qualifying-notes.test.ts) over a
 * generated organisation (npm run gen) as well as the example: three units,
 * whose procedures carry the forms real guides take (applicants, any one of
 * several documents, waiting periods, exceptions, limits per applicant,
 * labelled phones, seasonal hours with a note), built once with every print
 * sheet. Three units keep the build small; each unit's ten procedures have
 * every form (src/tools/gen/organisation.ts picks them by position).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '#lib/content/check.ts';
import { isEntryOf, type EntryOf } from '#lib/content/entry.ts';
import { qualifyingNotes } from '#lib/format.ts';
import { generateOrganisation } from '#node/gen.ts';
import type { ProcedureModel } from '#lib/model.ts';
import { expectNotesEverywhere, expectPlacesEverywhere, kioskTexts, modelProcedures } from '../helpers/qualifying-notes.ts';
import { buildInto } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-gen-notes-'));
const content = join(temp, 'content');
const out = join(temp, 'out');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let entries: CheckedEntry[] = [];
let procedures: Array<EntryOf<'procedures'>> = [];
let kiosk: string[] = [];
let models: ProcedureModel[] = [];

beforeAll(async () => {
  await generateOrganisation({ units: 3, outDir: content, photoSize: '120x160' });
  const check = checkContent(content, { today: '2026-11-22' });
  expect(check.problems).toEqual([]);
  entries = check.entries;
  procedures = entries.filter(isEntryOf('procedures'));
  models = modelProcedures(entries, '2026-11-22');
  await buildInto(content, out);
  kiosk = kioskTexts(out);
});

describe('qualifying notes in a generated organisation', () => {
  it('has the forms real guides take, and notes of each kind to check', () => {
    expect(procedures).toHaveLength(30);
    const fields = new Set(procedures.flatMap((p) => qualifyingNotes(p.data, p.data.hours).map((n) => n.field)));
    for (const f of ['timeLimit.waiting', 'timeLimit.exception', 'timeLimit.byApplicant', 'materials.anyOf', 'materials.condition', 'hours.note']) expect(fields, f).toContain(f);
    expect(procedures.some((p) => p.data.applicants !== undefined)).toBe(true);
    expect(procedures.some((p) => Array.isArray(p.data.phones) && p.data.phones.some((x) => x.number.includes('转')))).toBe(true);
    expect(procedures.some((p) => p.data.hours?.seasons !== undefined)).toBe(true);
    expect(procedures.some((p) => (p.data.places ?? []).some((x) => x.hours?.seasons !== undefined && x.phone !== undefined && x.note !== undefined))).toBe(true);
    const pledges = entries.filter(isEntryOf('pledges')).flatMap((e) => e.data.items);
    expect(pledges.some((i) => i.deadline === 'standing')).toBe(true);
    expect(entries.filter(isEntryOf('evaluations')).some((e) => e.data.goodRate !== undefined)).toBe(true);
    // Two of the three units are on the hall screen with a guide of their own.
    expect(procedures.filter((p) => kiosk.some((k) => k.includes(`办事指南${p.data.name}`))).length).toBeGreaterThanOrEqual(2);
  });

  it('puts every note of every procedure on its web page, both posters and the hall screens that show it', () => {
    for (const p of procedures) expectNotesEverywhere(out, p, kiosk);
  });

  it('puts every place of every procedure, with its own hours, phone and note, on its web page, both posters and the hall screens that show it', () => {
    expect(models).toHaveLength(procedures.length);
    for (const p of models) expectPlacesEverywhere(out, p, kiosk);
  });
});
