/**
 * The property that a note qualifying a fact travels with it, checked on a
 * built site: every qualifying note of a guide (src/lib/format.ts) is on the
 * guide's web page, on both procedure poster sizes, and on every hall-screen
 * page that shows the guide's own slide.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CheckedEntry, EntryOf } from '#lib/content/entry.ts';
import { placeFacts } from '#lib/contacts.ts';
import { LEFT_OUT_ON_PURPOSE, qualifyingNotes } from '#lib/format.ts';
import { buildModel, type ContentEntries, type ProcedureModel } from '#lib/model.ts';
import { htmlFiles, page, text } from './html.ts';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of every hall-screen page of a built site. */
export function kioskTexts(out: string): string[] {
  return htmlFiles(out)
    .filter((f) => /^kiosk\/[^/]+\/index\.html$/.test(f))
    .map((f) => flat(text(page(out, f).querySelector('body'))));
}

/** The guides of checked content as every output sees them (places, hours and phones resolved from their unit and the site). */
export function modelProcedures(entries: readonly CheckedEntry[], today: string): ProcedureModel[] {
  const of = (c: CheckedEntry['collection']) => entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, data: e.data, file: e.file })) as never[];
  const site = entries.find((e) => e.collection === 'site');
  if (!site) throw new Error('no site.yaml');
  const content: ContentEntries<string> = {
    site: site.data as never,
    siteFile: site.file,
    units: of('units'),
    procedures: of('procedures'),
    staff: of('staff'),
    posts: of('posts'),
    pledges: of('pledges'),
    evaluations: of('evaluations'),
    notices: of('notices'),
  };
  return buildModel(content, today, () => undefined).units.flatMap((u) => u.procedures);
}

/** Text without any white space, to compare what was written with what a page shows across its elements. */
const bare = (s: string) => s.replace(/\s+/g, '');

/** The web page, each poster size and the hall screens showing guide `p`, as text. */
function outputs(out: string, unit: string, slug: string, name: string, kiosk: readonly string[]) {
  const web = text(page(out, `units/${unit}/procedures/${slug}/index.html`).querySelector('main'));
  const posters = (['a4', 'a3'] as const).map((size) => {
    const file = `print/units/${unit}/procedures/${slug}/${size}/index.html`;
    expect(existsSync(join(out, file)), file).toBe(true);
    return [`${size} poster` as const, text(page(out, file).querySelector('body'))] as const;
  });
  const screens = kiosk.filter((k) => k.includes(`办事指南${name}`)).map((k) => ['hall screen', k] as const);
  return [['web page', web] as const, ...posters, ...screens];
}

const FORMAT = { 'web page': 'web', 'a4 poster': 'poster', 'a3 poster': 'poster', 'hall screen': 'kiosk' } as const;

/**
 * Asserts that every place of guide `p` is on its web page, both posters and
 * the hall screens that show it, with all it says: name, address, its own
 * hours (each season, line and note, the holiday arrangement), phone and
 * note; a place without hours of its own beside places with theirs says it
 * keeps the guide's. Only fields the format leaves out on purpose
 * (`LEFT_OUT_ON_PURPOSE`) may be missing.
 */
export function expectPlacesEverywhere(out: string, p: ProcedureModel, kiosk: readonly string[]): void {
  const facts = placeFacts(p.places, p.data.hours !== undefined);
  for (const [where, shown] of outputs(out, p.unit, p.slug, p.data.name, kiosk)) {
    const left: readonly string[] = LEFT_OUT_ON_PURPOSE[FORMAT[where]];
    for (const fact of facts) {
      if (left.includes(fact.field)) continue;
      expect(bare(shown), `${where}: ${fact.place} ${fact.field}`).toContain(bare(fact.text));
    }
  }
}

/** Asserts that every qualifying note of guide `p` is on its web page, both posters and the hall screens that show it. */
export function expectNotesEverywhere(out: string, p: EntryOf<'procedures'>, kiosk: readonly string[]): void {
  const notes = qualifyingNotes(p.data, p.data.hours);
  const web = flat(text(page(out, `units/${p.unit}/procedures/${p.slug}/index.html`).querySelector('main')));
  const posters = ['a4', 'a3'].map((size) => {
    const file = `print/units/${p.unit}/procedures/${p.slug}/${size}/index.html`;
    expect(existsSync(join(out, file)), file).toBe(true);
    return [size, flat(text(page(out, file).querySelector('body')))] as const;
  });
  // A screen that shows the guide's own slide ("… · 办事指南<name>"), not one that only lists it on a unit board.
  const screens = kiosk.filter((k) => k.includes(`办事指南${p.data.name}`));
  for (const note of notes) {
    const said = flat(note.text);
    expect(web, `web page: ${note.field}`).toContain(said);
    for (const [size, poster] of posters) expect(poster, `${size} poster: ${note.field}`).toContain(said);
    for (const screen of screens) expect(screen, `hall screen: ${note.field}`).toContain(said);
  }
}
