/**
 * The picture behind a photo identity in a printed view: the views hold
 * the identity of a photo's content (what the version code counts), and
 * the sheet prints the picture the photo step made from that content.
 */
import type { PhotoSources } from '#lib/print/catalogue.ts';
import { NO_PHOTO } from '#lib/print/printed.ts';

/** The member of staff whose photo has identity `id`; undefined for someone with no photo yet (a placeholder is printed). */
export function photoSource(photos: PhotoSources | undefined, id: string) {
  if (id === NO_PHOTO) return undefined;
  const person = photos?.get(id);
  if (!person) throw new Error(`no photo for identity ${id} on this sheet`);
  return person;
}
