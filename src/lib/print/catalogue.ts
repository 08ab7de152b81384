/**
 * Every sheet a unit can print, with the page its QR code opens and its
 * version code, and the notes those pages show for sheets printed earlier.
 */
import type { SiteModel, UnitModel } from '../model.ts';
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
  type PhotoId,
} from './printed.ts';
import { changedFields, versionCode } from './version.ts';

export interface PrintedItem {
  /** Stable identity of the sheet across versions: `procedure:menzhen/guahao`. */
  key: string;
  format: FormatId;
  /** Site path of the page the sheet's QR code opens. */
  page: string;
  printed: Record<string, unknown>;
  labels: Readonly<Record<string, string>>;
  code: string;
}

function item(key: string, format: FormatId, page: string, printed: Record<string, unknown>, labels: Readonly<Record<string, string>>): PrintedItem {
  return { key, format, page, printed, labels, code: versionCode(printed) };
}

/**
 * Every sheet of one unit, as printed on `today` (the day decides the
 * board's pledge year and which pledge items a card marks overdue).
 */
export function unitSheets(unit: UnitModel<unknown>, photoId: PhotoId, today: string): PrintedItem[] {
  const u = unit.id;
  return [
    item(`board:${u}`, 'board', paths.unit(u), printedBoard(unit, photoId, today), BOARD_LABELS),
    item(`supervision:${u}`, 'supervision', paths.unit(u), printedSupervision(unit.data.name, unit.phone, unit.channels, unit.data.parent), SUPERVISION_LABELS),
    ...unit.procedures.map((p) => item(`procedure:${p.id}`, 'procedure', paths.procedure(u, p.slug), printedProcedure(p, unit), PROCEDURE_LABELS)),
    ...unit.staff.map((s) => item(`desk-card:${s.id}`, 'desk-cards', paths.person(u, s.slug), printedDeskCard(s, unit), DESK_CARD_LABELS)),
    ...unit.staff.map((s) => item(`badge:${s.id}`, 'badges', paths.person(u, s.slug), printedBadge(s, unit, photoId), BADGE_LABELS)),
    ...unit.pledges.map((p) => item(`pledge:${p.id}`, 'pledge', paths.pledges(u), printedPledge(p, unit, today), PLEDGE_LABELS)),
    ...unitWindows(unit).map((w) => item(`plaque:${u}/${w}`, 'window-plaques', paths.unit(u), printedPlaque(unit, w), PLAQUE_LABELS)),
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
