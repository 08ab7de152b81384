/**
 * What a screen's page tells its player, as JSON inside the page: written by
 * src/pages/kiosk/[screen]/index.astro, read by src/scripts/kiosk.ts from
 * the page it runs in and again from the page of every new build. One type
 * for both sides, so neither can drift from the other.
 */
import type { PageNoteStrings } from './pages.ts';
import type { DayStrings, ScreenCalendar, WhenRule } from './schedule.ts';

/** The id of the `<script type="application/json">` element that holds the configuration. */
export const KIOSK_CONFIG_ID = 'kiosk-config';

export interface KioskConfig {
  screen: string;
  name: string;
  /** The content version of the screen (src/lib/kiosk/version.ts); a new one in the version file means a new build. */
  version: string;
  builtAt: string;
  /** 数据截至 and the day of the content, for the footer. */
  dataAsOf: string;
  /** The organisation's time zone: schedules are read in it, whatever the screen's own clock says. */
  timezone: string;
  /** Addresses, from src/lib/urls.ts under the base path. */
  versionUrl: string;
  pageUrl: string;
  serviceWorker: string;
  scope: string;
  /** Minutes between two reads of the version file. */
  checkMinutes: number;
  /** The screen's own schedule: outside it, only the resting slide. */
  when?: WhenRule;
  /** The holiday arrangements the schedules' 工作日 and 节假日 are read by (src/lib/kiosk/calendar.ts). */
  calendar: ScreenCalendar;
  /** The player's own words, from src/i18n. */
  strings: PageNoteStrings & DayStrings;
}

/** The configuration as the page writes it: JSON that cannot close its script element. */
export function serialiseKioskConfig(config: KioskConfig): string {
  return JSON.stringify(config).replace(/</g, '\\u003c');
}
