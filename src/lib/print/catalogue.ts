/**
 * Every sheet a unit can print, with the page its QR code opens and its
 * version code, and the notes those pages show for sheets printed earlier.
 */
import type { SiteModel, StaffModel, UnitModel } from '../model.ts';
import { paths } from '../urls.ts';
import type { FormatId } from './formats.ts';
import {
  BADGE_LABELS,
  BOARD_LABELS,
  DESK_CARD_LABELS,
  PLAQUE_LABELS,
  PLEDGE_LABELS,
  PROCEDURE_LABELS,
  SUPERVISION_LABELS,
  printedBadge,
  printedBoard,
  printedDeskCard,
  printedPlaque,
  printedPledge,
  printedProcedure,
  printedSupervision,
  unitWindows,
  type BadgeView,
  type BoardView,
  type DeskCardView,
  type PhotoId,
  type PlaqueView,
  type PledgeView,
  type ProcedureView,
  type SupervisionView,
} from './printed.ts';
import { changedFields, sheetCode } from './version.ts';

/** What each format prints: the props of its sheet component. */
export interface PrintedViews {
  board: BoardView;
  supervision: SupervisionView;
  procedure: ProcedureView;
  'desk-cards': DeskCardView;
  badges: BadgeView;
  pledge: PledgeView;
  'window-plaques': PlaqueView;
}

/** The staff photos a sheet prints, by the identity its view holds (its content's). */
export type PhotoSources = ReadonlyMap<string, StaffModel<unknown>>;

export interface PrintedItem {
  /** Stable identity of the sheet across versions: `procedure:menzhen/guahao`. */
  key: string;
  format: FormatId;
  /** Site path of the page the sheet's QR code opens. */
  page: string;
  /** What the sheet prints (`PrintedViews[format]`); its version code is computed from this. */
  printed: Record<string, unknown>;
  labels: Readonly<Record<string, string>>;
  code: string;
  /** Where to find the pictures of the photo identities in `printed`, on sheets that print photos. */
  photos?: PhotoSources;
}

/** Items are made only here, each from the view of its own format. */
function item<F extends FormatId>(key: string, format: F, page: string, printed: PrintedViews[F], labels: Readonly<Record<string, string>>, photos?: PhotoSources): PrintedItem {
  return { key, format, page, printed, labels, code: sheetCode(printed), ...(photos ? { photos } : {}) };
}

/** What a sheet prints, checked to be of the format its page draws. */
export function viewOf<F extends FormatId>(sheet: PrintedItem, format: F): PrintedViews[F] {
  if (sheet.format !== format) throw new Error(`${sheet.key} is a ${sheet.format} sheet, not ${format}`);
  return sheet.printed as PrintedViews[F];
}

/** The key of each sheet, as its page asks for it: one for the unit, or one per entry or window. */
export const sheetKey = {
  board: (unitId: string) => `board:${unitId}`,
  supervision: (unitId: string) => `supervision:${unitId}`,
  procedure: (p: { id: string }) => `procedure:${p.id}`,
  deskCard: (s: { id: string }) => `desk-card:${s.id}`,
  badge: (s: { id: string }) => `badge:${s.id}`,
  pledge: (p: { id: string }) => `pledge:${p.id}`,
  plaque: (unitId: string, window: string) => `plaque:${unitId}/${window}`,
} as const;

/**
 * Every sheet of one unit, as printed on `today` (the day decides the
 * board's pledge year and which pledge items a card marks overdue).
 */
export function unitSheets(unit: UnitModel<unknown>, photoId: PhotoId, today: string): PrintedItem[] {
  const u = unit.id;
  const photos: PhotoSources = new Map(unit.staff.map((s) => [photoId(s), s]));
  return [
    item(sheetKey.board(u), 'board', paths.unit(u), printedBoard(unit, photoId, today), BOARD_LABELS, photos),
    item(sheetKey.supervision(u), 'supervision', paths.unit(u), printedSupervision(unit.data.name, unit.phone, unit.channels, unit.data.parent), SUPERVISION_LABELS),
    ...unit.procedures.map((p) => item(sheetKey.procedure(p), 'procedure', paths.procedure(u, p.slug), printedProcedure(p, unit), PROCEDURE_LABELS)),
    ...unit.staff.map((s) => item(sheetKey.deskCard(s), 'desk-cards', paths.person(u, s.slug), printedDeskCard(s, unit), DESK_CARD_LABELS)),
    ...unit.staff.map((s) => item(sheetKey.badge(s), 'badges', paths.person(u, s.slug), printedBadge(s, unit, photoId), BADGE_LABELS, photos)),
    ...unit.pledges.map((p) => item(sheetKey.pledge(p), 'pledge', paths.pledges(u), printedPledge(p, unit, today), PLEDGE_LABELS)),
    ...unitWindows(unit).map((w) => item(sheetKey.plaque(u, w), 'window-plaques', paths.unit(u), printedPlaque(unit, w), PLAQUE_LABELS)),
  ];
}

/** The organisation's own supervision poster, whose QR code opens the home page. */
export function siteSheets(site: SiteModel<unknown>): PrintedItem[] {
  return [item('supervision:site', 'supervision', paths.home(), printedSupervision(site.site.name, site.site.phone, site.channels), SUPERVISION_LABELS)];
}

/** A state of the content in the past: when it was committed, and its sheets then. */
export interface PastState {
  date: string;
  sheets: PrintedItem[];
}

/** What the page a sheet leads to says about one version of it. */
export interface VersionNote {
  code: string;
  current: boolean;
  /** For an old version: the day it stopped being current. */
  outdatedSince?: string;
  /** For an old version: what is different now, as field labels. */
  changed?: string[];
}

/**
 * The notes for a sheet: its current code, and every earlier code found in
 * the past states (newest first) with the day it stopped being current and
 * what differs from now. `today` stands for changes not yet committed.
 */
export function versionNotes(current: PrintedItem, past: readonly PastState[], today: string): VersionNote[] {
  const notes: VersionNote[] = [{ code: current.code, current: true }];
  // Walk from the newest state back; a code's end is the date of the state after it.
  let later = { date: today, code: current.code };
  for (const state of past) {
    const then = state.sheets.find((s) => s.key === current.key);
    if (!then) break;
    if (then.code !== later.code && !notes.some((n) => n.code === then.code)) {
      notes.push({
        code: then.code,
        current: false,
        outdatedSince: later.date,
        changed: changedFields(then.printed, current.printed, current.labels),
      });
    }
    later = { date: state.date, code: then.code };
  }
  return notes;
}
