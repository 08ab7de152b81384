/**
 * What every print page opens with: which pages there are (one per printed
 * unit, per entry and per paper size), and for one page its site, its
 * unit, the sheet it draws and the date that sheet's content last changed.
 * The pages differ only in how they lay their sheets out.
 */
import { printUnits, sheet, staffSheetUpdated } from '#data/print.ts';
import { loadUnit, type Site, type Unit } from '#data/site.ts';
import { sheetKey, type PrintedItem } from '#lib/print/catalogue.ts';
import { FORMATS, type FormatId } from '#lib/print/formats.ts';

type Params = Readonly<Record<string, string | undefined>>;

/**
 * `getStaticPaths` of a format's pages: for each printed unit, each entry
 * `entries` lists (as the page's parameters for it; the unit itself when
 * not given), in every paper size of the format.
 */
export async function sheetPaths(format: FormatId, entries: (unit: Unit) => Array<Record<string, string>> = () => [{}]) {
  return (await printUnits()).flatMap((u) => entries(u).flatMap((entry) => FORMATS[format].sizes.map((size) => ({ params: { unit: u.id, ...entry, size } }))));
}

/** `getStaticPaths` of a page per printed unit with staff (desk cards, badges), or per member of staff (`perPerson`). */
export async function staffPaths(perPerson = false) {
  const units = (await printUnits()).filter((u) => u.staff.length > 0);
  return perPerson ? units.flatMap((u) => u.staff.map((s) => ({ params: { unit: u.id, person: s.slug } }))) : units.map((u) => ({ params: { unit: u.id } }));
}

/** The entry a page's address names; one it does not know is a mistake in the page's own paths. */
function entry<T extends { slug: string }>(list: readonly T[], slug: string | undefined, what: string): T {
  const found = list.find((e) => e.slug === slug);
  if (!found) throw new Error(`unknown ${what} ${slug}`);
  return found;
}

/** What a sheet component is given: the site, the sheet, when its content last changed, and its QR code's printed size. */
export interface SheetProps {
  site: Site;
  item: PrintedItem;
  updated: string | undefined;
  /** Printed size of the QR code. */
  qr: string;
}

export interface SheetPage {
  site: Site;
  unit: Unit;
  item: PrintedItem;
  /** The id of the entry the sheet prints: a procedure's, a pledge's, a person's, or the unit's own. */
  id: string;
  /** When what the sheet prints last changed, for its footer. */
  updated: string | undefined;
}

/** Which sheet a page of each format draws, found from the page's parameters. */
const OPEN = {
  board: (unit: Unit) => ({ key: sheetKey.board(unit.id), id: unit.id, updated: unit.updated }),
  supervision: (unit: Unit) => ({ key: sheetKey.supervision(unit.id), id: unit.id, updated: unit.updated }),
  procedure: (unit: Unit, params: Params) => {
    const p = entry(unit.procedures, params.procedure, 'procedure');
    return { key: sheetKey.procedure(p), id: p.id, updated: p.updated };
  },
  pledge: (unit: Unit, params: Params) => {
    const p = entry(unit.pledges, params.pledge, 'pledge');
    return { key: sheetKey.pledge(p), id: p.id, updated: p.updated };
  },
  'desk-cards': (unit: Unit, params: Params) => {
    const s = entry(unit.staff, params.person, 'person');
    return { key: sheetKey.deskCard(s), id: s.id, updated: staffSheetUpdated(unit, s) };
  },
} as const;

/** The site, unit and sheet of a page that draws one sheet of a unit (with its continuations). */
export async function openSheet(params: Params, format: keyof typeof OPEN): Promise<SheetPage> {
  const { site, unit } = await loadUnit(params.unit ?? '');
  const { key, id, updated } = OPEN[format](unit, params);
  return { site, unit, item: await sheet(unit.id, key), id, updated };
}

/** Every member of staff's sheet of a kind (desk card or badge), in the unit's order, for the pages that print them all. */
export async function staffSheets(unit: Unit, kind: 'deskCard' | 'badge'): Promise<Array<{ person: Unit['staff'][number]; item: PrintedItem; updated: string | undefined }>> {
  return Promise.all(unit.staff.map(async (person) => ({ person, item: await sheet(unit.id, sheetKey[kind](person)), updated: staffSheetUpdated(unit, person) })));
}
