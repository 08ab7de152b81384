/**
 * The property that a note qualifying a fact travels with it, checked on a
 * built site: every qualifying note of a guide (src/lib/format.ts) is on the
 * guide's web page, on both procedure poster sizes, and on every hall-screen
 * page that shows the guide's own slide.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { EntryOf } from '#lib/content/entry.ts';
import { qualifyingNotes } from '#lib/format.ts';
import { htmlFiles, page, text } from './html.ts';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of every hall-screen page of a built site. */
export function kioskTexts(out: string): string[] {
  return htmlFiles(out)
    .filter((f) => /^kiosk\/[^/]+\/index\.html$/.test(f))
    .map((f) => flat(text(page(out, f).querySelector('body'))));
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
