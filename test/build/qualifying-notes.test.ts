/**
 * Property: a note that qualifies a fact (a waiting period, an exception, a
 * fee exemption, a material's or a step's condition, an hours note) appears
 * wherever the fact does: on the guide's web page, on each procedure poster
 * size, and on every hall-screen page that shows the guide. Read from the
 * built example; every procedure, every note.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { isEntryOf } from '#lib/content/entry.ts';
import { LEFT_OUT_ON_PURPOSE, qualifyingNotes } from '#lib/format.ts';
import { htmlFiles, page, text } from '../helpers/html.ts';
import { ROOT } from '../helpers/run.ts';

const out = inject('exampleDir');
const content = checkContent(join(ROOT, 'content'), { today: '2026-11-22' });
const procedures = content.entries.filter(isEntryOf('procedures'));
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const kioskPages = htmlFiles(out)
  .filter((f) => /^kiosk\/[^/]+\/index\.html$/.test(f))
  .map((f) => flat(text(page(out, f).querySelector('body'))));

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

  it.each(procedures.map((p) => [p.id, p] as const))('%s: every note is on its web page, both posters and the hall screens that show it', (_id, p) => {
    const notes = qualifyingNotes(p.data, p.data.hours);
    const web = flat(text(page(out, `units/${p.unit}/procedures/${p.slug}/index.html`).querySelector('main')));
    const posters = ['a4', 'a3'].map((size) => {
      const file = `print/units/${p.unit}/procedures/${p.slug}/${size}/index.html`;
      expect(existsSync(join(out, file)), file).toBe(true);
      return [size, flat(text(page(out, file).querySelector('body')))] as const;
    });
    // A screen that shows the guide's own slide ("… · 办事指南<name>"), not one that only lists it on a unit board.
    const screens = kioskPages.filter((k) => k.includes(`办事指南${p.data.name}`));
    for (const note of notes) {
      const said = flat(note.text);
      expect(web, `web page: ${note.field}`).toContain(said);
      for (const [size, poster] of posters) expect(poster, `${size} poster: ${note.field}`).toContain(said);
      for (const screen of screens) expect(screen, `hall screen: ${note.field}`).toContain(said);
    }
  });
});
