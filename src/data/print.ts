/**
 * Printed sheets as pages see them: each sheet's version code and the notes
 * its page shows for earlier printings. Build time only; one Git history
 * read per unit per build.
 */
import context from 'virtual:siliang/context';
import { siteSheets, unitSheets, versionNotes, type PrintedItem, type VersionNote } from '#lib/print/catalogue.ts';
import { currentPhotoId, unitHistory } from '#lib/print/history.ts';
import type { PhotoId } from '#lib/print/printed.ts';
import { readPhotoManifest, type PhotoManifest } from '#integration/photos.ts';
import { printedUnits } from '#lib/print/selection.ts';
import { photoPath } from '#lib/images/photo-recipe.ts';
import { absoluteUrl } from '#lib/urls.ts';
import { latest } from '#lib/dates.ts';
import { staffTierOf, hidesStaff } from '#lib/privacy/tiers.ts';
import { loadSite, loadWholeSite, unitById, type Site, type Unit } from './site.ts';

interface UnitPrint {
  sheets: PrintedItem[];
  notes: Map<string, VersionNote[]>;
}

const cache = new Map<string, Promise<UnitPrint>>();
// A staff photo's identity is its Git blob hash, which the photo step has
// already worked out for every photo; reading each photo again for it would
// cost a province's build a pass over gigabytes.
const fallbackPhotoId = currentPhotoId(context.contentDir);
let photoIds: PhotoManifest | undefined;
const photoId: PhotoId = (s) => {
  photoIds ??= readPhotoManifest(context.photoManifest);
  const photo = (s.data as { photo?: unknown }).photo;
  const known = typeof photo === 'string' && !import.meta.env.DEV ? photoIds[photoPath(s.file, photo)] : undefined;
  return known?.id ?? fallbackPhotoId(s);
};

async function compute(unitId: string): Promise<UnitPrint> {
  // What the sheets print, whatever the website shows: a badge scanned in the hall is current or not by what it prints.
  const site = await loadWholeSite();
  const unit = unitById(site, unitId);
  if (!unit) throw new Error(`unknown unit ${unitId}`);
  const sheets = unitSheets(unit, photoId, context.today);
  const past = unitHistory(context.contentDir, unitId, context.timezone);
  return { sheets, notes: new Map(sheets.map((s) => [s.key, versionNotes(s, past, context.today)])) };
}

/**
 * The units whose print sheets this build renders (all, unless the build was
 * asked otherwise). A published build leaves out the units whose staff the
 * web shows less of than their sheets print: their sheets would put on the
 * web what site.yaml keeps off it, so `npm run posters` builds them apart.
 */
export async function printUnits(): Promise<Unit[]> {
  const site = await loadSite();
  const printed = printedUnits(site.units, context.print);
  if (context.audience === 'print') return printed;
  return printed.filter((u) => !hidesStaff(staffTierOf(site.site.privacy, u.id)));
}

/** `getStaticPaths` of a print page with one page per printed unit. */
export async function printUnitStaticPaths(): Promise<Array<{ params: { unit: string } }>> {
  return (await printUnits()).map((u) => ({ params: { unit: u.id } }));
}

/** The sheets of a unit and their version notes. */
export function unitPrint(unitId: string): Promise<UnitPrint> {
  let found = cache.get(unitId);
  if (!found) cache.set(unitId, (found = compute(unitId)));
  return found;
}

/** One sheet of a unit, by its key. */
export async function sheet(unitId: string, key: string): Promise<PrintedItem> {
  const found = (await unitPrint(unitId)).sheets.find((s) => s.key === key);
  if (!found) throw new Error(`unknown sheet ${key}`);
  return found;
}

/** The organisation's own sheets (its supervision poster). */
export async function sitePrint(): Promise<PrintedItem[]> {
  return siteSheets(await loadSite());
}

/** Where a sheet's QR code leads: the item's page, with the sheet's version in the fragment. */
export function qrTarget(site: Site, item: PrintedItem): string {
  return `${absoluteUrl(site.site.url, item.page)}#v-${item.code}`;
}

/** The notes a page shows for the sheets whose QR codes lead to it. */
export async function notesForPage(unitId: string | undefined, page: string): Promise<Array<{ item: PrintedItem; notes: VersionNote[] }>> {
  if (!unitId) {
    const items = (await sitePrint()).filter((s) => s.page === page);
    return items.map((item) => ({ item, notes: versionNotes(item, [], context.today) }));
  }
  const { sheets, notes } = await unitPrint(unitId);
  return sheets.filter((s) => s.page === page).map((item) => ({ item, notes: notes.get(item.key) ?? [] }));
}

/** When what a person's badge or desk card prints last changed: their own file, or their post's (its name is printed). */
export function staffSheetUpdated(unit: Unit, person: Unit['staff'][number]): string | undefined {
  return latest([person.updated, unit.posts.find((p) => p.slug === person.data.post)?.updated]);
}
